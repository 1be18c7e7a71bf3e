/**
 * Provider-specific list filters given as `--filter NAME=VALUE` or a profile's `filters` object.
 * Times accept an ISO date, epoch milliseconds, or an age such as `30m`, `2h`, `7d` ("that long
 * ago", evaluated at every poll, so the window slides).
 */

export type ListFilters = Readonly<Record<string, string>>;

/** What a filter does, and what its values look like, so a wrong one is refused up front. */
export type FilterSpec = {
	readonly help: string;
	/**
	 * `time`: a date, epoch ms or an age; `duration`: `30s`, `10m`, or ms; `boolean`; a list: its
	 * values, comma-separated, any case; absent: free text.
	 */
	readonly value?: 'time' | 'duration' | 'boolean' | readonly string[];
};

const units: Readonly<Record<string, number>> = {
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
	w: 604_800_000,
};

/** Milliseconds of `10m`, `2h`, `1.5d`; a bare number counts in `bareUnit` when one is given. */
export function durationMs(
	text: string,
	bareUnit?: 'ms' | 's',
): number | undefined {
	const match = /^(\d+(?:\.\d+)?)(ms|[smhdw])?$/v.exec(text.trim());
	const unit = match?.[2] ?? bareUnit;
	return match && unit ? Number(match[1]) * units[unit]! : undefined;
}

/** Epoch ms for a filter time; undefined when it is not one. */
export function filterTime(text: string, now: number): number | undefined {
	const trimmed = text.trim();
	const age = durationMs(trimmed);
	if (age !== undefined) {
		return now - age;
	}

	if (/^\d{10,}$/v.test(trimmed)) {
		return Number(trimmed);
	}

	const parsed = Date.parse(trimmed);
	return Number.isNaN(parsed) ? undefined : parsed;
}

/** Comma-separated items, trimmed, without empty ones. */
export function listItems(text: string | undefined): string[] {
	return (text ?? '')
		.split(',')
		.map(item => item.trim())
		.filter(Boolean);
}

/** What is wrong with a filter value, in a few words; undefined when it is good. */
export function filterProblem(
	spec: FilterSpec,
	value: string,
): string | undefined {
	const {value: kind} = spec;
	if (value.trim() === '') {
		return 'is empty';
	}

	if (kind === 'time') {
		return filterTime(value, 0) === undefined
			? 'is not a date, epoch ms, or an age such as 2h or 7d'
			: undefined;
	}

	if (kind === 'duration') {
		return durationMs(value, 'ms') === undefined
			? 'is not a duration such as 30s, 10m or 2h'
			: undefined;
	}

	if (kind === 'boolean') {
		return /^(?:true|false)$/iv.test(value)
			? undefined
			: 'is not true or false';
	}

	if (kind !== undefined) {
		const known = new Set(kind.map(item => item.toLowerCase()));
		const wrong = listItems(value).find(item => !known.has(item.toLowerCase()));
		return wrong === undefined
			? undefined
			: `has "${wrong}", which is none of ${kind.join(', ')}`;
	}

	return undefined;
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
