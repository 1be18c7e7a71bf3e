import {isDeepStrictEqual} from 'node:util';
import {collectNewest, fetchAll, type Page, type Window} from './paging.js';

/** How a list is read: a page at an offset, its items told apart by id. */
export type WindowSource = {
	readonly fetchPage: (offset: number) => Promise<Page>;
	readonly pageSize: number;
	/** The newest items kept (`--max-runs`). */
	readonly window: number;
	readonly idOf: (item: unknown) => string | undefined;
	/** A finished run: it no longer changes, so it is not asked for again. */
	readonly isSettled: (item: unknown) => boolean;
	/** What the list is asked for (its filters): a different one is a different list, read whole. */
	readonly key?: string;
	/** The server's `total` counts the whole list (not Synapse's: there it has been the page length). */
	readonly trustTotal?: boolean;
};

/** What a window reader keeps between reads: the window, and when and for what it was read whole. */
export type HeldWindow = Window & {
	readonly loadedAt: number;
	readonly key?: string;
};

/**
 * What a steady read keeps of the runs it merged: the newest `window` of them, with the server's
 * total where it gave one to believe, else whether there are more than the window holds.
 */
export function keptOf(
	merged: readonly unknown[],
	window: number,
	held: HeldWindow,
	total: number | undefined,
): HeldWindow {
	const items = merged.slice(0, window);
	const {loadedAt} = held;
	return total === undefined
		? {
				items,
				more: held.more === true || merged.length > items.length,
				loadedAt,
			}
		: {items, total, loadedAt};
}

/**
 * The item held before where the one read again says the same: unchanged runs stay the same
 * objects from poll to poll, so what is made of them need not be made or compared again.
 */
export function sameOr(held: unknown, item: unknown): unknown {
	return held !== item && isDeepStrictEqual(held, item) ? held : item;
}

/** Whether two lists hold the same objects in the same order. */
function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
	return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** A full read this often at least: runs the server deleted leave the list then. */
const fullEveryMs = 5 * 60_000;

/**
 * The newest runs of a list, read incrementally. The first read (and one every five minutes, one
 * with other filters, and any steady read that finds the list moved under it) reads the whole
 * window; every other read asks only for what can have changed, as each list's order allows.
 * Finished runs are kept as they were: they no longer change.
 */
export abstract class KeptWindow<
	Held extends HeldWindow,
	Source extends {readonly key?: string} = WindowSource,
> {
	private held?: Held;
	private readonly now: () => number;

	constructor(now: () => number = Date.now) {
		this.now = now;
	}

	async read(source: Source): Promise<Window> {
		const {held} = this;
		const steady =
			held &&
			held.key === source.key &&
			this.now() - held.loadedAt < fullEveryMs
				? await this.steadyRead(source, held)
				: undefined;
		const next = steady ?? (await this.fullRead(source, this.now()));
		// A read that changed nothing hands back the very list it had: a poll of 50,000 runs
		// that found nothing new then costs the monitor nothing past the requests.
		this.held = {
			...next,
			items:
				held !== undefined && sameItems(held.items, next.items)
					? held.items
					: next.items,
			key: source.key,
		};
		const {items, total, more} = this.held;
		return {items, total, more};
	}

	/** The whole window, read at `loadedAt`. */
	protected abstract fullRead(source: Source, loadedAt: number): Promise<Held>;

	/** Only what can have changed since `held`; undefined when the list moved under it. */
	protected abstract steadyRead(
		source: Source,
		held: Held,
	): Promise<Held | undefined>;
}

type Held = HeldWindow & {
	/** The list index of `items[0]`. */
	readonly start: number;
	readonly total: number;
};

/**
 * A list paged by offset oldest first with a believable total (Livy): a steady read asks only for
 * the newest page, the pages after it, and the pages that hold runs still active.
 */
export class IncrementalWindow extends KeptWindow<Held> {
	protected async fullRead(
		source: WindowSource,
		loadedAt: number,
	): Promise<Held> {
		const {items, total = items.length} = await collectNewest(
			source.fetchPage,
			source,
		);
		return {start: total - items.length, total, items, loadedAt};
	}

	protected async steadyRead(
		source: WindowSource,
		held: Held,
	): Promise<Held | undefined> {
		const {pageSize, window, idOf} = source;
		const {start, total, items} = held;
		const tailFrom = Math.max(start, total - pageSize);
		const tail = await source.fetchPage(tailFrom);
		// Fewer runs than before: some were deleted, and every offset moved.
		if (tail.total === undefined || tail.total < total) {
			return undefined;
		}

		const known = (index: number) => items[index - start];
		const aligned = (page: Page, offset: number) =>
			page.items.every(
				(item, index) =>
					offset + index >= start + items.length ||
					idOf(item) === idOf(known(offset + index)),
			);
		if (!aligned(tail, tailFrom)) {
			return undefined;
		}

		const after: number[] = [];
		for (
			let offset = tailFrom + tail.items.length;
			offset < tail.total;
			offset += pageSize
		) {
			after.push(offset);
		}

		if (after.length * pageSize > window) {
			return undefined;
		}

		// Pages holding runs still active, older than the newest page.
		const again: number[] = [];
		for (let index = start; index < tailFrom; index++) {
			const covered = again.at(-1);
			if (
				!source.isSettled(known(index)) &&
				(covered === undefined || index >= covered + pageSize)
			) {
				again.push(index);
			}
		}

		const pages = await fetchAll([...again, ...after], source.fetchPage);
		const merged = [...items];
		const put = (page: Page, offset: number) => {
			for (const [index, item] of page.items.entries()) {
				merged[offset + index - start] = sameOr(
					merged[offset + index - start],
					item,
				);
			}
		};

		for (const [index, offset] of again.entries()) {
			const page = pages[index]!;
			if (!aligned(page, offset)) {
				return undefined;
			}

			put(page, offset);
		}

		put(tail, tailFrom);
		for (const [index, offset] of after.entries()) {
			put(pages[again.length + index]!, offset);
		}

		// A page that came back short means the list moved while it was read.
		if (merged.length !== tail.total - start || merged.includes(undefined)) {
			return undefined;
		}

		const dropped = Math.max(0, merged.length - window);
		return {
			start: start + dropped,
			total: tail.total,
			items: merged.slice(dropped),
			loadedAt: held.loadedAt,
		};
	}
}
