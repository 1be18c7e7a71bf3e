import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	type AnsiCode,
	styledCharsToString,
	type StyledChar,
} from '@alcalzone/ansi-tokenize';
import xterm from '@xterm/headless';
import sliceAnsi from 'slice-ansi';
import {frameDiff} from '../source/terminal/frame-diff.js';
import {
	frameCache,
	nextFrame,
	sliceAcrossFrames,
	widestLineAcrossFrames,
} from '../source/terminal/output-caches.js';
import {rowString} from '../source/terminal/styled-row.js';
import {createScreenWriter} from '../source/terminal/screen-writer.js';

const columns = 40;
const rows = 8;

/** A terminal emulator (xterm.js) fed the bytes, read back cell by cell: text, width and style. */
async function screenOf(...writes: string[]): Promise<string[]> {
	const terminal = new xterm.Terminal({
		cols: columns,
		rows,
		allowProposedApi: true,
	});
	for (const data of writes) {
		await new Promise<void>(resolve => {
			terminal.write(data, resolve);
		});
	}

	const buffer = terminal.buffer.active;
	const lines: string[] = [];
	for (let y = 0; y < rows; y++) {
		const line = buffer.getLine(y)!;
		let text = '';
		for (let x = 0; x < columns; x++) {
			const cell = line.getCell(x)!;
			text += `${cell.getChars() || (cell.getWidth() === 0 ? '' : '·')}${cell.getWidth()}`;
			text += `[${cell.getFgColor()},${cell.getBgColor()},${cell.isBold()},${cell.isInverse()},${cell.isDim()}]`;
		}

		lines.push(text);
	}

	terminal.dispose();
	return lines;
}

const styles: AnsiCode[][] = [
	[],
	[{type: 'ansi', code: '\u001B[31m', endCode: '\u001B[39m'}],
	[{type: 'ansi', code: '\u001B[1m', endCode: '\u001B[22m'}],
	[
		{type: 'ansi', code: '\u001B[7m', endCode: '\u001B[27m'},
		{type: 'ansi', code: '\u001B[36m', endCode: '\u001B[39m'},
	],
	[{type: 'ansi', code: '\u001B[2m', endCode: '\u001B[22m'}],
];
const glyphs = ['a', 'b', ' ', '漢', '字', '█', '░', '…', '│', 'x'];

/** A deterministic stream of numbers, so a failure can be replayed. */
function randomFrom(seed: number) {
	let state = seed;
	return (below: number) => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state % below;
	};
}

/** A line as Ink's output would be: styled characters, at most `columns` wide. */
function randomChars(random: (below: number) => number): StyledChar[] {
	const chars: StyledChar[] = [];
	let width = 0;
	const length = random(columns + 1);
	while (width < length) {
		const value = glyphs[random(glyphs.length)]!;
		const wide = value === '漢' || value === '字';
		if (width + (wide ? 2 : 1) > columns) {
			break;
		}

		chars.push({
			type: 'char',
			value,
			fullWidth: wide,
			styles: styles[random(styles.length)]!,
		});
		width += wide ? 2 : 1;
	}

	return chars;
}

/** A frame like the one before: some rows new, some with a few cells changed or cut, some the same. */
function mutate(
	frame: StyledChar[][],
	random: (below: number) => number,
): StyledChar[][] {
	return frame.map(line => {
		switch (random(4)) {
			case 0: {
				return randomChars(random);
			}

			case 1: {
				return line.map(char =>
					random(5) === 0 && !char.fullWidth
						? {...char, value: 'z', styles: styles[random(styles.length)]!}
						: char,
				);
			}

			case 2: {
				return line.slice(0, random(line.length + 1));
			}

			default: {
				return line;
			}
		}
	});
}

const printed = (frame: StyledChar[][]) =>
	frame.map(line => styledCharsToString(line).trimEnd());

test('a frame patched onto the one before looks exactly like the frame drawn from scratch', async () => {
	for (let seed = 1; seed <= 60; seed++) {
		const random = randomFrom(seed);
		const first = Array.from({length: rows}, () => randomChars(random));
		const before = printed(first);
		const after = printed(mutate(first, random));
		const fresh = await screenOf(frameDiff([], after));
		const patched = await screenOf(
			frameDiff([], before),
			frameDiff(before, after),
		);
		assert.deepEqual(patched, fresh, `seed ${seed}`);
	}
});

test('an unchanged row costs nothing and a changed cell costs itself and one cursor move', () => {
	const before = [
		'\u001B[1msparktop\u001B[22m updated 15:06:31',
		'row two',
		'row three',
	];
	const after = [
		'\u001B[1msparktop\u001B[22m updated 15:06:32',
		'row two',
		'row three',
	];
	assert.equal(frameDiff(before, before), '');
	assert.equal(frameDiff(before, after), '\u001B[1;25H2');
});

test('near changes in a row are written as one run, far ones as two', () => {
	assert.equal(frameDiff(['abcdefgh'], ['aXcdeYgh']), '\u001B[1;2HXcdeY');
	assert.equal(
		frameDiff(['a234567890123456789z'], ['b234567890123456789y']),
		'\u001B[1;1Hb\u001B[1;20Hy',
	);
});

test('a row that got shorter is erased after its last cell; styles never leak past a change', () => {
	assert.equal(frameDiff(['abcdef'], ['abc']), '\u001B[1;4H\u001B[K');
	assert.equal(
		frameDiff(['abc'], ['a\u001B[31mB\u001B[39mc']),
		'\u001B[1;2H\u001B[31mB\u001B[39m',
	);
});

test('wide characters are written whole, and the patched screen matches a fresh one', async () => {
	const before = ['a漢b'];
	const after = ['a漢c', 'x'];
	assert.equal(frameDiff(before, after), '\u001B[1;4Hc\u001B[2;1Hx');
	const wideToNarrow = frameDiff(['漢字'], ['漢xy']);
	assert.equal(wideToNarrow, '\u001B[1;3Hxy');
	assert.deepEqual(
		await screenOf(frameDiff([], ['x漢字']), frameDiff(['x漢字'], ['xy漢z'])),
		await screenOf(frameDiff([], ['xy漢z'])),
	);
});

function fakeScreen(size: {columns: number; rows: number}) {
	const writes: string[] = [];
	return {
		writes,
		stream: {
			...size,
			write(data: string) {
				writes.push(data);
				return true;
			},
		},
	};
}

test('the writer draws the first frame whole, then only what changed, and nothing for an equal frame', async () => {
	const {writes, stream} = fakeScreen({columns, rows});
	const log = createScreenWriter(stream);
	const first = 'sparktop 12:00:00\nrow\n';
	assert.equal(log(first), true);
	assert.equal(log(first), false);
	assert.equal(log('sparktop 12:00:01\nrow\n'), true);
	assert.equal(writes.length, 2);
	assert.match(writes[0]!, /^\u001B\[\?25l\u001B\[H\u001B\[2J/v);
	assert.equal(writes[1], '\u001B[1;17H1');
	assert.deepEqual(
		await screenOf(...writes),
		await screenOf(frameDiff([], ['sparktop 12:00:01', 'row'])),
	);
});

test('the writer redraws everything after a resize or a clear, and shows the cursor when done', () => {
	const size = {columns, rows};
	const {writes, stream} = fakeScreen(size);
	const log = createScreenWriter(stream);
	log('a\nb\n');
	stream.columns = 30;
	log('a\nc\n');
	assert.match(writes[1]!, /^\u001B\[H\u001B\[2J\u001B\[1;1Ha\u001B\[2;1Hc$/v);
	log.clear();
	stream.write('console output');
	log('a\nc\n');
	assert.equal(
		writes.at(-1),
		'\u001B[H\u001B[2J\u001B[1;1Ha\u001B[2;1Hc',
		'after a clear the frame is drawn whole: nothing written meanwhile stays',
	);
	log.done();
	assert.equal(writes.at(-1), '\u001B[?25h');
});

test('a frame taller than the terminal is cut to its rows, never written past the bottom', () => {
	const {writes, stream} = fakeScreen({columns, rows: 2});
	createScreenWriter(stream)('a\nb\nc\n');
	assert.doesNotMatch(writes[0]!, /\u001B\[3;/v);
});

test("rows are written exactly as ansi-tokenize's styledCharsToString writes them", () => {
	const random = randomFrom(7);
	for (let row = 0; row < 500; row++) {
		const chars = randomChars(random);
		assert.equal(rowString(chars), styledCharsToString(chars));
	}
});

test('frame caches keep what the last two frames used, and let go of the rest', () => {
	const widths = frameCache<number>();
	widths.set('drawn every frame', 1);
	widths.set('scrolled away', 2);
	nextFrame();
	assert.equal(widths.get('drawn every frame'), 1);
	nextFrame();
	assert.equal(widths.get('drawn every frame'), 1, 'used last frame: kept');
	assert.equal(
		widths.get('scrolled away'),
		undefined,
		'unused for two frames: gone',
	);
});

test('clipping and measuring kept across frames answer as slice-ansi and string-width do', () => {
	const random = randomFrom(11);
	for (let row = 0; row < 200; row++) {
		const line = styledCharsToString(randomChars(random));
		const from = random(10);
		const to = from + random(30);
		assert.equal(sliceAcrossFrames(line, from, to), sliceAnsi(line, from, to));
		assert.equal(sliceAcrossFrames(line, from, to), sliceAnsi(line, from, to));
	}

	assert.equal(
		widestLineAcrossFrames('ab\n漢字漢\n\u001B[1mabcd\u001B[22m'),
		6,
	);
	assert.equal(widestLineAcrossFrames(''), 0);
});
