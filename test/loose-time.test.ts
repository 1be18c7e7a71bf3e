import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {inspect} from 'node:util';
import {formatJavaDate, parseLooseTime} from '../source/model/loose-time.js';
import {retryAfterMs} from '../source/http/retry-after.js';
import {backoffDelay} from '../source/store/backoff.js';

describe('loose time parsing', () => {
	test('the forms providers send', () => {
		assert.equal(
			parseLooseTime('2015-02-03T16:42:40.000GMT'),
			Date.UTC(2015, 1, 3, 16, 42, 40),
		);
		assert.equal(
			parseLooseTime('Mon Jul 27 17:24:03 CST 2020'),
			Date.UTC(2020, 6, 27, 9, 24, 3),
		);
		assert.equal(
			parseLooseTime('2024-05-01 10:20:30'),
			Date.UTC(2024, 4, 1, 10, 20, 30),
		);
		assert.equal(
			parseLooseTime('2025-02-14T09:01:02.1234567+00:00'),
			Date.UTC(2025, 1, 14, 9, 1, 2, 123),
		);
		assert.equal(parseLooseTime(1_700_000_000), 1_700_000_000_000);
		assert.equal(parseLooseTime('1700000000123'), 1_700_000_000_123);
	});

	test('nothing and nonsense are undefined, never a throw', () => {
		for (const value of [
			undefined,
			null,
			'',
			'   ',
			'soon',
			0,
			-1,
			Number.NaN,
			{},
			[],
			'1969-12-31T23:59:59.999GMT',
			'Xyz Foo 99 99:99:99 QQQ 2020',
		]) {
			assert.equal(parseLooseTime(value), undefined, inspect(value));
		}
	});
});

describe('Retry-After and backoff', () => {
	test('seconds, HTTP dates and Azure millisecond headers', () => {
		assert.equal(retryAfterMs({'retry-after': '7'}, 0), 7000);
		assert.equal(
			retryAfterMs({'retry-after': new Date(65_000).toUTCString()}, 5000),
			60_000,
		);
		assert.equal(retryAfterMs({'x-ms-retry-after-ms': '250'}, 0), 250);
		assert.equal(retryAfterMs({'retry-after': 'whenever'}, 0), undefined);
		assert.equal(retryAfterMs({}, 0), undefined);
	});

	test('delays double to the cap and a longer Retry-After wins', () => {
		const policy = {baseMs: 1000, capMs: 10_000};
		assert.deepEqual(
			[1, 2, 3, 4, 5, 9].map(failures =>
				backoffDelay(failures, policy, () => 1),
			),
			[1000, 2000, 4000, 8000, 10_000, 10_000],
		);
		assert.equal(
			backoffDelay(1, policy, () => 0),
			500,
		);
		assert.equal(
			backoffDelay(1, policy, () => 1, 45_000),
			45_000,
		);
	});
});

test('formatJavaDate writes what the Java date parser reads back', () => {
	const at = Date.parse('2020-07-27T17:24:03+08:00');
	assert.equal(formatJavaDate(at), 'Mon Jul 27 17:24:03 CST 2020');
	assert.equal(parseLooseTime(formatJavaDate(at)), at);
	assert.equal(formatJavaDate(at, 'GMT'), 'Mon Jul 27 09:24:03 GMT 2020');
	assert.equal(parseLooseTime(formatJavaDate(at, 'PDT')), at);
});
