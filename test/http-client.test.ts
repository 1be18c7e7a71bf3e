import {Buffer} from 'node:buffer';
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, test} from 'node:test';
import {HttpClient} from '../source/http/http-client.js';
import {burst, requestsPerSecond} from '../source/http/rate-limit.js';
import {expectProviderError} from './helpers/fixtures.js';

let server: Server;
let base = '';
const counted: number[] = [];

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

			case '/echo-everywhere': {
				// A server that echoes the request's credentials into every field of its error.
				const echoed = [
					request.headers.authorization,
					request.headers['x-auth-token'],
					request.headers['x-acs-security-token'],
				]
					.filter(Boolean)
					.join(' ');
				const pad = Number(url.searchParams.get('pad') ?? 0);
				response.writeHead(400, {'content-type': 'application/json'});
				response.end(
					JSON.stringify({
						code: `E ${echoed}`,
						message: `${'x'.repeat(pad)}${echoed} was refused`,
						requestId: echoed,
					}),
				);
				return;
			}

			case '/counted': {
				counted.push(Date.now());
				response.writeHead(200, {'content-type': 'application/json'});
				response.end('{}');
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

	test("every field of an error is redacted before it is cut, for each provider's kind of credential", async () => {
		const basic = Buffer.from('oncall:pa55-word-secret').toString('base64');
		const credentials: Array<[string, Record<string, string>, string[]]> = [
			[
				'livy basic',
				{authorization: `Basic ${basic}`},
				['pa55-word-secret', basic],
			],
			[
				'synapse bearer',
				{authorization: 'Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0'},
				['eyJhbGciOi.eyJzdWIi.c2lnbmF0'],
			],
			[
				'dli iam token',
				{'x-auth-token': 'MIIsim-iam-token-value'},
				['MIIsim-iam-token-value'],
			],
			[
				'alibaba sts',
				{'x-acs-security-token': 'CAIS-sts-token-value'},
				['CAIS-sts-token-value'],
			],
		];
		for (const [name, headers, secrets] of credentials) {
			// The secret straddles the 300-character cut of the message.
			for (const pad of [0, 290, 295]) {
				// A bare token can only be known; a Basic or Bearer value is recognised even unknown.
				for (const known of name.includes('basic') || name.includes('bearer')
					? [secrets, []]
					: [secrets]) {
					const error = await expectProviderError(
						client({headers: () => headers, secrets: () => known}).json({
							operation: 'echo',
							path: '/echo-everywhere',
							query: {pad},
						}),
					);
					const shown = [error.summary(), error.code, error.requestId].join(
						'\n',
					);
					const pieces = secrets.flatMap(secret => [
						secret,
						secret.slice(0, 8),
						secret.slice(-8),
					]);
					const leaked = pieces.filter(piece => shown.includes(piece));
					assert.deepEqual(
						leaked,
						[],
						`${name} (pad ${pad}, ${known.length > 0 ? 'known' : 'unknown'} secret): ${shown}`,
					);

					assert.ok(error.message.length <= 300, name);
				}
			}
		}
	});

	test("a client's own timeouts apply, whichever client came first; an abort is an abort", async () => {
		await client().json({operation: 'warm', path: '/fine'});
		const started = Date.now();
		const error = await expectProviderError(
			client({
				timeouts: {
					connectMs: 1000,
					headersMs: 300,
					bodyMs: 300,
					totalMs: 10_000,
				},
			}).json({operation: 'hang', path: '/hang'}),
		);
		assert.equal(error.kind, 'timeout');
		assert.match(error.message, /no answer within 0\.3s/v);
		assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
		const controller = new AbortController();
		const aborted = client().json({
			operation: 'hang',
			path: '/hang',
			signal: controller.signal,
		});
		controller.abort();
		const stopped = await expectProviderError(aborted);
		assert.equal(stopped.kind, 'aborted');
		const total = await expectProviderError(
			client({
				timeouts: {
					connectMs: 1000,
					headersMs: 5000,
					bodyMs: 5000,
					totalMs: 200,
				},
			}).json({operation: 'hang', path: '/hang'}),
		);
		assert.equal(total.kind, 'timeout');
		assert.match(total.message, /no complete answer within 0\.2s/v);
	});

	test('a request for another origin is refused before anything is sent', async () => {
		const error = await expectProviderError(
			client({
				headers: () => ({authorization: 'Basic c2VjcmV0OnNlY3JldA=='}),
			}).json({
				operation: 'elsewhere',
				path: 'http://127.0.0.1:9/steal',
			}),
		);
		assert.equal(error.kind, 'config');
		assert.match(error.message, /not this target's origin/v);
	});

	test('no more than the documented requests per second reach one origin, whatever asks', async () => {
		counted.length = 0;
		const started = Date.now();
		await Promise.all(
			Array.from({length: burst + 2 * requestsPerSecond}, async () =>
				client().json({operation: 'count', path: '/counted'}),
			),
		);
		const took = Date.now() - started;
		assert.equal(counted.length, burst + 2 * requestsPerSecond);
		assert.ok(took >= 1800, `took only ${took} ms`);
		// In any second after the burst, at most requestsPerSecond went out.
		const afterBurst = counted.slice(burst);
		for (const at of afterBurst) {
			const inSecond = afterBurst.filter(
				other => other >= at && other < at + 1000,
			).length;
			assert.ok(inSecond <= requestsPerSecond + 1, `${inSecond} in one second`);
		}
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
