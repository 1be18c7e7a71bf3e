import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {asBoundedJson, capText, maxFieldChars} from '../source/model/wire.js';
import {closestWord} from '../source/text/closest.js';
import {compareText} from '../source/text/compare-text.js';
import {groupDigits} from '../source/text/group-digits.js';
import {fit} from '../source/ui/render/line.js';
import {jsonErrorPlace} from '../source/text/json-error-place.js';
import {cutText, redact} from '../source/text/redact.js';

describe('where a text stops being JSON', () => {
	test('JSON is fine wherever JSON.parse says so', () => {
		for (const text of [
			'{}',
			String.raw` [1, -2.5e3, "a\"b\u00e9", true, false, null, {"x": []}] `,
			'"just a string"',
		]) {
			assert.doesNotThrow(() => JSON.parse(text));
			assert.equal(jsonErrorPlace(text), undefined, text);
		}
	});

	test('each mistake is found at its line and column', () => {
		const cases: Array<[string, string]> = [
			['{\n  "a": 1,\n}', 'line 3, column 1'],
			['{"a": }', 'line 1, column 7'],
			['{"a" 1}', 'line 1, column 6'],
			["{'a': 1}", 'line 1, column 2'],
			['[1, 2', 'line 1, column 6'],
			['{"a": "unterminated', 'line 1, column 20'],
			['{"a": tru}', 'line 1, column 7'],
			['{"a": 1} x', 'line 1, column 10'],
			[String.raw`{"a": "\q"}`, 'line 1, column 9'],
			['{"a": 01}', 'line 1, column 8'],
		];
		for (const [text, place] of cases) {
			assert.throws(() => JSON.parse(text), SyntaxError, text);
			assert.equal(jsonErrorPlace(text), place, text);
		}
	});
});

describe('the closest known word to a typo', () => {
	test('a near miss is found; a stranger is not', () => {
		const flags = ['--interval', '--write', '--workspace', '--profile'];
		assert.equal(closestWord('--intervl', flags), '--interval');
		assert.equal(closestWord('--writ', flags), '--write');
		assert.equal(closestWord('--wrkspace', flags), '--workspace');
		assert.equal(closestWord('--colour-scheme', flags), undefined);
		assert.equal(closestWord('endpiont', ['endpoint', 'pool']), 'endpoint');
	});
});

describe('redaction', () => {
	test('known secrets, Authorization values and token fields go; prose stays', () => {
		const cases: Array<[string, string[], string]> = [
			['sent Basic dXNlcjpwYXNz here', [], 'sent Basic [redacted] here'],
			[
				'Authorization: Bearer eyJ.abc.def',
				[],
				'Authorization: Bearer [redacted]',
			],
			['{"password": "hunter2x"}', [], '{"password": "[redacted]"}'],
			['x-auth-token=MIIabcdef&x=1', [], 'x-auth-token=[redacted]&x=1'],
			['key s3cr3t-value leaked', ['s3cr3t-value'], 'key [redacted] leaked'],
			[
				'Basic authentication failed; check the secret: Specified key is wrong',
				[],
				'Basic authentication failed; check the secret: Specified key is wrong',
			],
			['a short abc stays', ['abc'], 'a short abc stays'],
		];
		for (const [text, secrets, expected] of cases) {
			assert.equal(redact(text, secrets), expected);
		}
	});

	test('a cut never splits a surrogate pair and marks itself', () => {
		assert.equal(cutText('short', 10), 'short');
		assert.equal(cutText('abcdefghij', 5), 'abcd…');
		assert.equal(cutText('😀😀😀😀', 5), '😀😀…');
		assert.equal(cutText('e\u0301e\u0301e\u0301', 4), 'e\u0301…');
	});
});

describe('fitting text to terminal cells', () => {
	test('pads, cuts with …, never splits a character, and reads no more than fits', () => {
		assert.equal(fit('abc', 5), 'abc  ');
		assert.equal(fit('abc', 5, 'right'), '  abc');
		assert.equal(fit('abcdef', 4), 'abc…');
		assert.equal(fit('日本語テキスト', 5), '日本…');
		assert.equal(fit('日本語', 6), '日本語');
		assert.equal(fit('👩‍👩‍👧 family', 4), '👩‍👩‍👧 …');
		assert.equal(fit('e\u0301te\u0301', 3), 'e\u0301te\u0301');
		assert.equal(fit('x'.repeat(10 * 1024 * 1024), 8), 'xxxxxxx…');
	});

	test('a field from the wire is capped, saying how much more there was', () => {
		const text = capText('y'.repeat(maxFieldChars + 3000));
		assert.ok(text.startsWith('y'.repeat(maxFieldChars)));
		assert.ok(text.endsWith('… 3 KB more'));
		assert.equal(capText('short'), 'short');
		const rows = asBoundedJson({
			data: Array.from({length: 20_000}, () => ['a']),
		});
		assert.equal((rows as {data: unknown[]}).data.length, 10_000);
	});
});

describe('numbers and text in the order users read them', () => {
	test('digits are grouped as en-US writes them, for any value', () => {
		let state = 7;
		const next = () => {
			state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
			return state / 2 ** 31;
		};

		const values = [0, -0, 0.4, -0.4, 999, 1000, -1234.5, 0.005, 2.675, 1e20];
		for (let index = 0; index < 2000; index++) {
			values.push((next() - 0.5) * 10 ** Math.floor(next() * 16));
		}

		for (const value of values) {
			for (const digits of [0, 1, 2]) {
				const expected = value.toLocaleString('en-US', {
					maximumFractionDigits: digits,
				});
				const got = groupDigits(value, digits);
				// The two round differently (toFixed the binary value and ICU the decimal one): the last digit may differ.
				if (got !== expected) {
					const number = (text: string) => Number(text.replaceAll(',', ''));
					assert.ok(
						Math.abs(number(got) - number(expected)) <=
							10 ** -digits + Math.abs(value) * 1e-15,
						`${value} to ${digits}: ${got} against ${expected}`,
					);
					assert.match(got, /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$/v);
				}
			}
		}

		assert.equal(groupDigits(1_234_567.891, 2), '1,234,567.89');
		assert.equal(groupDigits(-0.001), '-0');
		assert.equal(groupDigits(Number.NaN), 'NaN');
	});

	test('text sorts without regard to case and with numbers by value', () => {
		const sorted = [
			'etl-10',
			'Beta',
			'etl-2',
			'alpha',
			'etl-02',
			'ETL-2',
			'etl-',
			'zeta 7',
			'zeta 07b',
		].toSorted(compareText);
		assert.deepEqual(sorted, [
			'alpha',
			'Beta',
			'etl-',
			'ETL-2',
			'etl-02',
			'etl-2',
			'etl-10',
			'zeta 7',
			'zeta 07b',
		]);
		const words = [
			'a1',
			'A1',
			'a01',
			'b',
			'B',
			'a',
			'',
			'a10',
			'a9z',
			'9',
			'10',
		];
		for (const a of words) {
			for (const b of words) {
				assert.equal(
					Math.sign(compareText(a, b)) + Math.sign(compareText(b, a)),
					0,
				);
				assert.equal(compareText(a, b) === 0, a === b);
			}
		}
	});
});
