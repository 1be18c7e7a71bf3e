import type {Run, RunState} from '../model/types.js';

const troubleStates = new Set<RunState>(['failed', 'killed', 'cancelled']);
const waitingStates = new Set<RunState>(['queued', 'starting']);

/** A run waiting this long to start is stuck, whatever its peers do. */
const stuckAfterMs = 15 * 60_000;
/** …or this many times longer than its target's runs usually wait, and at least this long. */
const stuckFactor = 3;
const stuckAtLeastMs = 5 * 60_000;

function median(values: readonly number[]): number | undefined {
	if (values.length === 0) {
		return undefined;
	}

	const sorted = values.toSorted((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/**
 * What counts as trouble: failed, killed and cancelled runs, and runs stuck queued or starting
 * far longer than the runs of their target usually wait to start.
 */
export function troubleTest(
	runs: readonly Run[],
	now: number,
): (run: Run) => boolean {
	const waits = new Map<string, number[]>();
	for (const run of runs) {
		if (run.startedAt !== undefined && run.submittedAt !== undefined) {
			const list = waits.get(run.target) ?? [];
			list.push(run.startedAt - run.submittedAt);
			waits.set(run.target, list);
		}
	}

	const usual = new Map(
		[...waits].map(([target, list]) => [target, median(list)]),
	);
	return run => {
		if (troubleStates.has(run.state)) {
			return true;
		}

		if (!waitingStates.has(run.state) || run.submittedAt === undefined) {
			return false;
		}

		const waited = now - run.submittedAt;
		const peers = usual.get(run.target);
		return peers === undefined
			? waited > stuckAfterMs
			: waited > Math.max(stuckAtLeastMs, stuckFactor * peers);
	};
}
