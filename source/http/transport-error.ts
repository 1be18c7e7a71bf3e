import type {ProviderErrorKind} from './provider-error.js';

/** What a failed exchange's error was, in the words of the error shown. */
export type TransportFailure = {
	readonly kind: Extract<ProviderErrorKind, 'timeout' | 'aborted' | 'network'>;
	readonly code?: string;
	readonly message: string;
};

/** Each wait of an exchange. */
export type TransportTimeouts = {
	readonly connectMs: number;
	readonly headersMs: number;
	readonly bodyMs: number;
	/** Ceiling for the whole exchange, connect to last byte. */
	readonly totalMs: number;
};

/**
 * Reads an error thrown by undici (or an abort) as a timeout, an abort or a network failure, with
 * which wait ran out or what the socket said, and the `host` it was talking to.
 */
export function transportFailure(
	error: unknown,
	context: {
		/** The exchange's own ceiling ran out. */
		readonly timedOut: boolean;
		readonly timeouts: TransportTimeouts;
		readonly host: string;
	},
): TransportFailure {
	// The errors of undici carry string codes; a DOMException's code is a number.
	const raw = (error as {code?: unknown} | undefined)?.code;
	const code = typeof raw === 'string' ? raw : '';
	const name = (error as {name?: unknown} | undefined)?.name;
	const {timeouts, host} = context;
	const waited: Readonly<Record<string, string>> = {
		UND_ERR_CONNECT_TIMEOUT: `no connection within ${timeouts.connectMs / 1000}s`,
		UND_ERR_HEADERS_TIMEOUT: `no answer within ${timeouts.headersMs / 1000}s`,
		UND_ERR_BODY_TIMEOUT: `the answer stalled for ${timeouts.bodyMs / 1000}s`,
	};
	if (context.timedOut || name === 'TimeoutError' || waited[code]) {
		return {
			kind: 'timeout',
			message: `timed out: ${waited[code] ?? `no complete answer within ${timeouts.totalMs / 1000}s`} (${host})`,
		};
	}

	if (name === 'AbortError' || code === 'UND_ERR_ABORTED') {
		return {kind: 'aborted', message: 'aborted'};
	}

	const hint: Readonly<Record<string, string>> = {
		ECONNREFUSED: 'connection refused',
		ENOTFOUND: 'host not found',
		EAI_AGAIN: 'host lookup failed',
		ECONNRESET: 'connection reset',
		EHOSTUNREACH: 'host unreachable',
		UND_ERR_SOCKET: 'connection closed by the server',
	};
	return {
		kind: 'network',
		code: code || undefined,
		message: `${hint[code] ?? 'network error'} (${host})`,
	};
}
