import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {closestWord} from '../source/text/closest.js';
import {jsonErrorPlace} from '../source/text/json-error-place.js';

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
