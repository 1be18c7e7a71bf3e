import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, test} from 'node:test';
import {HttpClient} from '../source/http/http-client.js';
import {expectProviderError} from './helpers/fixtures.js';

let server: Server;
let base = '';

before(async () => {
	server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		switch (url.pathname.replace('/gateway/livy', '')) {
			case '/hang': {
				return;
			}

			case '/big': {
				response.writeHead(200, {'content-type': 'application/json'});
				response.end(`"${'x'.repeat(3 * 1024 * 1024)}"`);
				return;
			}

			case '/html': {
				response.writeHead(200, {'content-type': 'text/html'});
				response.end('<!doctype html><html><title>Sign in</title></html>');
				return;
			}

			case '/junk': {
				response.writeHead(200, {'content-type': 'application/json'});
				response.end('{"sessions": [');
				return;
			}

			case '/echo-auth': {
				response.writeHead(401, {
					'content-type': 'text/plain',
					'x-request-id': 'req-123',
				});
				response.end(
					`bad credentials: ${request.headers.authorization ?? ''} for ${url.search}`,
				);
				return;
			}

			case '/throttled': {
				response.writeHead(429, {
					'content-type': 'application/json',
					'retry-after': '12',
				});
				response.end('{"message":"slow down"}');
				return;
			}

			default: {
				response.writeHead(200, {'content-type': 'application/json'});
				response.end(JSON.stringify({path: url.pathname, query: url.search}));
			}
		}
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', () => {
			resolve();
		});
	});
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
	server.closeAllConnections();
	server.close();
});

function client(
	extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {},
) {
	return new HttpClient({
		provider: 'test',
		endpoint: `${base}/gateway/livy`,
		...extra,
	});
}

describe('http client', () => {
	test('keeps a gateway path prefix and encodes query values, repeated ones too', async () => {
		const body = (await client().json({
			operation: 'list',
			path: 'sessions',
			query: {from: 0, status: ['active', 'failed'], skip: undefined},
		})) as {path: string; query: string};
		assert.equal(body.path, '/gateway/livy/sessions');
		assert.equal(body.query, '?from=0&status=active&status=failed');
	});

	test('a server that never answers times out with a clear error', async () => {
		const error = await expectProviderError(
			client({
				timeouts: {connectMs: 1000, headersMs: 300, bodyMs: 300, totalMs: 400},
			}).json({operation: 'hang', path: '/hang'}),
		);
		assert.equal(error.kind, 'timeout');
		assert.match(error.summary(), /test hang: timed out/v);
	});

	test('a response over the size cap is refused, not parsed', async () => {
		const error = await expectProviderError(
			client({maxBytes: 1024 * 1024}).json({operation: 'big', path: '/big'}),
		);
		assert.equal(error.kind, 'too-large');
	});

	test('an HTML page where JSON was expected says so', async () => {
		const error = await expectProviderError(
			client().json({operation: 'html', path: '/html'}),
		);
		assert.equal(error.kind, 'malformed');
		assert.match(error.message, /HTML page/v);
	});

	test('truncated JSON is a malformed-response error, never a crash', async () => {
		const error = await expectProviderError(
			client().json({operation: 'junk', path: '/junk'}),
		);
		assert.equal(error.kind, 'malformed');
	});

	test('credentials echoed by a server never reach the message; signed query strings are not in it', async () => {
		const secret = 'hunter2-very-secret';
		const error = await expectProviderError(
			client({
				headers: () => ({authorization: `Bearer ${secret}`}),
				secrets: () => [secret],
			}).json({
				operation: 'auth',
				path: '/echo-auth',
				query: {Signature: 'abc123signed'},
			}),
		);
		assert.equal(error.status, 401);
		assert.equal(error.requestId, 'req-123');
		assert.doesNotMatch(error.summary(), /hunter2/v);
		assert.match(error.summary(), /\[redacted\]/v);
	});

	test('429 carries Retry-After and is marked as throttling', async () => {
		const error = await expectProviderError(
			client().json({operation: 'list', path: '/throttled'}),
		);
		assert.equal(error.status, 429);
		assert.equal(error.retryAfterMs, 12_000);
		assert.equal(error.throttled, true);
		assert.equal(error.message, 'slow down');
	});

	test('every error answer passes onHttpError before it is thrown, so refused credentials can be forgotten', async () => {
		const seen: number[] = [];
		const watched = client({
			onHttpError(error) {
				seen.push(error.status ?? 0);
			},
		});
		const refused = await expectProviderError(
			watched.json({operation: 'get', path: '/echo-auth'}),
		);
		await expectProviderError(
			watched.json({operation: 'list', path: '/throttled'}),
		);
		await watched.json({operation: 'ok', path: '/fine'});
		assert.equal(refused.status, 401);
		assert.deepEqual(seen, [401, 429]);
	});

	test('an unreachable endpoint is a network error naming the host only', async () => {
		const error = await expectProviderError(
			new HttpClient({provider: 'livy', endpoint: 'http://127.0.0.1:9/'}).json({
				operation: 'list',
				path: 'sessions',
				query: {token: 'secret-token'},
			}),
		);
		assert.equal(error.kind, 'network');
		assert.match(error.message, /connection refused \(127\.0\.0\.1:9\)/v);
		assert.doesNotMatch(error.summary(), /secret-token/v);
	});
});
