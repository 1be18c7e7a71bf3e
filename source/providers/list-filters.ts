/**
 * Provider-specific list filters given as `--filter NAME=VALUE` or a profile's `filters` object.
 * Times accept an ISO date, epoch milliseconds, or an age such as `30m`, `2h`, `7d` ("that long
 * ago", evaluated at every poll, so the window slides).
 */

export type ListFilters = Readonly<Record<string, string>>;

const units: Readonly<Record<string, number>> = {
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
	w: 604_800_000,
};

/** Epoch ms for a filter time; undefined when it is not one. */
export function filterTime(text: string, now: number): number | undefined {
	const trimmed = text.trim();
	const age = /^(\d+(?:\.\d+)?)([smhdw])$/v.exec(trimmed);
	if (age) {
		return now - Number(age[1]) * units[age[2]!]!;
	}

	if (/^\d{10,}$/v.test(trimmed)) {
		return Number(trimmed);
	}

	const parsed = Date.parse(trimmed);
	return Number.isNaN(parsed) ? undefined : parsed;
}

/** `NAME=VALUE` pairs from the command line; later ones win. */
export function parseFilterFlags(
	flags: readonly string[],
): Record<string, string> {
	const filters: Record<string, string> = {};
	for (const flag of flags) {
		const at = flag.indexOf('=');
		if (at <= 0) {
			throw new Error(`--filter wants NAME=VALUE, got "${flag}"`);
		}

		filters[flag.slice(0, at).trim()] = flag.slice(at + 1).trim();
	}

	return filters;
}
