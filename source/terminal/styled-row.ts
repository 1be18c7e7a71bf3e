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

/** The cell an empty frame is filled with, shared by every row. */
export const blankCell: StyledChar = Object.freeze({
	type: 'char',
	value: ' ',
	fullWidth: false,
	styles: [],
});
