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
