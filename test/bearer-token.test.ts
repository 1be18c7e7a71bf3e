import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {describe, test} from 'node:test';
import {
	type AccessToken,
	CachedToken,
	jwtExpiry,
	parseTokenOutput,
	tokenIdentity,
} from '../source/providers/auth/bearer-token.js';
import {expectProviderError} from './helpers/fixtures.js';

const jwt = (claims: Record<string, unknown>) =>
	`eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('token command output', () => {
	test('a bare token, a Bearer line, and the JSON of az account get-access-token', () => {
		assert.deepEqual(parseTokenOutput('abc.def.ghi\n'), {token: 'abc.def.ghi'});
		assert.deepEqual(parseTokenOutput('Bearer abc\n'), {token: 'abc'});
		assert.deepEqual(
			parseTokenOutput(
				JSON.stringify({
					accessToken: 'tok',
					expiresOn: '2026-11-21 15:00:00.000000',
					expires_on: 1_790_000_000,
					tokenType: 'Bearer',
				}),
			),
			{token: 'tok', expiresAt: 1_790_000_000_000},
		);
		assert.equal(
			parseTokenOutput(
				JSON.stringify({accessToken: 'tok', expiresOn: '2026-11-21T15:00:00Z'}),
			).expiresAt,
			Date.parse('2026-11-21T15:00:00Z'),
		);
	});

	test('output that is no token says so without echoing it', () => {
		assert.throws(() => parseTokenOutput(''), /printed no token/v);
		assert.throws(() => parseTokenOutput('two words'), /printed no token/v);
		assert.throws(
			() => parseTokenOutput('{"nope": 1}'),
			/without an accessToken/v,
		);
		assert.throws(
			() => parseTokenOutput('{secret'),
			error => {
				assert.ok(!(error as Error).message.includes('secret'));
				return true;
			},
		);
	});

	test('JWT claims give the expiry and who the token is for', () => {
		assert.equal(jwtExpiry(jwt({exp: 1_790_000_000})), 1_790_000_000_000);
		assert.equal(jwtExpiry('opaque'), undefined);
		assert.equal(
			tokenIdentity(jwt({upn: 'ann@contoso.com', tid: 't1'})),
			'user ann@contoso.com (tenant t1)',
		);
		assert.equal(tokenIdentity(jwt({appid: 'app-1'})), 'app app-1');
		assert.equal(tokenIdentity('opaque'), undefined);
	});
});

describe('CachedToken', () => {
	function source(tokens: AccessToken[]) {
		let calls = 0;
		return {
			get calls() {
				return calls;
			},
			describe: 'test source',
			async fetch() {
				const token = tokens[Math.min(calls, tokens.length - 1)]!;
				calls++;
				return token;
			},
		};
	}

	test('reuses a token until five minutes before it expires, then fetches a new one', async () => {
		let now = 1_000_000;
		const tokens = source([
			{token: 'one', expiresAt: now + 60 * 60_000},
			{token: 'two', expiresAt: now + 120 * 60_000},
		]);
		const cache = new CachedToken(tokens, 'synapse', () => now);
		assert.equal(await cache.get(), 'one');
		now += 54 * 60_000;
		assert.equal(await cache.get(), 'one');
		assert.equal(tokens.calls, 1);
		now += 2 * 60_000;
		assert.equal(await cache.get(), 'two');
		assert.equal(tokens.calls, 2);
	});

	test('concurrent requests share one fetch; invalidate forces the next', async () => {
		const tokens = source([{token: 'a'}, {token: 'b'}]);
		const cache = new CachedToken(tokens, 'synapse');
		const all = await Promise.all([cache.get(), cache.get(), cache.get()]);
		assert.deepEqual(all, ['a', 'a', 'a']);
		assert.equal(tokens.calls, 1);
		assert.deepEqual(cache.secrets(), ['a']);
		cache.invalidate();
		assert.equal(await cache.get(), 'b');
	});

	test('a token of unknown lifetime is fetched again after ten minutes', async () => {
		let now = 0;
		const tokens = source([{token: 'a'}, {token: 'b'}]);
		const cache = new CachedToken(tokens, 'synapse', () => now);
		await cache.get();
		now += 9 * 60_000;
		assert.equal(await cache.get(), 'a');
		now += 2 * 60_000;
		assert.equal(await cache.get(), 'b');
	});

	test('a failing source is an auth ProviderError with its first line only', async () => {
		const cache = new CachedToken(
			{
				describe: 'DefaultAzureCredential',
				async fetch() {
					throw new Error(
						'ChainedTokenCredential authentication failed.\nCredentialUnavailableError: ...',
					);
				},
			},
			'synapse',
		);
		const error = await expectProviderError(cache.get());
		assert.equal(error.kind, 'auth');
		assert.equal(error.operation, 'getCredentials');
		assert.equal(
			error.message,
			'no credentials from DefaultAzureCredential: ChainedTokenCredential authentication failed.',
		);
	});
});
