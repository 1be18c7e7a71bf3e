import type {Run} from '../model/types.js';
import type {ListKeys} from './navigation.js';
import {
	type RunSort,
	sortMovesWithClock,
	resortRuns,
	sortRuns,
} from './render/run-order.js';
import {
	type ParsedFilter,
	filterNarrows,
	parseRunFilter,
	searchTextOf,
} from './run-filter.js';
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

/** Filters whose rows are kept for backspaces over one list: more is a filter pasted or edited at length. */
const maxFiltersKept = 64;

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
	// The rows of each filter typed over the same list: a backspace finds the rows it had.
	const typed = new Map<string, readonly Run[]>();
	return (listed, choice, now) => {
		const time = Math.floor(now / clockStepMs) * clockStepMs;
		// An order by name or id does not change with the clock: a big list is not re-sorted for it.
		const sortTime = sortMovesWithClock(choice.sort) ? time : sorted?.time;
		const sameOrder =
			sorted?.sort.column === choice.sort.column &&
			sorted.sort.descending === choice.sort.descending &&
			sorted.time === sortTime;
		if (sorted?.listed !== listed || !sameOrder) {
			sorted = {
				listed,
				sort: choice.sort,
				time,
				// The same order at the same time of an earlier list: only what changed is placed.
				all:
					sorted !== undefined && sameOrder
						? resortRuns(sorted.all, listed, choice.sort, time)
						: sortRuns(listed, choice.sort, time),
			};
		}

		const {all} = sorted;
		if (
			shown?.all !== all ||
			shown.filter !== choice.filter ||
			shown.troubleOnly !== choice.troubleOnly ||
			(choice.troubleOnly && shown.time !== time)
		) {
			const sameRuns =
				shown?.all === all &&
				shown.troubleOnly === choice.troubleOnly &&
				(!choice.troubleOnly || shown.time === time);
			if (!sameRuns || typed.size >= maxFiltersKept) {
				typed.clear();
			}

			let rows = typed.get(choice.filter);
			if (rows === undefined) {
				const parsed = parseRunFilter(choice.filter);
				const trouble = choice.troubleOnly ? troubleTest(all, time) : undefined;
				// A filter typed on keeps a subset of the rows it had: only they are tried again.
				const candidates =
					sameRuns && filterNarrows(shown!.filter, choice.filter)
						? shown!.lists.shown
						: all;
				rows =
					choice.filter === '' && trouble === undefined
						? all
						: filterRuns(
								candidates,
								runTest(parsed, trouble),
								choice.filter !== '',
							);
				typed.set(choice.filter, rows);
			}

			shown = {
				all,
				filter: choice.filter,
				troubleOnly: choice.troubleOnly,
				time,
				lists: {all, shown: rows},
			};
		}

		return shown.lists;
	};
}

/** The test a list's runs go through: the filter (unless it does not parse), then trouble. */
function runTest(
	parsed: ParsedFilter,
	trouble: ((run: Run) => boolean) | undefined,
): (run: Run, searchText: string) => boolean {
	return (run, searchText) =>
		(!parsed.ok || parsed.matches(run, searchText)) &&
		(trouble === undefined || trouble(run));
}

/**
 * Filters `runs` for V8's sake, as typing would: the first characters typed over 50,000 runs
 * otherwise run the filter's loop as bytecode while V8 compiles it. Passes take turns between a
 * word no run holds (fields hold no NUL) and the first run's state, so both a row dropped and a row
 * kept are compiled. Every filter is parsed afresh, as each character is, and the first pass tries
 * two over one run before the whole list: code compiled for the functions of one filter would be
 * thrown away at the next character.
 */
export function warmFilter(runs: readonly Run[], pass: number): void {
	const filter = (word: string) => runTest(parseRunFilter(word), undefined);
	if (pass === 0) {
		const first = runs.slice(0, 1);
		filterRuns(first, filter('\u0000'), true);
		filterRuns(first, filter('\u0000'), true);
	}

	filterRuns(
		runs,
		filter(pass % 2 === 0 ? '\u0000' : (runs[0]?.state ?? '')),
		true,
	);
}

/** The search texts of a list's runs, index for index: a filter typed over it reads them for every character. */
const searchTextsOfLists = new WeakMap<readonly Run[], readonly string[]>();

function searchTextsOf(runs: readonly Run[]): readonly string[] {
	let texts = searchTextsOfLists.get(runs);
	if (texts === undefined) {
		texts = runs.map(run => searchTextOf(run));
		searchTextsOfLists.set(runs, texts);
	}

	return texts;
}

/**
 * Works out the search texts of `count` runs from `from`, ahead of a filter over `runs`, and once
 * the last is done the list's: the first character typed then need not read 50,000 runs' fields.
 * The index to go on from.
 */
export function warmSearchTexts(
	runs: readonly Run[],
	from: number,
	count: number,
): number {
	if (searchTextsOfLists.has(runs)) {
		return runs.length;
	}

	const end = Math.min(runs.length, from + count);
	for (let index = from; index < end; index++) {
		searchTextOf(runs[index]!);
	}

	if (end === runs.length) {
		searchTextsOf(runs);
	}

	return end;
}

/**
 * The runs a test keeps, in order. With `withText`, the test is handed each run's search text,
 * and the kept runs' texts are kept for a filter typed on.
 */
function filterRuns(
	runs: readonly Run[],
	keep: (run: Run, searchText: string) => boolean,
	withText: boolean,
): readonly Run[] {
	const texts = withText ? searchTextsOf(runs) : undefined;
	// Indices first, then lists of the right length: arrays grown a run at a time, twice for
	// each character typed over 50,000 runs, kept the collector busy.
	const indices = new Int32Array(runs.length);
	let count = 0;
	// eslint-disable-next-line unicorn/no-for-loop -- entries() made a pair for every run
	for (let index = 0; index < runs.length; index++) {
		if (keep(runs[index]!, texts?.[index] ?? '')) {
			indices[count++] = index;
		}
	}

	// A filter that keeps every run hands back the list itself (a word typed on often does).
	if (count === runs.length) {
		return runs;
	}

	// Array.from of a length (not of an iterable) makes its list at that length at once.
	const kept = Array.from({length: count}, (_, at) => runs[indices[at]!]!);
	if (texts !== undefined) {
		searchTextsOfLists.set(
			kept,
			Array.from({length: count}, (_, at) => texts[indices[at]!]!),
		);
	}

	return kept;
}

/**
 * The keys of a list of runs for the reducer, read from the runs themselves: a list of 50,000
 * keys made for every filtered list would be garbage at each character typed.
 */
export function runKeysOf(runs: readonly Run[]): ListKeys {
	return {
		length: runs.length,
		indexOf: key => runs.findIndex(run => run.key === key),
		at: index => runs.at(index)?.key,
	};
}
