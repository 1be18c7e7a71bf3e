import {collectFromNewest, fetchAll, type Page} from './paging.js';
import {
	type HeldWindow,
	KeptWindow,
	keptOf,
	sameOr,
	type WindowSource,
} from './incremental-window.js';

/**
 * A list the server pages newest first by offset (Synapse, DLI, DLA): a steady read asks for
 * pages from the newest only until it meets the newest run it already had, then for the pages
 * that now hold runs still active. Where the server's total can be believed, the newest page's
 * total is the list's.
 */
export class NewestFirstWindow extends KeptWindow<HeldWindow> {
	protected async fullRead(
		source: WindowSource,
		loadedAt: number,
	): Promise<HeldWindow> {
		const read = await collectFromNewest(source.fetchPage, source);
		return {...read, loadedAt};
	}

	protected async steadyRead(
		source: WindowSource,
		held: HeldWindow,
	): Promise<HeldWindow | undefined> {
		const {pageSize, window, idOf} = source;
		const newestKnown = held.items[0] && idOf(held.items[0]);
		if (newestKnown === undefined) {
			return undefined;
		}

		// New runs come first: pages from the newest, until the newest run already held.
		const fresh: unknown[] = [];
		let overlap: {page: Page; at: number; offset: number} | undefined;
		let total: number | undefined;
		for (let offset = 0; overlap === undefined; offset += pageSize) {
			if (offset >= window) {
				return undefined;
			}

			// eslint-disable-next-line no-await-in-loop
			const page = await source.fetchPage(offset);
			total ??= source.trustTotal === true ? page.total : undefined;
			const at = page.items.findIndex(item => idOf(item) === newestKnown);
			if (at === -1) {
				if (page.items.length < pageSize) {
					return undefined;
				}

				fresh.push(...page.items);
			} else {
				fresh.push(...page.items.slice(0, at));
				overlap = {page, at, offset};
			}
		}

		const merged = [...fresh, ...held.items];
		const put = (page: Page, offset: number): boolean =>
			page.items.every((item, index) => {
				const place = offset + index;
				if (place >= merged.length) {
					return true;
				}

				if (idOf(item) !== idOf(merged[place])) {
					return false;
				}

				merged[place] = sameOr(merged[place], item);
				return true;
			});
		if (!put(overlap.page, overlap.offset)) {
			return undefined;
		}

		// Pages that now hold runs still active, past the pages just read.
		const readUpTo = overlap.offset + overlap.page.items.length;
		const again: number[] = [];
		for (const [index, item] of held.items.entries()) {
			const place = fresh.length + index;
			const first = Math.floor(place / pageSize) * pageSize;
			if (
				place >= readUpTo &&
				place < window &&
				!source.isSettled(item) &&
				again.at(-1) !== first
			) {
				again.push(first);
			}
		}

		const pages = await fetchAll(again, source.fetchPage);
		if (!pages.every((page, index) => put(page, again[index]!))) {
			return undefined;
		}

		return keptOf(merged, window, held, total);
	}
}
