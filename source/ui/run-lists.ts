import type {Run} from '../model/types.js';
import {type RunOrder, sortRuns} from './render/run-order.js';
import {filterRuns} from './render/run-rows.js';

export type RunLists = {
	/** Every listed run, in the chosen order. */
	readonly all: readonly Run[];
	/** The rows of the Runs pane: `all` through the filter. */
	readonly shown: readonly Run[];
};

/**
 * The Runs pane's lists, remembering the last answer: a frame and the keys typed before the next
 * frame (a filter typed, then `g`) ask for the same lists and share one sort and one filter.
 */
export function runListsMemo(): (
	listed: readonly Run[],
	order: RunOrder,
	filter: string,
	now: number,
) => RunLists {
	let last:
		| {
				listed: readonly Run[];
				order: RunOrder;
				filter: string;
				now: number;
				all: readonly Run[];
				shown: readonly Run[];
		  }
		| undefined;
	return (listed, order, filter, now) => {
		// Only the longest-first order moves with the clock.
		const time = order === 'longest' ? now : 0;
		if (last?.listed !== listed || last.order !== order || last.now !== time) {
			const all = sortRuns(listed, order, time);
			last = {
				listed,
				order,
				filter,
				now: time,
				all,
				shown: filterRuns(all, filter),
			};
		} else if (last.filter !== filter) {
			last = {...last, filter, shown: filterRuns(last.all, filter)};
		}

		return last;
	};
}
