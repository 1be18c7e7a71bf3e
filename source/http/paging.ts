export type Page = {
	readonly items: readonly unknown[];
	/** How many items the server says there are in all, where it says. */
	readonly total?: number;
};

export type PagingOptions = {
	readonly pageSize: number;
	readonly maxPages: number;
	/** Synapse's `total` has been the page length: there, only a short page ends the list. */
	readonly trustTotal?: boolean;
};

/**
 * Collects a paged list: asks for page after page (each starting where the last ended) until a
 * page comes back short, the server's total is reached, or `maxPages` were read.
 */
export async function collectPages(
	fetchPage: (offset: number, pageNumber: number) => Promise<Page>,
	options: PagingOptions,
): Promise<unknown[]> {
	const items: unknown[] = [];
	for (let pageNumber = 0; pageNumber < options.maxPages; pageNumber++) {
		// Pages are sequential by nature: each one starts where the last ended.
		// eslint-disable-next-line no-await-in-loop
		const page = await fetchPage(items.length, pageNumber);
		items.push(...page.items);
		const reachedTotal =
			options.trustTotal !== false &&
			page.total !== undefined &&
			items.length >= page.total;
		if (page.items.length < options.pageSize || reachedTotal) {
			break;
		}
	}

	return items;
}

/** A list as far as it was read: the items, and how many the server says there are in all. */
export type Window = {
	readonly items: readonly unknown[];
	readonly total?: number;
};

/** Pages of one list read at the same time, at most: a first load is quick, and no server is flooded. */
const pagesAtOnce = 4;

/**
 * The newest `window` items of a list the server pages oldest first with a believable `total`
 * (Livy): one page to learn the total, then the pages at the end, a few at a time, in order.
 */
export async function collectNewest(
	fetchPage: (offset: number) => Promise<Page>,
	options: {readonly pageSize: number; readonly window: number},
): Promise<Window> {
	const first = await fetchPage(0);
	const {total} = first;
	if (total === undefined || total <= first.items.length) {
		return {
			items: first.items.slice(-options.window),
			total: total ?? first.items.length,
		};
	}

	const start = Math.max(0, total - options.window);
	const offsets: number[] = [];
	for (let offset = start; offset < total; offset += options.pageSize) {
		offsets.push(offset);
	}

	const pages: Array<readonly unknown[]> = [];
	for (let index = 0; index < offsets.length; index += pagesAtOnce) {
		const batch = offsets.slice(index, index + pagesAtOnce);
		// Bounded: pagesAtOnce requests in flight, then the next few.
		// eslint-disable-next-line no-await-in-loop
		const read = await Promise.all(
			batch.map(async offset => {
				if (offset === 0) {
					return first.items;
				}

				const page = await fetchPage(offset);
				return page.items;
			}),
		);
		pages.push(...read);
	}

	return {items: pages.flat().slice(0, options.window), total};
}
