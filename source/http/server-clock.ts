import {httpDispatcher} from './http-client.js';
import {request} from './undici-parts.js';

/**
 * How far this host's clock is ahead of a server's (negative: behind), from the `Date` header of
 * one plain GET, taken at the middle of the round trip. Undefined when the server sends no Date.
 * Nothing is sent but the GET itself: no credentials.
 */
export async function clockSkewMs(
	endpoint: URL,
	signal: AbortSignal,
): Promise<number | undefined> {
	const sent = Date.now();
	const response = await request(endpoint, {
		method: 'GET',
		dispatcher: httpDispatcher(),
		signal,
		headersTimeout: 10_000,
		bodyTimeout: 10_000,
	});
	const received = Date.now();
	await response.body.dump();
	const {date} = response.headers;
	const serverMs = Date.parse(
		Array.isArray(date) ? (date[0] ?? '') : (date ?? ''),
	);
	if (Number.isNaN(serverMs)) {
		return undefined;
	}

	// The header has whole seconds: half a second is its own uncertainty.
	return (sent + received) / 2 - (serverMs + 500);
}
