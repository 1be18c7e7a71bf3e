/** RFC 3986 percent-encoding: only `A-Z a-z 0-9 - _ . ~` stay as they are (signers need exactly this). */
export function rfc3986(text: string): string {
	return encodeURIComponent(text).replaceAll(
		/[!'\(\)*]/gv,
		char => `%${char.codePointAt(0)!.toString(16).toUpperCase()}`,
	);
}

/** A URL's query as signers canonicalise it: encoded pairs sorted by name, then value, joined by `&`. */
export function canonicalQuery(url: URL): string {
	return [...url.searchParams]
		.map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
		.toSorted(([a, x], [b, y]) =>
			a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1,
		)
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
}

/** Each path segment decoded once and encoded again the RFC 3986 way. */
export function canonicalPath(url: URL): string {
	return url.pathname
		.split('/')
		.map(segment => rfc3986(safeDecode(segment)))
		.join('/');
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
