import {
	type AnsiCode,
	ansiCodesToString,
	diffAnsiCodes,
	type StyledChar,
} from '@alcalzone/ansi-tokenize';

const keys = new WeakMap<readonly AnsiCode[], string>();

/** A style's escape text, worked out once per style list (Ink keeps each line's styled characters across frames). */
export function styleKey(styles: AnsiCode[]): string {
	if (styles.length === 0) {
		return '';
	}

	let key = keys.get(styles);
	if (key === undefined) {
		key = ansiCodesToString(styles);
		keys.set(styles, key);
	}

	return key;
}

/**
 * The same text as ansi-tokenize's `styledCharsToString`, which Ink calls for every row of every
 * frame: it works out a style change between every two characters; this one only where the
 * style really changes, which on a terminal row is rarely.
 */
export function rowString(chars: readonly StyledChar[]): string {
	let text = '';
	let previous: StyledChar | undefined;
	let previousKey = '';
	for (const char of chars) {
		const key = styleKey(char.styles);
		if (previous === undefined) {
			text += key;
		} else if (key !== previousKey) {
			text += ansiCodesToString(diffAnsiCodes(previous.styles, char.styles));
		}

		text += char.value;
		previous = char;
		previousKey = key;
	}

	return previous === undefined
		? text
		: text + ansiCodesToString(diffAnsiCodes(previous.styles, []));
}

/** The cell Ink fills an empty frame with, shared: rows of the same cells can be told apart by identity. */
export const blankCell: StyledChar = Object.freeze({
	type: 'char',
	value: ' ',
	fullWidth: false,
	styles: [],
});

const rowsDrawn: Array<{cells: Array<StyledChar | undefined>; text: string}> =
	[];

/**
 * Row `index` of Ink's frame as text. Ink builds every frame's grid anew, but from characters it
 * keeps (its caches) and the shared blank cell, so a row whose cells are the very same objects as
 * last frame's has the same text, and is not written out again.
 */
export function rowText(
	index: number,
	cells: Array<StyledChar | undefined>,
): string {
	const drawn = rowsDrawn[index];
	if (
		drawn?.cells.length === cells.length &&
		drawn.cells.every((cell, at) => cell === cells[at])
	) {
		return drawn.text;
	}

	const text = rowString(
		cells.filter((cell): cell is StyledChar => cell !== undefined),
	).trimEnd();
	rowsDrawn[index] = {cells, text};
	return text;
}
