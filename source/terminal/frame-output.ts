import type {StyledChar} from '@alcalzone/ansi-tokenize';
import {
	frameCache,
	nextFrame,
	sliceAcrossFrames,
	widestLineAcrossFrames,
} from './output-caches.js';
import {blankCell, lineCells, printedWidth, rowString} from './styled-row.js';

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

/** Each line's cells (styled-row.ts `lineCells`), kept while the last two frames used them. */
const rowCells = frameCache<StyledChar[]>();

/** Lines whose every character fills exactly one column: a row of them prints a column per cell. */
const narrowLines = new WeakSet<readonly StyledChar[]>();

function cellsOf(line: string): StyledChar[] {
	let cells = rowCells.get(line);
	if (cells === undefined) {
		cells = lineCells(line);
		rowCells.set(line, cells);
		// A wide character's empty cells, and marks of no width, measure other than 1.
		if (cells.every(cell => printedWidth(cell.value) === 1)) {
			narrowLines.add(cells);
		}
	}

	return cells;
}

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

type Placed = {readonly clip: Clip | undefined; readonly segments: Segment[]};

const sameClip = (a: Clip | undefined, b: Clip | undefined) =>
	a === b ||
	(a !== undefined &&
		b !== undefined &&
		a.x1 === b.x1 &&
		a.x2 === b.x2 &&
		a.y1 === b.y1 &&
		a.y2 === b.y2);

/** What each write of the last frames became: a subtree Ink did not walk again hands in the same writes. */
const placedWrites = new WeakMap<Operation, Placed>();

type Row = {
	readonly width: number;
	readonly segments: readonly Segment[];
	readonly text: string;
	/** The row's cells, where each prints one column (none wide or of no width). */
	readonly narrowCells?: StyledChar[];
	columns?: StyledChar[];
};

/** The rows of the last frame, by index: a row of the same cells at the same columns keeps its text. */
let rowsDrawn: Row[] = [];

/** Rows of the same cells at the same columns print the same, whichever writes put them there. */
const sameSegments = (a: readonly Segment[], b: readonly Segment[]) =>
	a.length === b.length &&
	a.every(
		(segment, index) =>
			segment.x === b[index]!.x && segment.cells === b[index]!.cells,
	);

function rowOf(width: number, segments: readonly Segment[]): Row {
	const cells = Array.from<StyledChar | undefined>({length: width}).fill(
		blankCell,
	);
	for (const {x, cells: placed} of segments) {
		let column = x;
		for (const cell of placed) {
			cells[column++] = cell;
		}
	}

	const printed = cells.filter(cell => cell !== undefined);
	return {
		width,
		segments,
		text: rowString(printed).trimEnd(),
		narrowCells: segments.every(({cells}) => narrowLines.has(cells))
			? printed
			: undefined,
	};
}

/** The rows of the frame last printed, by their text. */
let rowsByText = new Map<string, Row>();

/**
 * The columns of a row of the frame last printed, as the screen writer would get them by
 * tokenizing its text again (frame-diff.ts `columnsOf`): its cells, without the unstyled blanks the
 * text's end was trimmed of. Undefined for a row with a wide character (or none of that frame).
 */
export function columnsOfRow(text: string): StyledChar[] | undefined {
	const row = rowsByText.get(text);
	if (row?.narrowCells === undefined) {
		return undefined;
	}

	if (row.columns === undefined) {
		let end = row.narrowCells.length;
		while (
			end > 0 &&
			row.narrowCells[end - 1]!.styles.length === 0 &&
			row.narrowCells[end - 1]!.value.trim() === ''
		) {
			end--;
		}

		row.columns = row.narrowCells.slice(0, end);
	}

	return row.columns;
}

/**
 * Ink's Output (ink/build/output.js), which this replaces in the bundle: the frame's writes, clipped
 * and transformed, laid into rows of cells and printed. Ink lays every cell of every row again for
 * each frame and tokenizes every line; here a write keeps where its lines landed while the same
 * write comes again, and a row of the same cells as last frame keeps its text, so a frame
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
				let placed = placedWrites.get(operation);
				if (placed === undefined || !sameClip(placed.clip, clip)) {
					placed = {clip, segments: segmentsOf(operation, clip)};
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
				: rowOf(this.width, segments);
		});
		rowsDrawn = drawn;
		rowsByText = new Map(drawn.map(row => [row.text, row]));
		return {
			output: drawn.map(row => row.text).join('\n'),
			height: drawn.length,
		};
	}
}
