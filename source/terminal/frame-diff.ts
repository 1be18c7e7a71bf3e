import type {StyledChar} from '@alcalzone/ansi-tokenize';
import {lineCells, rowString, styleKey} from './styled-row.js';

/** One terminal column: a character, or `undefined` for the second column of a wide one. */
export type Column = StyledChar | undefined;

/** A cursor move costs about this many bytes: equal cells shorter than it are rewritten instead. */
const jumpCost = 8;

const cursorTo = (row: number, column: number) =>
	`\u001B[${row + 1};${column + 1}H`;
const eraseLineEnd = '\u001B[K';

/** The columns a line of Ink's output fills, styles and all. */
export function columnsOf(line: string): Column[] {
	return lineCells(line).map(cell => (cell.value === '' ? undefined : cell));
}

function sameColumn(before: Column, after: Column): boolean {
	if (before === undefined || after === undefined) {
		return before === after;
	}

	return (
		before.value === after.value &&
		styleKey(before.styles) === styleKey(after.styles)
	);
}

/** Column ranges [start, end) of `after` that differ from `before`, near ones merged. */
function changedSpans(
	before: readonly Column[],
	after: readonly Column[],
): Array<[number, number]> {
	const spans: Array<[number, number]> = [];
	let column = 0;
	while (column < after.length) {
		if (sameColumn(before[column], after[column])) {
			column++;
			continue;
		}

		// A wide character fills its column and a blank one after it. The equal columns around a
		// changed span hold the same characters in both frames, so no span cuts a wide one in half.
		const start = column;
		let end = column + 1;
		while (end < after.length && !sameColumn(before[end], after[end])) {
			end++;
		}

		const last = spans.at(-1);
		if (last && start - last[1] < jumpCost) {
			last[1] = end;
		} else {
			spans.push([start, end]);
		}

		column = end;
	}

	return spans;
}

/** How a line becomes columns: `columnsOf`, or a cache of it. */
export type LineColumns = (line: string) => Column[];

function rowPatch(
	row: number,
	before: string,
	after: string,
	parse: LineColumns,
): string {
	const old = parse(before);
	const next = parse(after);
	let patch = '';
	let cursor = -1;
	for (const [start, end] of changedSpans(old, next)) {
		const chars = next
			.slice(start, end)
			.filter((column): column is StyledChar => column !== undefined);
		patch += cursorTo(row, start) + rowString(chars);
		cursor = end;
	}

	if (old.length > next.length) {
		patch +=
			(cursor === next.length ? '' : cursorTo(row, next.length)) + eraseLineEnd;
	}

	return patch;
}

/**
 * What turns a screen showing `previous` into one showing `next`: for each row that changed,
 * a cursor move and its changed cells only (with their styles), and an erase where the row got
 * shorter. Unchanged rows cost nothing. Rows count from the top of the screen.
 */
export function frameDiff(
	previous: readonly string[],
	next: readonly string[],
	parse: LineColumns = columnsOf,
): string {
	let patch = '';
	const rows = Math.max(previous.length, next.length);
	for (let row = 0; row < rows; row++) {
		const before = previous[row] ?? '';
		const after = next[row] ?? '';
		if (before !== after) {
			patch += rowPatch(row, before, after, parse);
		}
	}

	return patch;
}
