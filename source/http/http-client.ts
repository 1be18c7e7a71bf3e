import {Buffer} from 'node:buffer';
import type {Dispatcher} from 'undici';
import {
	Agent,
	type PooledAgent,
	request as undiciRequest,
} from './undici-parts.js';
import {readErrorBody, type ErrorBodyFacts} from './error-body.js';
import {ProviderError} from './provider-error.js';
import {takeSlot} from './rate-limit.js';
import {retryAfterMs} from './retry-after.js';
import {transportFailure, type TransportTimeouts} from './transport-error.js';

export type HttpTimeouts = TransportTimeouts;

export const defaultTimeouts: HttpTimeouts = {
	connectMs: 5000,
	headersMs: 15_000,
	bodyMs: 15_000,
	totalMs: 30_000,
};

/** A response larger than this is refused rather than parsed (a 10 MB statement output still fits). */
export const defaultMaxBytes = 32 * 1024 * 1024;

const dispatchers = new Map<number, PooledAgent>();

/**
 * One dispatcher per connect timeout for the whole process, so connections to each endpoint are
 * pooled and kept alive; header and body timeouts go with each request.
 */
export function httpDispatcher(
	connectMs = defaultTimeouts.connectMs,
): PooledAgent {
	let agent = dispatchers.get(connectMs);
	if (!agent) {
		agent = new Agent({
			connect: {timeout: connectMs},
			keepAliveTimeout: 10_000,
			connections: 8,
		});
		dispatchers.set(connectMs, agent);
	}

	return agent;
}

export type Query = Readonly<
	Record<string, string | number | boolean | undefined | readonly string[]>
>;

export type HttpRequest = {
	readonly operation: string;
	readonly method?: 'GET' | 'POST' | 'DELETE' | 'PUT';
	readonly path: string;
	readonly query?: Query;
	readonly headers?: Readonly<Record<string, string>>;
	readonly body?: string;
	readonly signal?: AbortSignal;
};

/** A request as it will go on the wire, for signers. Header names are lower case. */
export type OutgoingRequest = {
	readonly method: string;
	readonly url: URL;
	readonly headers: Readonly<Record<string, string>>;
	readonly body?: string;
};

export type HttpResponse = {
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
	readonly text: string;
};

export type HttpClientOptions = {
	readonly provider: string;
	readonly endpoint: string;
	readonly headers?: () => Readonly<Record<string, string>>;
	/**
	 * Headers that authenticate one request, computed from it just before it is sent: a bearer token
	 * that may need fetching, or a signature over method, path, query, headers and body.
	 */
	readonly authorize?: (
		request: OutgoingRequest,
		signal: AbortSignal,
	) => Promise<Readonly<Record<string, string>>>;
	/**
	 * Sees every error answer before it is thrown: where a server refused the credentials, a client
	 * forgets them here so the next request fetches fresh ones (rotated keys, expired tokens).
	 */
	readonly onHttpError?: (error: ProviderError) => void;
	/** Secrets that must never appear in an error message, even if a server echoes them. */
	readonly secrets?: () => readonly string[];
	/** Provider-specific reading of an error body; the generic reader is used where it says nothing. */
	readonly readError?: (
		response: HttpResponse,
		json: unknown,
	) => ErrorBodyFacts;
	readonly dispatcher?: Dispatcher;
	readonly timeouts?: HttpTimeouts;
	readonly maxBytes?: number;
	readonly now?: () => number;
};

/** An HTTP client bound to one endpoint of one provider. */
export class HttpClient {
	readonly provider: string;
	readonly endpoint: URL;
	private readonly options: HttpClientOptions;

	constructor(options: HttpClientOptions) {
		this.options = options;
		this.provider = options.provider;
		this.endpoint = new URL(
			options.endpoint.endsWith('/')
				? options.endpoint
				: `${options.endpoint}/`,
		);
	}

	/** Sends a request and returns the parsed JSON body of a 2xx answer; anything else throws ProviderError. */
	async json(request: HttpRequest): Promise<unknown> {
		const response = await this.send(request);
		if (response.text.trim() === '') {
			return undefined;
		}

		const parsed = parseJson(response.text);
		if (!parsed.ok) {
			const html = /^\s*</v.test(response.text);
			throw this.error(request, {
				kind: 'malformed',
				status: response.status,
				message: html
					? 'expected JSON but the server sent an HTML page (a proxy or login page?)'
					: `response is not valid JSON (${parsed.reason})`,
			});
		}

		return parsed.value;
	}

	/** Sends a request; a non-2xx status throws ProviderError with what the body says. */
	async send(request: HttpRequest): Promise<HttpResponse> {
		const idempotent = (request.method ?? 'GET') === 'GET';
		try {
			return await this.sendOnce(request);
		} catch (error) {
			// One quiet retry for reads whose connection broke under them; everything else goes to the store's backoff.
			if (idempotent && isTransient(error) && !request.signal?.aborted) {
				await delay(100);
				return this.sendOnce(request);
			}

			throw error;
		}
	}

	url(path: string, query?: Query): URL {
		const url = new URL(path.replace(/^\//v, ''), this.endpoint);
		for (const [key, value] of Object.entries(query ?? {})) {
			if (value === undefined) {
				continue;
			}

			const values = Array.isArray(value) ? value : [value];
			for (const item of values) {
				url.searchParams.append(key, String(item));
			}
		}

		return url;
	}

	private async sendOnce(request: HttpRequest): Promise<HttpResponse> {
		const timeouts = this.options.timeouts ?? defaultTimeouts;
		const maxBytes = this.options.maxBytes ?? defaultMaxBytes;
		const url = this.url(request.path, request.query);
		const method = request.method ?? 'GET';
		if (url.origin !== this.endpoint.origin) {
			// Credentials are for the origin they were configured for, and nowhere else.
			throw this.error(request, {
				kind: 'config',
				message: `refused to send a request to ${url.origin}, which is not this target's origin`,
			});
		}

		// Not AbortSignal.timeout: its timer cannot be cleared, so every answered request would still
		// raise a TimeoutError half a minute later.
		const timeout = new AbortController();
		const timer = setTimeout(() => {
			timeout.abort(
				new DOMException(
					'The operation was aborted due to timeout',
					'TimeoutError',
				),
			);
		}, timeouts.totalMs);
		timer.unref();
		const signal = request.signal
			? AbortSignal.any([request.signal, timeout.signal])
			: timeout.signal;

		let status = 0;
		try {
			await takeSlot(this.endpoint.origin, signal);
			const outgoing: Record<string, string> = lowerCaseKeys({
				accept: 'application/json',
				'user-agent': 'sparktop',
				...this.options.headers?.(),
				...(request.body === undefined
					? {}
					: {'content-type': 'application/json'}),
				...request.headers,
			});
			const auth = await this.options.authorize?.(
				{method, url, headers: outgoing, body: request.body},
				signal,
			);
			const response = await undiciRequest(url, {
				method,
				headers: {...outgoing, ...auth},
				body: request.body,
				signal,
				headersTimeout: timeouts.headersMs,
				bodyTimeout: timeouts.bodyMs,
				dispatcher:
					this.options.dispatcher ?? httpDispatcher(timeouts.connectMs),
			});
			status = response.statusCode;
			const headers = flattenHeaders(response.headers);
			const text = await readCapped(response.body, maxBytes);
			if (text === undefined) {
				throw this.error(request, {
					kind: 'too-large',
					status,
					message: `response larger than ${Math.round(maxBytes / 1024 / 1024)} MiB was refused`,
				});
			}

			const answer = {status, headers, text};
			if (status < 200 || status >= 300) {
				const error = this.httpError(request, answer);
				this.options.onHttpError?.(error);
				throw error;
			}

			return answer;
		} catch (error) {
			if (error instanceof ProviderError) {
				throw error;
			}

			throw this.error(
				request,
				transportFailure(error, {
					timedOut: timeout.signal.aborted,
					timeouts,
					host: this.endpoint.host,
				}),
			);
		} finally {
			clearTimeout(timer);
		}
	}

	private httpError(
		request: HttpRequest,
		response: HttpResponse,
	): ProviderError {
		const parsed = parseJson(response.text);
		const json = parsed.ok ? parsed.value : undefined;
		const generic = readErrorBody(response.text, json);
		const specific = this.options.readError?.(response, json) ?? {};
		const requestId =
			specific.requestId ??
			generic.requestId ??
			response.headers['x-request-id'] ??
			response.headers['x-ms-request-id'] ??
			response.headers['x-acs-request-id'];
		return this.error(request, {
			kind: 'http',
			status: response.status,
			code: specific.code ?? generic.code,
			requestId,
			message:
				specific.message ??
				generic.message ??
				(response.status === 429 ? 'too many requests' : 'no error text'),
			retryAfterMs: retryAfterMs(
				response.headers,
				this.options.now?.() ?? Date.now(),
			),
			throttled: specific.throttled,
		});
	}

	private error(
		request: HttpRequest,
		fields: Omit<
			ConstructorParameters<typeof ProviderError>[0],
			'provider' | 'operation'
		>,
	): ProviderError {
		return new ProviderError({
			...fields,
			provider: this.provider,
			operation: request.operation,
			secrets: this.options.secrets?.(),
		});
	}
}

type ParsedJson = {ok: true; value: unknown} | {ok: false; reason: string};

export function parseJson(text: string): ParsedJson {
	try {
		return {ok: true, value: JSON.parse(text) as unknown};
	} catch (error) {
		return {
			ok: false,
			reason:
				error instanceof Error ? error.message.slice(0, 80) : 'parse error',
		};
	}
}

async function readCapped(
	body: AsyncIterable<Uint8Array> & {destroy(): void},
	maxBytes: number,
): Promise<string | undefined> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of body) {
		size += chunk.length;
		if (size > maxBytes) {
			body.destroy();
			return undefined;
		}

		chunks.push(chunk);
	}

	return Buffer.concat(chunks).toString('utf8');
}

function lowerCaseKeys(
	headers: Readonly<Record<string, string>>,
): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
}

function flattenHeaders(
	headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) {
			flat[name.toLowerCase()] = Array.isArray(value)
				? value.join(', ')
				: value;
		}
	}

	return flat;
}

function isTransient(error: unknown): boolean {
	return (
		error instanceof ProviderError &&
		error.kind === 'network' &&
		(error.code === 'ECONNRESET' || error.code === 'UND_ERR_SOCKET')
	);
}

async function delay(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}
