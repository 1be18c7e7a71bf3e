/** A number read from a flag or the config file, or a problem in a few words. Never a silent default. */
export type Bounded = {ok: true; value: number} | {ok: false; problem: string};

/**
 * A number (or a string of digits) between `min` and `max`; `whole` refuses fractions. `unit`
 * names what is counted, in the problem.
 */
export function parseBounded(
	value: unknown,
	bounds: {
		readonly min: number;
		readonly max: number;
		readonly unit: string;
		readonly whole?: boolean;
	},
): Bounded {
	const pattern = bounds.whole ? /^\s*\d+\s*$/v : /^\s*\d+(?:\.\d+)?\s*$/v;
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && pattern.test(value)
				? Number(value)
				: Number.NaN;
	if (!Number.isFinite(number) || (bounds.whole && !Number.isInteger(number))) {
		return {
			ok: false,
			problem: `${JSON.stringify(value)} is not a ${bounds.whole ? 'whole ' : ''}number of ${bounds.unit}`,
		};
	}

	if (number < bounds.min || number > bounds.max) {
		return {
			ok: false,
			problem: `${number} is outside ${bounds.min}-${bounds.max} ${bounds.unit}`,
		};
	}

	return {ok: true, value: number};
}
