import type {Run} from '../model/types.js';
import {
	type RunSort,
	sortMovesWithClock,
	sortRuns,
} from './render/run-order.js';
import {parseRunFilter} from './run-filter.js';
import {troubleTest} from './trouble.js';

export type RunLists = {
	/** Every listed run, in the chosen order. */
	readonly all: readonly Run[];
	/** The rows of the Runs pane: `all` through the filter (and the trouble toggle). */
	readonly shown: readonly Run[];
};

export type ListChoice = {
	readonly sort: RunSort;
	/** A filter that parses (the last good one while a new one is typed). */
	readonly filter: string;
	readonly troubleOnly: boolean;
};

/** Orders and trouble move with the clock, but no faster than this: a 50,000-run list is not re-sorted every second. */
const clockStepMs = 10_000;

/** How often the lists move with the clock under `choice`: undefined when the order and filter ignore it. */
export function listsClockStepMs(choice: ListChoice): number | undefined {
	return sortMovesWithClock(choice.sort) || choice.troubleOnly
		? clockStepMs
		: undefined;
}

/**
 * The Runs pane's lists, remembering the last answer: a frame and the keys typed before the next
 * frame (a filter typed, then `g`) ask for the same lists and share one sort and one filter.
 */
export function runListsMemo(): (
	listed: readonly Run[],
	choice: ListChoice,
	now: number,
) => RunLists {
	let sorted:
		| {
				listed: readonly Run[];
				sort: RunSort;
				time: number;
				all: readonly Run[];
		  }
		| undefined;
	let shown:
		| {
				all: readonly Run[];
				filter: string;
				troubleOnly: boolean;
				time: number;
				lists: RunLists;
		  }
		| undefined;
	return (listed, choice, now) => {
		const time = Math.floor(now / clockStepMs) * clockStepMs;
		// An order by name or id does not change with the clock: a big list is not re-sorted for it.
		const sortTime = sortMovesWithClock(choice.sort) ? time : sorted?.time;
		if (
			sorted?.listed !== listed ||
			sorted.sort.column !== choice.sort.column ||
			sorted.sort.descending !== choice.sort.descending ||
			sorted.time !== sortTime
		) {
			sorted = {
				listed,
				sort: choice.sort,
				time,
				all: sortRuns(listed, choice.sort, time),
			};
		}

		const {all} = sorted;
		if (
			shown?.all !== all ||
			shown.filter !== choice.filter ||
			shown.troubleOnly !== choice.troubleOnly ||
			(choice.troubleOnly && shown.time !== time)
		) {
			const parsed = parseRunFilter(choice.filter);
			const trouble = choice.troubleOnly ? troubleTest(all, time) : undefined;
			shown = {
				all,
				filter: choice.filter,
				troubleOnly: choice.troubleOnly,
				time,
				lists: {
					all,
					shown: all.filter(
						run =>
							(!parsed.ok || parsed.matches(run)) &&
							(trouble === undefined || trouble(run)),
					),
				},
			};
		}

		return shown.lists;
	};
}

const keysOfLists = new WeakMap<readonly Run[], readonly string[]>();

/** The keys of a list of runs, worked out once per list: every key press asks for them. */
export function runKeysOf(runs: readonly Run[]): readonly string[] {
	let keys = keysOfLists.get(runs);
	if (keys === undefined) {
		keys = runs.map(run => run.key);
		keysOfLists.set(runs, keys);
	}

	return keys;
}
