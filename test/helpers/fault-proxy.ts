import {Buffer} from 'node:buffer';
import {
	createServer,
	request as httpRequest,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {TestContext} from 'node:test';

/** What can go wrong between sparktop and a server, as a proxy in the middle plays it. */
export const faultKinds = [
	'latency',
	'throttled',
	'unavailable',
	'html',
	'malformed',
	'truncated',
	'reset',
	'hang',
	'trickle',
	'huge',
] as const;
export type FaultKind = (typeof faultKinds)[number];

/** How long the latency fault holds each answer back. */
export const latencyMs = 2500;

export type FaultProxy = {
	readonly url: string;
	/** Starts a fault, or ends it (undefined). */
	fault(kind: FaultKind | undefined): void;
};

function forward(
	upstream: URL,
	incoming: IncomingMessage,
	outgoing: ServerResponse,
	delayMs = 0,
): void {
	const proxied = httpRequest(
		new URL(incoming.url ?? '/', upstream),
		{
			method: incoming.method,
			headers: {...incoming.headers, host: upstream.host},
		},
		answer => {
			const chunks: Uint8Array[] = [];
			answer.on('data', (chunk: Uint8Array) => {
				chunks.push(chunk);
			});
			answer.on('end', () => {
				setTimeout(() => {
					if (!outgoing.destroyed) {
						outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
						outgoing.end(Buffer.concat(chunks));
					}
				}, delayMs);
			});
		},
	);
	proxied.on('error', () => {
		outgoing.destroy();
	});
	incoming.pipe(proxied);
}

/** A 10 MB answer that is valid JSON: one Livy session, or one Spark application, with a 10 MB name. */
function hugeBody(path: string): string {
	const name = 'n'.repeat(10 * 1024 * 1024);
	return JSON.stringify(
		path.includes('/api/v1/')
			? [{id: 'app-huge', name, attempts: [{completed: false}]}]
			: {from: 0, total: 1, sessions: [{id: 0, name, state: 'idle'}]},
	);
}

/** Plays each fault on every request while it lasts; passes requests through otherwise. */
function play(
	kind: FaultKind,
	upstream: URL,
	incoming: IncomingMessage,
	outgoing: ServerResponse,
): void {
	const send = (status: number, type: string, body: string, headers = {}) => {
		outgoing.writeHead(status, {'content-type': type, ...headers});
		outgoing.end(body);
	};

	switch (kind) {
		case 'latency': {
			forward(upstream, incoming, outgoing, latencyMs);
			return;
		}

		case 'throttled': {
			send(429, 'text/plain', 'Too Many Requests', {'retry-after': '1'});
			return;
		}

		case 'unavailable': {
			send(
				503,
				'text/html',
				'<html><title>503 Service Unavailable</title></html>',
			);
			return;
		}

		case 'html': {
			send(
				200,
				'text/html',
				'<!doctype html><html><title>Sign in</title></html>',
			);
			return;
		}

		case 'malformed': {
			send(200, 'application/json', '{"from": 0, "sessions": [{"id": ');
			return;
		}

		case 'truncated': {
			outgoing.writeHead(200, {
				'content-type': 'application/json',
				'content-length': '5000',
			});
			outgoing.write('{"from": 0, "total": 3, "sessions": [');
			setTimeout(() => {
				outgoing.destroy();
			}, 50);
			return;
		}

		case 'reset': {
			incoming.socket.destroy();
			return;
		}

		case 'hang': {
			// Never answers; the connection stays open, as with a stuck server.
			return;
		}

		case 'trickle': {
			outgoing.writeHead(200, {'content-type': 'application/json'});
			const timer = setInterval(() => {
				if (outgoing.destroyed) {
					clearInterval(timer);
				} else {
					outgoing.write(' ');
				}
			}, 200);
			return;
		}

		case 'huge': {
			send(200, 'application/json', hugeBody(incoming.url ?? ''));
		}
	}
}

/** A proxy in front of `upstream`, for one test; closed when the test ends. */
export async function faultProxy(
	t: TestContext,
	upstream: string,
): Promise<FaultProxy> {
	let current: FaultKind | undefined;
	const target = new URL(upstream);
	const server = createServer((incoming, outgoing) => {
		if (current === undefined) {
			forward(target, incoming, outgoing);
		} else {
			play(current, target, incoming, outgoing);
		}
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	t.after(async () => {
		server.closeAllConnections();
		await new Promise(resolve => {
			server.close(resolve);
		});
	});
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		fault(kind) {
			current = kind;
		},
	};
}
