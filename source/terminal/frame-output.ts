import {
	styledCharsFromTokens,
	type StyledChar,
	tokenize,
} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import {
	frameCache,
	nextFrame,
	sliceAcrossFrames,
	widestLineAcrossFrames,
} from './output-caches.js';
import {blankCell, rowString} from './styled-row.js';

type Transformer = (line: string, index: number) => string;

type Clip = {
	readonly x1?: number;
	readonly x2?: number;
	readonly y1?: number;
	readonly y2?: number;
};

export type Operation =
	| {
			readonly type: 'write';
			readonly x: number;
			readonly y: number;
			readonly text: string;
			readonly transformers: readonly Transformer[];
	  }
	| {readonly type: 'clip'; readonly clip: Clip}
	| {readonly type: 'unclip'};

/** One line of one write, as the cells it puts on its row from column `x` on. */
type Segment = {
	readonly y: number;
	readonly x: number;
	readonly cells: readonly StyledChar[];
};

/**
 * A line's cells as a row holds them: a wide character is followed by empty cells of its style for
 * the columns it covers, as Ink's Output puts them.
 */
const rowCells = frameCache<StyledChar[]>();

function cellsOf(line: string): StyledChar[] {
	let cells = rowCells.get(line);
	if (cells === undefined) {
		cells = [];
		for (const char of styledCharsFromTokens(tokenize(line))) {
			cells.push(char);
			const width = stringWidth(char.value);
			for (let column = 1; column < width; column++) {
				cells.push({
					type: 'char',
					value: '',
					fullWidth: false,
					styles: char.styles,
				});
			}
		}

		rowCells.set(line, cells);
	}

	return cells;
}

const clipKey = (clip: Clip | undefined) =>
	clip === undefined ? '' : `${clip.x1},${clip.x2},${clip.y1},${clip.y2}`;

/** Where a write's lines land once clipped and transformed, exactly as Ink's Output works it out. */
function segmentsOf(
	{x, y, text, transformers}: Operation & {type: 'write'},
	clip: Clip | undefined,
): Segment[] {
	let lines = text.split('\n');
	const {x1, x2, y1, y2} = clip ?? {};
	if (x1 !== undefined && x2 !== undefined) {
		if (x + widestLineAcrossFrames(text) < x1 || x > x2) {
			return [];
		}

		const from = Math.max(0, x1 - x);
		lines = lines.map(line => {
			const width = widestLineAcrossFrames(line);
			return sliceAcrossFrames(line, from, Math.min(width, x2 - x));
		});
		x = Math.max(x, x1);
	}

	if (y1 !== undefined && y2 !== undefined) {
		if (y + lines.length < y1 || y > y2) {
			return [];
		}

		lines = lines.slice(Math.max(0, y1 - y), Math.min(lines.length, y2 - y));
		y = Math.max(y, y1);
	}

	// Ink's Output moves down a line only once a line has landed on a row: a write that starts above
	// the frame draws nothing at all.
	if (y < 0) {
		return [];
	}

	return lines.map((line, index) => {
		for (const transformer of transformers) {
			line = transformer(line, index);
		}

		return {y: y + index, x, cells: cellsOf(line)};
	});
}

type Placed = {readonly clip: string; readonly segments: Segment[]};

/** What each write of the last frames became: a subtree Ink did not walk again hands in the same writes. */
const placedWrites = new WeakMap<Operation, Placed>();

type Row = {
	readonly width: number;
	readonly segments: readonly Segment[];
	readonly text: string;
};

/** The rows of the last frame, by index: a row made of the same segments keeps its text. */
let rowsDrawn: Row[] = [];

const sameSegments = (a: readonly Segment[], b: readonly Segment[]) =>
	a.length === b.length && a.every((segment, index) => segment === b[index]);

function rowOf(width: number, segments: readonly Segment[]): string {
	const cells: Array<StyledChar | undefined> = Array.from(
		{length: width},
		() => blankCell,
	);
	for (const {x, cells: placed} of segments) {
		for (const [offset, cell] of placed.entries()) {
			cells[x + offset] = cell;
		}
	}

	return rowString(cells.filter(cell => cell !== undefined)).trimEnd();
}

/**
 * Ink's Output (ink/build/output.js), which this replaces in the bundle: the frame's writes, clipped
 * and transformed, laid into rows of cells and printed. Ink lays every cell of every row again for
 * each frame and tokenizes every line; here a write keeps where its lines landed while the same
 * write comes again, and a row made of the same writes as last frame keeps its text, so a frame
 * that changes one line costs about that line.
 */
export default class FrameOutput {
	readonly width: number;
	readonly height: number;
	readonly operations: Operation[] = [];

	constructor({width, height}: {width: number; height: number}) {
		this.width = width;
		this.height = height;
		nextFrame();
	}

	write(
		x: number,
		y: number,
		text: string,
		{transformers}: {transformers: readonly Transformer[]},
	): void {
		if (text) {
			this.operations.push({type: 'write', x, y, text, transformers});
		}
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		const rows: Segment[][] = Array.from({length: this.height}, () => []);
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') {
				clips.push(operation.clip);
			} else if (operation.type === 'unclip') {
				clips.pop();
			} else {
				const clip = clips.at(-1);
				const key = clipKey(clip);
				let placed = placedWrites.get(operation);
				if (placed?.clip !== key) {
					placed = {clip: key, segments: segmentsOf(operation, clip)};
					placedWrites.set(operation, placed);
				}

				for (const segment of placed.segments) {
					rows[segment.y]?.push(segment);
				}
			}
		}

		const drawn = rows.map((segments, index): Row => {
			const before = rowsDrawn[index];
			return before?.width === this.width &&
				sameSegments(before.segments, segments)
				? before
				: {width: this.width, segments, text: rowOf(this.width, segments)};
		});
		rowsDrawn = drawn;
		return {
			output: drawn.map(row => row.text).join('\n'),
			height: drawn.length,
		};
	}
}
