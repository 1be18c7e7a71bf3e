import type {Run, RunState} from '../../model/types.js';
import {compareText} from '../../text/compare-text.js';
import {columnById, type ColumnId} from './run-columns.js';

/** How the Runs pane orders its rows: by attention (the default) or by a column, either way round. */
export type RunSort = {
	readonly column: ColumnId | 'attention';
	readonly descending: boolean;
};

export const defaultSort: RunSort = {column: 'attention', descending: false};

/** Columns whose first useful order is biggest first: the newest, the longest, the costliest. */
const biggestFirst: ReadonlySet<RunSort['column']> = new Set([
	'submitted',
	'duration',
	'cu-h',
	'vcore-s',
	'mb-s',
]);

/** A column's order when it is chosen without a direction. */
export function sortBy(column: RunSort['column']): RunSort {
	return {column, descending: biggestFirst.has(column)};
}

/** How long a failure counts as recent: it heads the list in the attention order. */
const recentMs = 3_600_000;

const failedStates = new Set<RunState>(['failed', 'killed']);
const activeStates = new Set<RunState>([
	'running',
	'busy',
	'starting',
	'queued',
	'cancelling',
	'idle',
]);

function compareIds(a: string, b: string): number {
	const numeric = Number(a) - Number(b);
	return Number.isNaN(numeric) ? compareText(a, b) : numeric;
}

const newestFirst = (a: Run, b: Run) =>
	(b.submittedAt ?? 0) - (a.submittedAt ?? 0) || compareIds(b.id, a.id);

/**
 * What needs eyes first during an incident: runs that failed in the last hour, then work in
 * flight, then the rest; newest first within each. A failure from the last hour is on the
 * first screen without a key press.
 */
function attentionRank(run: Run, now: number): number {
	if (failedStates.has(run.state)) {
		const at = run.endedAt ?? run.submittedAt ?? 0;
		if (now - at <= recentMs) {
			return 0;
		}
	}

	return activeStates.has(run.state) ? 1 : 2;
}

function compareKeys(a: number | string, b: number | string): number {
	return typeof a === 'number' && typeof b === 'number'
		? a - b
		: compareText(String(a), String(b));
}

/** Whether an order changes as time passes (recent failures age out; running durations grow). */
export function sortMovesWithClock(sort: RunSort): boolean {
	return sort.column === 'attention' || sort.column === 'duration';
}

/** A run with its sort key, worked out once for a sort or a merge. */
type Keyed = {readonly run: Run; readonly key: number | string};

function keyOf(sort: RunSort, now: number): (run: Run) => number | string {
	if (sort.column === 'attention') {
		return run => attentionRank(run, now);
	}

	const {sortKey} = columnById(sort.column);
	return run => sortKey(run, now);
}

/**
 * The order of keyed runs for a sort: a column sort breaks ties newest first, and the run keys
 * settle what is left, so that any two lists of the same runs come out the same.
 */
function orderOf(sort: RunSort): (a: Keyed, b: Keyed) => number {
	const direction = sort.descending ? -1 : 1;
	const last = (a: Keyed, b: Keyed) =>
		newestFirst(a.run, b.run) || compareText(a.run.key, b.run.key);
	return sort.column === 'attention'
		? (a, b) => direction * (compareKeys(a.key, b.key) || last(a, b))
		: (a, b) => direction * compareKeys(a.key, b.key) || last(a, b);
}

/**
 * Runs in the order of the sort. Each run's key is worked out once, not in every comparison: a
 * sort of 10,000 runs makes some 130,000.
 */
export function sortRuns(
	runs: readonly Run[],
	sort: RunSort,
	now: number,
): Run[] {
	const key = keyOf(sort, now);
	return runs
		.map(run => ({run, key: key(run)}))
		.toSorted(orderOf(sort))
		.map(({run}) => run);
}

/**
 * What `sortRuns` gives for `runs`, worked out from `sorted`, the same sort at the same time of
 * an earlier list: runs still listed keep their order, and the others are sorted and put in
 * their places by binary search. A poll that changed a few of 50,000 runs is ordered in a few
 * milliseconds instead of a sort of them all.
 */
export function resortRuns(
	sorted: readonly Run[],
	runs: readonly Run[],
	sort: RunSort,
	now: number,
): Run[] {
	const listed = new Set(runs);
	const kept = sorted.filter(run => listed.has(run));
	if (kept.length === runs.length) {
		return kept;
	}

	const stillListed = new Set(kept);
	const added = sortRuns(
		runs.filter(run => !stillListed.has(run)),
		sort,
		now,
	);
	const key = keyOf(sort, now);
	const order = orderOf(sort);
	const merged: Run[] = [];
	let next = 0;
	for (const run of added) {
		const placed = {run, key: key(run)};
		let low = next;
		let high = kept.length;
		while (low < high) {
			const middle = Math.floor((low + high) / 2);
			const other = kept[middle]!;
			if (order({run: other, key: key(other)}, placed) < 0) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		for (; next < low; next++) {
			merged.push(kept[next]!);
		}

		merged.push(run);
	}

	for (; next < kept.length; next++) {
		merged.push(kept[next]!);
	}

	return merged;
}
