/** The polling interval's bounds: faster floods a server, slower is not monitoring. */
export const minIntervalSeconds = 0.5;
export const maxIntervalSeconds = 3600;
export const defaultIntervalSeconds = 3;

/**
 * Seconds between polls, from `--interval` or the config file's `interval`: a number between the
 * bounds, or a problem in a few words. Never a silent default.
 */
export function parseInterval(
	value: unknown,
): {ok: true; seconds: number} | {ok: false; problem: string} {
	const seconds =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/v.test(value)
				? Number(value)
				: Number.NaN;
	if (!Number.isFinite(seconds)) {
		return {
			ok: false,
			problem: `${JSON.stringify(value)} is not a number of seconds`,
		};
	}

	if (seconds < minIntervalSeconds || seconds > maxIntervalSeconds) {
		return {
			ok: false,
			problem: `${seconds} is outside ${minIntervalSeconds}-${maxIntervalSeconds} seconds`,
		};
	}

	return {ok: true, seconds};
}
