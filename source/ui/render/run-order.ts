import {runDuration} from '../../model/format.js';
import type {Run, RunState} from '../../model/types.js';

/** The orders `s` cycles through in the Runs pane. */
export const runOrders = ['target', 'trouble', 'newest', 'longest'] as const;
export type RunOrder = (typeof runOrders)[number];

export const runOrderTitles: Readonly<Record<RunOrder, string>> = {
	target: 'by target',
	trouble: 'trouble first',
	newest: 'newest first',
	longest: 'longest first',
};

/** What needs eyes first during an incident: failures, then work in flight, then the finished. */
const troubleRank: Readonly<Record<RunState, number>> = {
	failed: 0,
	killed: 1,
	cancelling: 2,
	running: 3,
	busy: 3,
	starting: 4,
	queued: 5,
	idle: 6,
	unknown: 7,
	cancelled: 8,
	succeeded: 9,
};

export function nextRunOrder(order: RunOrder): RunOrder {
	return runOrders[(runOrders.indexOf(order) + 1) % runOrders.length]!;
}

function compareIds(a: string, b: string): number {
	const numeric = Number(a) - Number(b);
	return Number.isNaN(numeric) ? a.localeCompare(b) : numeric;
}

const newestFirst = (a: Run, b: Run) =>
	(b.submittedAt ?? 0) - (a.submittedAt ?? 0) || compareIds(b.id, a.id);

/**
 * Runs in a stable order. `target` (the default): targets in the order they were given (the
 * command line, the config file), then kind, newest first. `longest` needs the time.
 */
export function sortRuns(
	runs: readonly Run[],
	order: RunOrder = 'target',
	now = 0,
): Run[] {
	switch (order) {
		case 'target': {
			const targetOrder = new Map<string, number>();
			for (const run of runs) {
				if (!targetOrder.has(run.target)) {
					targetOrder.set(run.target, targetOrder.size);
				}
			}

			return runs.toSorted(
				(a, b) =>
					targetOrder.get(a.target)! - targetOrder.get(b.target)! ||
					a.kind.localeCompare(b.kind) ||
					newestFirst(a, b),
			);
		}

		case 'trouble': {
			return runs.toSorted(
				(a, b) =>
					troubleRank[a.state] - troubleRank[b.state] || newestFirst(a, b),
			);
		}

		case 'newest': {
			return runs.toSorted(newestFirst);
		}

		case 'longest': {
			return runs.toSorted(
				(a, b) =>
					(runDuration(b, now) ?? -1) - (runDuration(a, now) ?? -1) ||
					newestFirst(a, b),
			);
		}
	}
}
