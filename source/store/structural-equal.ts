/** Deep equality for JSON-like model values, so an unchanged poll keeps its snapshot's identity. */
export function structuralEqual(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) {
		return true;
	}

	if (
		typeof a !== 'object' ||
		typeof b !== 'object' ||
		a === null ||
		b === null
	) {
		return false;
	}

	if (Array.isArray(a) !== Array.isArray(b)) {
		return false;
	}

	if (Array.isArray(a) && Array.isArray(b)) {
		return (
			a.length === b.length &&
			a.every((item, index) => structuralEqual(item, b[index]))
		);
	}

	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	const keys = Object.keys(left);
	if (keys.length !== Object.keys(right).length) {
		return false;
	}

	return keys.every(
		key => Object.hasOwn(right, key) && structuralEqual(left[key], right[key]),
	);
}
