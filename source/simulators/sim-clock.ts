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

/**
 * A scenario's time on a clock: `t()` is seconds since it started, `at(s)` the epoch ms of
 * scenario second `s` (what the simulators write on the wire).
 */
export function scenarioTime(clock: SimClock, startedAt = clock.now()) {
	return {
		startedAt,
		t: () => (clock.now() - startedAt) / 1000,
		at: (seconds: number) => Math.round(startedAt + seconds * 1000),
	};
}
