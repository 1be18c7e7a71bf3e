/**
 * Server text must never drive the terminal. Escape sequences, control characters
 * and bidirectional overrides are made visible in caret or `<U+....>` form instead of
 * being passed through, so `ESC]52;...BEL` shows as `^[]52;...^G`.
 */

// Control characters (C0, DEL, C1) but newline, and bidi and invisible formatting characters.
// Tabs are expanded before this applies.
const unsafe =
	/[[\p{Cc}\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]--[\n]]/gv;

function visible(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	if (code < 0x20) {
		return `^${String.fromCodePoint(code + 0x40)}`;
	}

	if (code === 0x7f) {
		return '^?';
	}

	return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Sanitises text that may span lines: keeps newlines, expands tabs, neutralises everything else. */
export function sanitizeText(text: string): string {
	return text
		.replaceAll('\r\n', '\n')
		.replaceAll('\t', '    ')
		.replaceAll(unsafe, visible);
}

/** Sanitises text for one screen line: newlines become a visible `↵` as well. */
export function sanitizeLine(text: string): string {
	return sanitizeText(text).replaceAll('\n', '↵');
}

export type ClippedLines = {
	readonly lines: string[];
	/** Lines left out because the text was longer than the limit. */
	readonly omittedLines: number;
	readonly truncated: boolean;
};

/**
 * Splits server text into sanitised lines, looking at no more than `maxChars` characters,
 * so a 10 MB output costs no more than a screenful.
 */
export function clipLines(
	text: string,
	maxLines: number,
	maxChars = maxLines * 400,
): ClippedLines {
	const head = text.length > maxChars ? text.slice(0, maxChars) : text;
	const all = sanitizeText(head).split('\n');
	const lines = all.slice(0, maxLines);
	const truncated = text.length > maxChars || all.length > maxLines;
	const omittedLines = truncated ? countLines(text) - lines.length : 0;
	return {lines, omittedLines: Math.max(0, omittedLines), truncated};
}

function countLines(text: string): number {
	let count = 1;
	let index = text.indexOf('\n');
	while (index !== -1) {
		count++;
		index = text.indexOf('\n', index + 1);
	}

	return count;
}
