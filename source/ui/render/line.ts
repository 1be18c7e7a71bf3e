import stringWidth from 'string-width';
import {graphemes} from '../../text/graphemes.js';
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

/**
 * Pads or cuts to exactly `width` terminal cells, with `…` where it cuts. It looks at no more of
 * the text than fits, and never splits a character (an emoji with its modifiers, a CJK glyph).
 */
export function fit(
	text: string,
	width: number,
	align: 'left' | 'right' = 'left',
): string {
	if (width <= 0) {
		return '';
	}

	// No character of a terminal line is more than a few dozen code units; nothing past them can fit.
	const head = text.length > width * 32 ? text.slice(0, width * 32) : text;
	const kept: Array<{text: string; cells: number}> = [];
	let used = 0;
	let cut = head.length < text.length;
	for (const character of graphemes(head)) {
		const cells = stringWidth(character);
		if (used + cells > width) {
			cut = true;
			break;
		}

		kept.push({text: character, cells});
		used += cells;
	}

	if (!cut) {
		const body = kept.map(item => item.text).join('');
		const padding = ' '.repeat(width - used);
		return align === 'left' ? body + padding : padding + body;
	}

	while (used > width - 1) {
		used -= kept.pop()?.cells ?? used;
	}

	return `${kept.map(item => item.text).join('')}…${' '.repeat(Math.max(0, width - 1 - used))}`;
}

export function lineWidth(line: Line): number {
	return line.reduce((sum, part) => sum + stringWidth(part.text), 0);
}

export function heading(text: string): Line {
	return [{text, tone: 'title', bold: true}];
}

/** The cells `from` to `from + width` of a line, styles kept: what a sideways-scrolled pane shows. */
export function sliceLine(line: Line, from: number, width: number): Line {
	const sliced: Segment[] = [];
	let at = 0;
	for (const part of line) {
		let text = '';
		for (const character of graphemes(part.text)) {
			const cells = stringWidth(character);
			if (at >= from && at + cells <= from + width) {
				text += character;
			}

			at += cells;
		}

		if (text !== '') {
			sliced.push({...part, text});
		}

		if (at >= from + width) {
			break;
		}
	}

	return sliced;
}

/** A line broken into rows of at most `width` cells, styles kept: what a wrapping pane shows. */
export function wrapLine(line: Line, width: number): Line[] {
	const rows: Segment[][] = [[]];
	let used = 0;
	for (const part of line) {
		let text = '';
		for (const character of graphemes(part.text)) {
			const cells = stringWidth(character);
			if (used + cells > width && used > 0) {
				if (text !== '') {
					rows.at(-1)!.push({...part, text});
				}

				rows.push([]);
				text = '';
				used = 0;
			}

			text += character;
			used += cells;
		}

		if (text !== '') {
			rows.at(-1)!.push({...part, text});
		}
	}

	return rows;
}
