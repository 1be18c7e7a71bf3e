/** How many of the newest runs of each kind a list reads: fewer hides the day's work, more costs every poll. */
export const minMaxRuns = 100;
export const maxMaxRuns = 100_000;
export const defaultMaxRuns = 5000;

/**
 * `--max-runs` or the config file's `maxRuns`: a whole number between the bounds, or a problem in
 * a few words. Never a silent default.
 */
export function parseMaxRuns(
	value: unknown,
): {ok: true; count: number} | {ok: false; problem: string} {
	const count =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*\d+\s*$/v.test(value)
				? Number(value)
				: Number.NaN;
	if (!Number.isInteger(count)) {
		return {
			ok: false,
			problem: `${JSON.stringify(value)} is not a whole number of runs`,
		};
	}

	if (count < minMaxRuns || count > maxMaxRuns) {
		return {
			ok: false,
			problem: `${count} is outside ${minMaxRuns}-${maxMaxRuns}`,
		};
	}

	return {ok: true, count};
}
