/** How times read everywhere on screen and in tables: the local time zone, or UTC (`--utc`). */
export type Zone = 'local' | 'utc';

type Parts = {
	readonly year: number;
	readonly month: number;
	readonly day: number;
	readonly hour: number;
	readonly minute: number;
	readonly second: number;
	/** Minutes east of UTC. */
	readonly offset: number;
};

function partsOf(at: number, zone: Zone): Parts {
	const date = new Date(at);
	return zone === 'utc'
		? {
				year: date.getUTCFullYear(),
				month: date.getUTCMonth() + 1,
				day: date.getUTCDate(),
				hour: date.getUTCHours(),
				minute: date.getUTCMinutes(),
				second: date.getUTCSeconds(),
				offset: 0,
			}
		: {
				year: date.getFullYear(),
				month: date.getMonth() + 1,
				day: date.getDate(),
				hour: date.getHours(),
				minute: date.getMinutes(),
				second: date.getSeconds(),
				offset: -date.getTimezoneOffset(),
			};
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * A time in a list: `16:25:21` today (`16:25` to the minute), `11-30 18:04` earlier this year,
 * `2025-11-30` before that. The date shows whenever it is not today, so yesterday's 23:56 never
 * reads as today's.
 */
export function formatWhen(
	at: number | undefined,
	now: number,
	zone: Zone,
	precision: 'second' | 'minute' = 'second',
): string {
	if (at === undefined) {
		return '';
	}

	const time = partsOf(at, zone);
	const today = partsOf(now, zone);
	if (
		time.year === today.year &&
		time.month === today.month &&
		time.day === today.day
	) {
		return precision === 'minute'
			? `${two(time.hour)}:${two(time.minute)}`
			: `${two(time.hour)}:${two(time.minute)}:${two(time.second)}`;
	}

	return time.year === today.year
		? `${two(time.month)}-${two(time.day)} ${two(time.hour)}:${two(time.minute)}`
		: `${time.year}-${two(time.month)}-${two(time.day)}`;
}

/** A time in full, for Detail: `2026-12-02 11:04:24 +01:00`, or `… UTC`. */
export function formatMoment(at: number | undefined, zone: Zone): string {
	if (at === undefined) {
		return '';
	}

	const time = partsOf(at, zone);
	const sign = time.offset < 0 ? '-' : '+';
	const offset = Math.abs(time.offset);
	const suffix =
		zone === 'utc'
			? 'UTC'
			: `${sign}${two(Math.floor(offset / 60))}:${two(offset % 60)}`;
	return `${time.year}-${two(time.month)}-${two(time.day)} ${two(time.hour)}:${two(time.minute)}:${two(time.second)} ${suffix}`;
}

/** How long `formatAge(ms)` keeps its text: its unit at that age. */
export function ageStepMs(ms: number): number {
	const seconds = ms / 1000;
	if (seconds < 60) {
		return 1000;
	}

	if (seconds < 3600) {
		return 60_000;
	}

	return seconds < 86_400 ? 3_600_000 : 86_400_000;
}

/** How long ago, coarsely: `45s`, `12m`, `3h`, `2d`, `5w`; it changes only as often as it reads. */
export function formatAge(ms: number | undefined): string {
	if (ms === undefined || !Number.isFinite(ms)) {
		return '';
	}

	const seconds = Math.max(0, Math.floor(ms / 1000));
	const steps: ReadonlyArray<readonly [number, string]> = [
		[604_800, 'w'],
		[86_400, 'd'],
		[3600, 'h'],
		[60, 'm'],
	];
	for (const [size, unit] of steps) {
		if (seconds >= (unit === 'w' ? size * 2 : size)) {
			return `${Math.floor(seconds / size)}${unit}`;
		}
	}

	return `${seconds}s`;
}
