import {
	type HeldWindow,
	KeptWindow,
	keptOf,
	sameOr,
} from './incremental-window.js';
import {fetchAll, type Page, type Window} from './paging.js';

/**
 * How a list is read that pages newest first by an opaque token (EMR Serverless), so that no page
 * but the newest can be asked for directly, and that can be asked for its active runs alone.
 */
export type ActiveRunsSource = {
	readonly key?: string;
	readonly pageSize: number;
	readonly window: number;
	/** The newest `window` runs, page after page. */
	readonly readAll: () => Promise<Window>;
	readonly newestPage: () => Promise<Page>;
	/** Every listed run still active, with the same filters (the list asked for by state). */
	readonly activeRuns: () => Promise<Window>;
	/** One run as the list shows it; undefined when it is gone. */
	readonly oneRun: (id: string) => Promise<unknown>;
	readonly idOf: (item: unknown) => string | undefined;
	readonly isSettled: (item: unknown) => boolean;
	/** Filters that let a run join or leave the list as it runs (its state, end, duration): every read is whole. */
	readonly readWhole?: boolean;
};

/**
 * A steady read asks for the newest page (new runs, which must meet the newest run already held),
 * for the active runs through the list's own filter, and by id for each run held as active that is
 * in neither: it has finished since.
 */
export class ActiveRunsWindow extends KeptWindow<HeldWindow, ActiveRunsSource> {
	protected async fullRead(
		source: ActiveRunsSource,
		loadedAt: number,
	): Promise<HeldWindow> {
		return {...(await source.readAll()), loadedAt};
	}

	protected async steadyRead(
		source: ActiveRunsSource,
		held: HeldWindow,
	): Promise<HeldWindow | undefined> {
		const {idOf, isSettled} = source;
		const newestKnown = held.items[0] && idOf(held.items[0]);
		if (source.readWhole === true || newestKnown === undefined) {
			return undefined;
		}

		const newest = await source.newestPage();
		const at = newest.items.findIndex(item => idOf(item) === newestKnown);
		if (at === -1) {
			return undefined;
		}

		// More active runs than one read holds: a whole read is as cheap.
		const active = await source.activeRuns();
		if (active.more === true || active.items.length < (active.total ?? 0)) {
			return undefined;
		}

		const now = new Map<string | undefined, unknown>();
		for (const item of [...active.items, ...newest.items.slice(at)]) {
			now.set(idOf(item), item);
		}

		const finished = held.items
			.filter(item => !isSettled(item) && !now.has(idOf(item)))
			.map(item => idOf(item)!);
		if (finished.length > source.pageSize) {
			return undefined;
		}

		const runs = await fetchAll(finished, async id =>
			source.oneRun(id).catch(() => undefined),
		);
		// A run that cannot be read any more was deleted: the list moved.
		if (runs.includes(undefined)) {
			return undefined;
		}

		for (const run of runs) {
			now.set(idOf(run), run);
		}

		const merged = [
			...newest.items.slice(0, at),
			...held.items.map(item => sameOr(item, now.get(idOf(item)) ?? item)),
		];
		return keptOf(merged, source.window, held, newest.total);
	}
}
