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

/**
 * Runs in a stable order for the sort; a column sort breaks ties newest first. Each run's key is
 * worked out once, not in every comparison: a sort of 10,000 runs makes some 130,000.
 */
export function sortRuns(
	runs: readonly Run[],
	sort: RunSort,
	now: number,
): Run[] {
	if (sort.column === 'attention') {
		const sorted = runs
			.map(run => ({run, key: attentionRank(run, now)}))
			.toSorted((a, b) => a.key - b.key || newestFirst(a.run, b.run))
			.map(({run}) => run);
		return sort.descending ? sorted.toReversed() : sorted;
	}

	const {sortKey} = columnById(sort.column);
	const direction = sort.descending ? -1 : 1;
	return runs
		.map(run => ({run, key: sortKey(run, now)}))
		.toSorted(
			(a, b) =>
				direction * compareKeys(a.key, b.key) || newestFirst(a.run, b.run),
		)
		.map(({run}) => run);
}
