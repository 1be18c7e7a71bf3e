import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {columnsOf} from '../source/terminal/frame-diff.js';
import FrameOutput, {
	columnsOfRow,
	type Operation,
} from '../source/terminal/frame-output.js';
import {textWidth} from '../source/terminal/styled-row.js';

type InkOutputLike = {
	write(
		x: number,
		y: number,
		text: string,
		options: {transformers: Array<(line: string, index: number) => string>},
	): void;
	clip(clip: Record<string, number>): void;
	unclip(): void;
	get(): {output: string; height: number};
};

// Ink's own Output, which FrameOutput replaces in the bundle: the two must print the same frames.
const {default: InkOutput} = (await import(
	new URL('output.js', import.meta.resolve('ink')).href
)) as {
	default: new (size: {width: number; height: number}) => InkOutputLike;
};

const width = 30;
const height = 10;

function randomFrom(seed: number) {
	let state = seed;
	return (below: number) => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		// The high bits: the low bits of this generator repeat within a few steps.
		return Math.floor((state / 2_147_483_648) * below);
	};
}

const pieces = [
	'run',
	'漢字',
	'\u001B[31mfailed\u001B[39m',
	'\u001B[1m▸ \u001B[22m',
	'█░░',
	' ',
	'…',
	'\u001B[7mselected row\u001B[27m',
];
const bold = (line: string) => `\u001B[1m${line}\u001B[22m`;
const numbered = (line: string, index: number) => `${index}${line}`;

function randomOperation(random: (below: number) => number): Operation {
	switch (random(6)) {
		case 0: {
			return {
				type: 'clip',
				clip:
					random(2) === 0
						? {
								x1: random(8),
								x2: 10 + random(25),
								y1: random(4),
								y2: 4 + random(8),
							}
						: {x1: random(8), x2: 10 + random(25)},
			};
		}

		case 1: {
			return {type: 'unclip'};
		}

		default: {
			const lines = Array.from({length: 1 + random(3)}, () =>
				Array.from(
					{length: 1 + random(4)},
					() => pieces[random(pieces.length)]!,
				).join(''),
			);
			const transformers = [[], [bold], [numbered, bold]][random(3)]!;
			return {
				type: 'write',
				x: random(width + 4) - 2,
				y: random(height + 2) - 1,
				text: lines.join('\n'),
				transformers,
			};
		}
	}
}

/** Clips and unclips balanced, as Ink's renderer leaves them. */
function balanced(operations: Operation[]): Operation[] {
	let open = 0;
	const kept = operations.filter(operation => {
		if (operation.type === 'clip') {
			open++;
		} else if (operation.type === 'unclip') {
			if (open === 0) {
				return false;
			}

			open--;
		}

		return true;
	});
	return [
		...kept,
		...Array.from({length: open}, () => ({type: 'unclip'}) as const),
	];
}

function drawn(
	output: InkOutputLike | FrameOutput,
	operations: Operation[],
): string {
	for (const operation of operations) {
		if (operation.type === 'clip') {
			output.clip(operation.clip);
		} else if (operation.type === 'unclip') {
			output.unclip();
		} else {
			output.write(operation.x, operation.y, operation.text, {
				transformers: [...operation.transformers],
			});
		}
	}

	return output.get().output;
}

/** FrameOutput fed the very operation objects, as a subtree Ink did not walk again hands them in. */
function drawnAgain(operations: Operation[]): string {
	const output = new FrameOutput({width, height});
	output.operations.push(...operations);
	return output.get().output;
}

test("frames print exactly as Ink's Output prints them, frame after frame, with writes kept or changed", () => {
	for (let seed = 1; seed <= 150; seed++) {
		const random = randomFrom(seed);
		let operations = balanced(
			Array.from({length: 3 + random(20)}, () => randomOperation(random)),
		);
		for (let frame = 0; frame < 6; frame++) {
			const expected = drawn(new InkOutput({width, height}), operations);
			const label = `seed ${seed}, frame ${frame}`;
			assert.equal(drawnAgain(operations), expected, label);
			assert.equal(
				drawn(new FrameOutput({width, height}), operations),
				expected,
				label,
			);
			operations = balanced(
				operations.map(operation =>
					random(4) === 0 ? randomOperation(random) : operation,
				),
			);
		}
	}
});

test('a write handed in again is not laid out again; only the changed write is', () => {
	let transformed = 0;
	const counted = (line: string) => {
		transformed++;
		return bold(line);
	};

	const status = (time: string): Operation => ({
		type: 'write',
		x: 0,
		y: 0,
		text: `updated ${time}`,
		transformers: [counted],
	});
	const rows: Operation[] = Array.from({length: height - 1}, (_, index) => ({
		type: 'write',
		x: 2,
		y: index + 1,
		text: `nightly-etl-${index}`,
		transformers: [counted],
	}));
	const first = new FrameOutput({width, height});
	first.operations.push(status('10:00:00'), ...rows);
	const before = first.get().output.split('\n');
	assert.equal(transformed, height);
	const second = new FrameOutput({width, height});
	second.operations.push(status('10:00:01'), ...rows);
	const after = second.get().output.split('\n');
	assert.equal(transformed, height + 1, 'the status line alone');
	assert.equal(after[0], '\u001B[1mupdated 10:00:01\u001B[22m');
	assert.deepEqual(after.slice(1), before.slice(1));
});

test('the columns handed to the screen writer are those it would get by tokenizing the row again, styles in any order', () => {
	let handed = 0;
	for (let seed = 1; seed <= 150; seed++) {
		const random = randomFrom(seed);
		const operations = balanced(
			Array.from({length: 3 + random(20)}, () => randomOperation(random)),
		);
		for (const text of drawnAgain(operations).split('\n')) {
			const columns = columnsOfRow(text);
			if (columns === undefined) {
				assert.ok(
					columnsOf(text).some(
						(column, index, all) =>
							column === undefined || all[index + 1] === undefined,
					) || /[^\p{ASCII}]/v.test(text),
					'only rows with wide characters are left to tokenizing',
				);
				continue;
			}

			handed++;
			const printed = (row: ReturnType<typeof columnsOf>) =>
				row.map(column =>
					column === undefined
						? '(wide)'
						: `${column.value} ${column.styles
								.map(style => style.code)
								.toSorted()
								.join('')}`,
				);
			assert.deepEqual(printed(columns), printed(columnsOf(text)), text);
		}
	}

	assert.ok(handed > 500, `${handed} rows handed over`);
});

test('a text of characters that are graphemes of their own is measured as string-width measures it', () => {
	const ranges = [
		[0x20, 0x7e],
		[0xa0, 0x2_ff],
		[0x20_10, 0x20_5e],
		[0x21_90, 0x23_ff],
		[0x25_00, 0x27_bf],
		[0x28_00, 0x28_ff],
	] as const;
	const characters = ranges.flatMap(([from, to]) =>
		Array.from({length: to - from + 1}, (_, index) =>
			String.fromCodePoint(from + index),
		),
	);
	for (const character of characters) {
		assert.equal(textWidth(character), stringWidth(character), character);
	}

	let state = 11;
	const below = (count: number) => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return Math.floor((state / 2 ** 31) * count);
	};

	const styles = ['\u001B[1m', '\u001B[36m', '\u001B[39m', '\u001B[22m', ''];
	const others = ['e\u0301', '👍🏽', '日本', '\u200D', '\u001B]8;;x\u0007', '\t'];
	for (let round = 0; round < 500; round++) {
		let text = '';
		for (let index = below(30); index > 0; index--) {
			text +=
				styles[below(styles.length)]! + characters[below(characters.length)]!;
			if (below(40) === 0) {
				text += others[below(others.length)]!;
			}
		}

		assert.equal(textWidth(text), stringWidth(text), JSON.stringify(text));
	}
});
