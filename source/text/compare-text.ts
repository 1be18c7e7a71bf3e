const zero = 48;
const nine = 57;
const upperA = 65;
const upperZ = 90;

const isDigit = (code: number) => code >= zero && code <= nine;
const folded = (code: number) =>
	code >= upperA && code <= upperZ ? code + 32 : code;

/** Where the run of digits that starts at `from` ends. */
function digitsEnd(text: string, from: number): number {
	let end = from;
	while (end < text.length && isDigit(text.codePointAt(end)!)) {
		end++;
	}

	return end;
}

/** Two runs of digits by their value, however many leading zeros they have. */
function compareDigitRuns(
	a: string,
	[aFrom, aEnd]: readonly [number, number],
	b: string,
	[bFrom, bEnd]: readonly [number, number],
): number {
	let aStart = aFrom;
	while (aStart < aEnd - 1 && a.codePointAt(aStart)! === zero) {
		aStart++;
	}

	let bStart = bFrom;
	while (bStart < bEnd - 1 && b.codePointAt(bStart)! === zero) {
		bStart++;
	}

	const longer = aEnd - aStart - (bEnd - bStart);
	if (longer !== 0) {
		return longer;
	}

	for (let offset = 0; aStart + offset < aEnd; offset++) {
		const difference =
			a.codePointAt(aStart + offset)! - b.codePointAt(bStart + offset)!;
		if (difference !== 0) {
			return difference;
		}
	}

	return 0;
}

/**
 * The order text sorts in on screen: ASCII letters without regard to case, runs of digits by their
 * value (`etl-2` before `etl-10`), then code points, so that only equal texts compare equal.
 * Hand-written rather than `localeCompare`, whose collation data costs 2.6 MB of resident memory
 * and whose calls are slow in a sort of 10,000 runs.
 */
export function compareText(a: string, b: string): number {
	let aAt = 0;
	let bAt = 0;
	while (aAt < a.length && bAt < b.length) {
		const aCode = a.codePointAt(aAt)!;
		const bCode = b.codePointAt(bAt)!;
		if (isDigit(aCode) && isDigit(bCode)) {
			const aEnd = digitsEnd(a, aAt);
			const bEnd = digitsEnd(b, bAt);
			const byValue = compareDigitRuns(a, [aAt, aEnd], b, [bAt, bEnd]);
			if (byValue !== 0) {
				return byValue;
			}

			aAt = aEnd;
			bAt = bEnd;
			continue;
		}

		const difference = folded(aCode) - folded(bCode);
		if (difference !== 0) {
			return difference;
		}

		aAt++;
		bAt++;
	}

	const shorter = a.length - aAt - (b.length - bAt);
	if (shorter !== 0) {
		return shorter;
	}

	return a < b ? -1 : a > b ? 1 : 0;
}
