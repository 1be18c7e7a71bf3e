import stringWidth from 'string-width';
import {sanitizeLine} from '../../text/sanitize.js';

export type Tone =
	'ok' | 'active' | 'waiting' | 'bad' | 'muted' | 'accent' | 'title';

/** A run of text with one style. Text from servers is sanitised before it becomes a segment. */
export type Segment = {
	readonly text: string;
	readonly tone?: Tone;
	readonly bold?: boolean;
	readonly inverse?: boolean;
};

/** One screen line; panes are lists of these so they can be virtualised and scrolled. */
export type Line = readonly Segment[];

export function segment(text: string, tone?: Tone, bold?: boolean): Segment {
	return {text: sanitizeLine(text), tone, bold};
}

export function plain(text: string, tone?: Tone): Line {
	return [segment(text, tone)];
}

/** Pads or cuts to exactly `width` terminal cells, with `…` where it cuts. */
export function fit(
	text: string,
	width: number,
	align: 'left' | 'right' = 'left',
): string {
	if (width <= 0) {
		return '';
	}

	const cells = stringWidth(text);
	if (cells <= width) {
		const padding = ' '.repeat(width - cells);
		return align === 'left' ? text + padding : padding + text;
	}

	let result = '';
	let used = 0;
	for (const char of text) {
		const charWidth = stringWidth(char);
		if (used + charWidth > width - 1) {
			break;
		}

		result += char;
		used += charWidth;
	}

	return `${result}…${' '.repeat(Math.max(0, width - 1 - used))}`;
}

export function lineWidth(line: Line): number {
	return line.reduce((sum, part) => sum + stringWidth(part.text), 0);
}

/** `Label  value` pairs with aligned values. */
export function fieldLines(
	pairs: ReadonlyArray<readonly [string, string]>,
	labelWidth = Math.min(
		24,
		Math.max(0, ...pairs.map(([label]) => label.length)) + 2,
	),
): Line[] {
	return pairs.map(([label, value]) => [
		{text: fit(label, labelWidth), tone: 'muted'},
		segment(value),
	]);
}

export function heading(text: string): Line {
	return [{text, tone: 'title', bold: true}];
}
