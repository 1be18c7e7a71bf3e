import process from 'node:process';
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	clipLines,
	sanitizeLine,
	sanitizeText,
} from '../source/text/sanitize.js';
import {osc52} from '../source/text/osc52.js';

describe('sanitising server text', () => {
	test('OSC 52 clipboard writes, screen clears and bells become visible text', () => {
		const hostile =
			'before\u001B]52;c;ZWNobyBwd25lZA==\u0007\u001B[2J\u0007after';
		const clean = sanitizeLine(hostile);
		assert.equal(clean, 'before^[]52;c;ZWNobyBwd25lZA==^G^[[2J^Gafter');
		assert.doesNotMatch(clean, /[\u0000-\u001F\u007F-\u009F]/v);
	});

	test('C1 controls, DEL and bidi overrides are shown, not obeyed', () => {
		assert.equal(sanitizeLine('a\u009B31mb'), 'a<U+009B>31mb');
		assert.equal(sanitizeLine('x\u007Fy'), 'x^?y');
		assert.equal(sanitizeLine('admin\u202Etxt.exe'), 'admin<U+202E>txt.exe');
	});

	test('multi-line text keeps newlines, expands tabs and drops carriage returns before newlines', () => {
		assert.equal(sanitizeText('a\tb\r\nc\rd'), 'a    b\nc^Md');
		assert.equal(sanitizeLine('one\ntwo'), 'one↵two');
	});

	test('ordinary and wide text passes through unchanged', () => {
		for (const text of [
			'count at <console>:17',
			'数据湖 作业',
			'naïve café ✓',
		]) {
			assert.equal(sanitizeLine(text), text);
		}
	});

	test('a 10 MB output costs only the lines that are kept', () => {
		const huge = 'x'.repeat(99) + '\n';
		const text = huge.repeat(100_000) + '\u001B[2J';
		const started = process.hrtime.bigint();
		const clipped = clipLines(text, 50);
		const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
		assert.equal(clipped.lines.length, 50);
		assert.equal(clipped.truncated, true);
		assert.equal(clipped.omittedLines, 100_001 - 50);
		// Not a benchmark: a guard against sanitising all 10 MB (which takes far longer than this).
		assert.ok(elapsedMs < 2000, `took ${elapsedMs} ms`);
	});
});

test('OSC 52 puts base64 text on the clipboard, wrapped for tmux passthrough too', () => {
	assert.equal(osc52('jr-42', false), '\u001B]52;c;anItNDI=\u0007');
	assert.equal(
		osc52('jr-42', true),
		'\u001B]52;c;anItNDI=\u0007\u001BPtmux;\u001B\u001B]52;c;anItNDI=\u0007\u001B\\',
	);
	assert.equal(
		osc52('x'.repeat(200_000), false).length,
		5 + 4 * Math.ceil(74_000 / 3) + 1 + 2,
	);
});
