/** Scenario time: seconds since the simulator started, from an injectable clock. */
export type SimClock = {
	now(): number;
};

export const wallClock: SimClock = {now: () => Date.now()};

/** A clock tests move by hand. */
export function manualClock(
	start = 1_700_000_000_000,
): SimClock & {advance(ms: number): void} {
	let now = start;
	return {
		now: () => now,
		advance(ms) {
			now += ms;
		},
	};
}
