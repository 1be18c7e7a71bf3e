import type {Run} from './types.js';

/**
 * A target's runs as listed: where the service has more than were read (the newest `--max-runs`
 * of each kind), `total` says how many it has, so the screen can say "newest N of TOTAL".
 */
export type RunList = Run[] & {readonly total?: number};

/** Runs with the service's count attached when it is more than were read. */
export function runList(runs: Run[], total: number): RunList {
	return total > runs.length ? Object.assign(runs, {total}) : runs;
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
