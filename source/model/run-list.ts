import {isDeepStrictEqual} from 'node:util';
import {isTerminalRunState} from './states.js';
import type {Run, RunState} from './types.js';
import {asObject, asText} from './wire.js';

/**
 * A target's runs as listed: where the service has more than were read (the newest `--max-runs`
 * of each kind), `total` says how many it has, so the screen can say "newest N of TOTAL".
 */
export type RunList = Run[] & {
	readonly total?: number;
	/** The service has more than were read, and did not say how many. */
	readonly more?: boolean;
};

/** Runs with the service's count attached when it is more than were read. */
export function runList(runs: Run[], total: number, more = false): RunList {
	return total > runs.length || more
		? Object.assign(runs, {total: Math.max(total, runs.length), more})
		: runs;
}

/** Whether a service has more runs than were read, however many. */
export function hasMore(runs: readonly Run[]): boolean {
	return (runs as RunList).more === true;
}

/** How many runs the service has: the listed ones, or its total when the list is a window. */
export function totalOf(runs: readonly Run[]): number {
	return (runs as RunList).total ?? runs.length;
}

/** The count of a paged list: the server's total where it gave one, else what was read. */
export function countOf(window: {
	readonly items: readonly unknown[];
	readonly total?: number;
}): number {
	return window.total ?? window.items.length;
}

/**
 * `map` remembered per item object. A kept window hands back the same objects for the runs that
 * did not change, so their runs stay the same objects too: a poll of 10,000 runs maps and compares
 * only what changed, instead of making and deep-comparing 10,000 new runs. `map` must be pure.
 */
function mappedOnce<Result>(
	map: (item: unknown, index: number) => Result,
): (item: unknown, index: number) => Result {
	const mapped = new WeakMap<WeakKey, Result>();
	return (item, index) => {
		if (typeof item !== 'object' || item === null) {
			return map(item, index);
		}

		let result = mapped.get(item);
		if (result === undefined) {
			result = map(item, index);
			mapped.set(item, result);
		}

		return result;
	};
}

type ListedWindow = {
	readonly items: readonly unknown[];
	readonly total?: number;
	readonly more?: boolean;
};

function sameWindow(a: ListedWindow, b: ListedWindow | undefined): boolean {
	return a.items === b?.items && a.total === b.total && a.more === b.more;
}

/**
 * A provider's runs of its paged lists (`map` makes a raw item's runs, told which list it is in),
 * kept from poll to poll: windows that hand back the lists they had give back the runs they gave,
 * the very list; a run that reads the same as the one at its place last time is that run. An idle
 * poll of 50,000 runs then leaves the store nothing to compare and the screen nothing to redo.
 */
export function keptRuns(
	map: (item: unknown, index: number) => Run[],
): (windows: readonly ListedWindow[]) => RunList {
	const mapOnce = mappedOnce(map);
	let last: {windows: readonly ListedWindow[]; runs: RunList} | undefined;
	return windows => {
		if (
			last?.windows.length === windows.length &&
			windows.every((window, index) => sameWindow(window, last!.windows[index]))
		) {
			return last.runs;
		}

		const before: readonly Run[] = last?.runs ?? [];
		// A loop, not flatMap: flattening 50,000 one-run lists took flatMap some 30 ms a poll.
		const runs: Run[] = [];
		// Whether some run is not the one at its place last time.
		let changed = false;
		let total = 0;
		for (const [index, window] of windows.entries()) {
			for (const item of window.items) {
				for (const run of mapOnce(item, index)) {
					const held = before[runs.length];
					const kept =
						held !== undefined &&
						held !== run &&
						held.key === run.key &&
						isDeepStrictEqual(held, run)
							? held
							: run;
					changed ||= kept !== held;
					runs.push(kept);
				}
			}

			total += countOf(window);
		}

		const more = windows.some(window => window.more === true);
		const list = runList(runs, total, more);
		const same =
			!changed &&
			before.length === runs.length &&
			totalOf(before) === totalOf(list) &&
			hasMore(before) === hasMore(list);
		last = {windows, runs: same ? last!.runs : list};
		return last.runs;
	};
}

/**
 * How a list's raw items are told apart (by their id field) and known finished (their state field,
 * read through the provider's state table), for the readers that keep a list between polls.
 */
export function listedItems(
	idField: string,
	stateField: string,
	stateOf: (raw: string | undefined) => RunState,
): {
	readonly idOf: (item: unknown) => string | undefined;
	readonly isSettled: (item: unknown) => boolean;
} {
	return {
		idOf: item => asText(asObject(item)[idField]),
		isSettled: item =>
			isTerminalRunState(stateOf(asText(asObject(item)[stateField]))),
	};
}
