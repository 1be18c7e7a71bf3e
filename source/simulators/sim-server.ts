import {Buffer} from 'node:buffer';
import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type {AddressInfo} from 'node:net';
import {type SimClock, wallClock} from './sim-clock.js';

export type SimRequest = {
	readonly method: string;
	readonly path: string;
	readonly query: URLSearchParams;
	readonly headers: IncomingMessage['headers'];
	readonly body: string;
	/** The server's own clock when the request arrived: gateways check signature dates against it. */
	readonly receivedAt: number;
};

export type SimResponse = {
	readonly status: number;
	readonly headers?: Readonly<Record<string, string>>;
	readonly body: string;
};

/** A canned answer for requests whose path matches, for the next `times` requests: 429s, HTML pages, junk. */
export type Fault = {
	readonly path: RegExp;
	readonly response: SimResponse;
	times: number;
	/** Wait this long before answering (timeouts). */
	readonly delayMs?: number;
};

export type SimHandler = (request: SimRequest) => SimResponse;

export type RunningSimulator = {
	readonly name: string;
	readonly url: string;
	/** Requests served so far, for tests of paging and polling. */
	readonly requests: SimRequest[];
	inject(fault: Fault): void;
	close(): Promise<void>;
};

export function json(
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): SimResponse {
	return {
		status,
		headers: {'content-type': 'application/json; charset=utf-8', ...headers},
		body: JSON.stringify(body),
	};
}

export function text(
	status: number,
	body: string,
	type = 'text/plain; charset=utf-8',
): SimResponse {
	return {status, headers: {'content-type': type}, body};
}

/** The URL a request was sent to, as signers saw it (host from its Host header). */
export function requestUrl(request: SimRequest): URL {
	const query = request.query.toString();
	return new URL(
		`${request.path}${query ? `?${query}` : ''}`,
		`http://${String(request.headers.host ?? 'sim')}`,
	);
}

/** A servlet container's own error page, as Jetty sends for unknown paths and CSRF rejections. */
export function jettyErrorPage(status: number, reason: string): SimResponse {
	const html = `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>\n<title>Error ${status} ${reason}</title>\n</head>\n<body><h2>HTTP ERROR ${status}</h2>\n<p>Problem accessing the path. Reason:\n<pre>    ${reason}</pre></p>\n</body>\n</html>\n`;
	return text(status, html, 'text/html;charset=iso-8859-1');
}

export type SimServerOptions = {
	/** 0 (the default) picks a free port. */
	readonly port?: number;
	readonly host?: string;
	/**
	 * The host's own clock (its `Date` header, signature freshness), apart from the scenario's: a
	 * test sets it wrong to play a server whose clock is skewed from the client's.
	 */
	readonly serverClock?: SimClock;
};

/** Starts a loopback HTTP server. */
export async function startSimServer(
	name: string,
	handler: SimHandler,
	options: SimServerOptions = {},
): Promise<RunningSimulator> {
	const {port = 0, host = '127.0.0.1', serverClock = wallClock} = options;
	const faults: Fault[] = [];
	const requests: SimRequest[] = [];
	const server = createServer((incoming, outgoing) => {
		const chunks: Uint8Array[] = [];
		incoming.on('data', (chunk: Uint8Array) => {
			chunks.push(chunk);
		});
		incoming.on('end', () => {
			const url = new URL(incoming.url ?? '/', 'http://sim');
			const request: SimRequest = {
				method: incoming.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				headers: incoming.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				receivedAt: serverClock.now(),
			};
			if (requests.length > 10_000) {
				requests.splice(0, 5000);
			}

			requests.push(request);
			const fault = faults.find(
				item => item.times > 0 && item.path.test(request.path),
			);
			if (fault) {
				fault.times--;
				setTimeout(() => {
					send(outgoing, fault.response, serverClock);
				}, fault.delayMs ?? 0);
				return;
			}

			let response: SimResponse;
			try {
				response = handler(request);
			} catch (error) {
				response = text(
					500,
					`simulator error: ${error instanceof Error ? error.message : String(error)}`,
				);
			}

			send(outgoing, response, serverClock);
		});
	});
	// Idle connections stay open as a real server's do (Jetty's idle timeout is 30 s), so a poll
	// every second reuses its connection; close() closes them all at once.
	server.keepAliveTimeout = 30_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	return {
		name,
		url: `http://${host}:${address.port}`,
		requests,
		inject(fault) {
			faults.push(fault);
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}

function send(
	outgoing: ServerResponse,
	response: SimResponse,
	serverClock: SimClock,
): void {
	if (outgoing.destroyed) {
		return;
	}

	outgoing.writeHead(response.status, {
		date: new Date(serverClock.now()).toUTCString(),
		...response.headers,
	});
	outgoing.end(response.body);
}
