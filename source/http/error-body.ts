/** What an error response body says, whatever shape the server chose. */
export type ErrorBodyFacts = {
	readonly message?: string;
	readonly code?: string;
	readonly requestId?: string;
	/** The provider's code says this is throttling, whatever the HTTP status. */
	readonly throttled?: boolean;
};

/**
 * Generic reading of an error body: JSON `{msg}` (Livy), `{message}`, `{Message}` (Synapse),
 * `{error: {code, message}}` (Azure), a bare JSON string (Livy statements), plain text
 * (Spark) or an HTML page (servlet containers, proxies).
 */
export function readErrorBody(text: string, json: unknown): ErrorBodyFacts {
	if (typeof json === 'string') {
		return {message: clean(json)};
	}

	if (json && typeof json === 'object') {
		const object = json as Record<string, unknown>;
		const nested = object['error'];
		const inner =
			nested && typeof nested === 'object'
				? (nested as Record<string, unknown>)
				: {};
		const message = firstString(
			object['msg'],
			object['message'],
			object['Message'],
			inner['message'],
			typeof nested === 'string' ? nested : undefined,
		);
		const code = firstString(object['code'], object['Code'], inner['code']);
		const requestId = firstString(
			object['requestId'],
			object['RequestId'],
			object['TraceId'],
		);
		return {message: message && clean(message), code, requestId};
	}

	const trimmed = text.trim();
	if (trimmed === '') {
		return {};
	}

	if (/^<(?:!doctype|html|\?xml)/iv.test(trimmed)) {
		return {message: htmlMessage(trimmed)};
	}

	return {message: clean(trimmed)};
}

function htmlMessage(html: string): string | undefined {
	const title = /<title>([^<]*)<\/title>/iv.exec(html)?.[1];
	const heading = /<h[12][^>]*>([^<]*)<\/h[12]>/iv.exec(html)?.[1];
	const text = [title, heading].find(part => part && part.trim() !== '');
	return text ? `HTML error page: ${clean(text)}` : 'HTML error page';
}

function firstString(...values: unknown[]): string | undefined {
	for (const value of values) {
		if (typeof value === 'string' && value.trim() !== '') {
			return value;
		}
	}

	return undefined;
}

/** One line of text; it is redacted and cut to length where the error is made (ProviderError). */
function clean(text: string): string {
	return text.replaceAll(/\s+/gv, ' ').trim();
}
