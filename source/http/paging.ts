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

/** The newest runs a list reads of each kind unless told otherwise (`--max-runs`). */
export const defaultWindow = 5000;

/** No list at all: a kind of run the filters leave out. */
export const noWindow: Window = {items: []};

/** A list as far as it was read: the items, and how many the server says there are in all. */
export type Window = {
	readonly items: readonly unknown[];
	readonly total?: number;
	/** Reading stopped at the window while the server had more (how many, it did not say). */
	readonly more?: boolean;
};

/**
 * Collects a paged list, newest first: asks for page after page (each starting where the last
 * ended) until a page comes back short, the server's total is reached, or `maxPages` were read;
 * then it says whether the server had more.
 */
export async function collectPages(
	fetchPage: (offset: number, pageNumber: number) => Promise<Page>,
	options: PagingOptions,
): Promise<Window> {
	const items: unknown[] = [];
	let total: number | undefined;
	for (let pageNumber = 0; pageNumber < options.maxPages; pageNumber++) {
		// Pages are sequential by nature: each one starts where the last ended.
		// eslint-disable-next-line no-await-in-loop
		const page = await fetchPage(items.length, pageNumber);
		items.push(...page.items);
		total = options.trustTotal === false ? undefined : page.total;
		const reachedTotal = total !== undefined && items.length >= total;
		if (page.items.length < options.pageSize || reachedTotal) {
			return {items, total};
		}
	}

	// Where the server said how many it has, its total says it all.
	return total === undefined ? {items, more: true} : {items, total};
}

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

	const pages = await fetchAll(offsets, async offset =>
		offset === 0 ? first : fetchPage(offset),
	);
	return {
		items: pages.flatMap(page => page.items).slice(0, options.window),
		total,
	};
}

/**
 * The newest `window` items of a list the server pages newest first by offset. With a total to
 * believe, one page tells how many there are and the rest of the window is read a few pages at a
 * time; without one (Synapse), page after page until a short one.
 */
export async function collectFromNewest(
	fetchPage: (offset: number) => Promise<Page>,
	options: {
		readonly pageSize: number;
		readonly window: number;
		readonly trustTotal?: boolean;
	},
): Promise<Window> {
	const {pageSize, window} = options;
	const maxPages = Math.ceil(window / pageSize);
	const first = await fetchPage(0);
	const {total} = first;
	if (options.trustTotal !== true || total === undefined) {
		return collectPages(
			async offset => (offset === 0 ? first : fetchPage(offset)),
			{pageSize, maxPages, trustTotal: options.trustTotal === true},
		);
	}

	// A short first page is the whole list, whatever the total says.
	const offsets: number[] = [];
	const end = first.items.length < pageSize ? 0 : Math.min(total, window);
	for (let offset = pageSize; offset < end; offset += pageSize) {
		offsets.push(offset);
	}

	const pages = await fetchAll(offsets, fetchPage);
	return {
		items: [first, ...pages].flatMap(page => page.items).slice(0, window),
		total,
	};
}

/** Pages at these offsets (or runs by these ids), in order, `pagesAtOnce` in flight at most: no server is flooded. */
export async function fetchAll<Key, Answer>(
	keys: readonly Key[],
	fetch: (key: Key) => Promise<Answer>,
): Promise<Answer[]> {
	const answers: Answer[] = [];
	for (let index = 0; index < keys.length; index += pagesAtOnce) {
		// eslint-disable-next-line no-await-in-loop
		const read = await Promise.all(
			keys.slice(index, index + pagesAtOnce).map(async key => fetch(key)),
		);
		answers.push(...read);
	}

	return answers;
}
