import {
	type AnsiCode,
	ansiCodesToString,
	diffAnsiCodes,
	type StyledChar,
	reduceAnsiCodesIncremental,
	tokenize,
} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';

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

/** The cell an empty frame is filled with, shared by every row. */
export const blankCell: StyledChar = Object.freeze({
	type: 'char',
	value: ' ',
	fullWidth: false,
	styles: [],
});

const widths = new Map<string, number>();

/** Printed width as string-width measures it (0 for a mark of no width); a screen uses few distinct characters. */
export function printedWidth(value: string): number {
	const code = value.codePointAt(0) ?? 0;
	if (value.length === 1 && code >= 0x20 && code < 0x7f) {
		return 1;
	}

	let width = widths.get(value);
	if (width === undefined) {
		width = stringWidth(value);
		if (widths.size < 10_000) {
			widths.set(value, width);
		}
	}

	return width;
}

/**
 * A line's characters as the cells of a row: a wide character is followed by empty cells of its
 * style for the columns it covers, as Ink's Output lays them out. The cells between two escape
 * codes share one style list (ansi-tokenize's styledCharsFromTokens copies it for every
 * character); nothing changes a cell's styles once made.
 */
export function lineCells(line: string): StyledChar[] {
	const cells: StyledChar[] = [];
	let styles: AnsiCode[] = [];
	for (const token of tokenize(line)) {
		if (token.type === 'ansi') {
			styles = reduceAnsiCodesIncremental(styles, [token]);
			continue;
		}

		const {value, fullWidth} = token;
		cells.push({type: 'char', value, fullWidth, styles});
		const width = printedWidth(value);
		for (let column = 1; column < width; column++) {
			cells.push({type: 'char', value: '', fullWidth: false, styles});
		}
	}

	return cells;
}

/** Colour and weight codes, the only escapes Ink writes into a text. */
// eslint-disable-next-line no-control-regex -- escape codes are what it finds
const sgrCodes = /\u001B\[[\d;]*m/gv;

/**
 * Printable ASCII and the symbols a monitor draws with (Latin letters, punctuation, arrows, box
 * drawing, geometric shapes, dingbats, braille): each such code point is a grapheme of its own
 * next to any other of them, so a text of them is as wide as its characters added up.
 */
const ownGraphemes =
	/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u23FF\u2500-\u27BF\u2800-\u28FF]*$/v;

/**
 * What string-width says of a text, without segmenting it into graphemes when every character is
 * one of its own: a status line with a `●` or a `│` is measured from a per-character cache.
 */
export function textWidth(text: string): number {
	const plain = text.includes('\u001B') ? text.replaceAll(sgrCodes, '') : text;
	if (plain.includes('\u001B') || !ownGraphemes.test(plain)) {
		return stringWidth(text);
	}

	let width = 0;
	for (const character of plain) {
		width += printedWidth(character);
	}

	return width;
}
