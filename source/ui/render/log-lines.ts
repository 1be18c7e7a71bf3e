import {looksLikeTrouble, matchRanges} from '../../model/log-search.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {followLog, type LogState} from '../log-view.js';
import {type Line, type Segment, sliceLine, wrapLine} from './line.js';

export type LogScreen = {
	/** The rows on screen. */
	readonly rows: Line[];
	/** The first and last log lines on screen (1-based), for the title. */
	readonly first: number;
	readonly last: number;
	/** Lines holding the search text. */
	readonly matches: number;
};

/** One log line styled: trouble in red, the search text inverted. Sanitised before anything else. */
function styled(raw: string, search: string): Segment[] {
	const text = sanitizeLine(raw);
	const tone = looksLikeTrouble(text) ? ('bad' as const) : undefined;
	const segments: Segment[] = [];
	let at = 0;
	for (const [start, end] of matchRanges(text, search)) {
		if (start > at) {
			segments.push({text: text.slice(at, start), tone});
		}

		segments.push({
			text: text.slice(start, end),
			tone: 'accent',
			inverse: true,
		});
		at = end;
	}

	if (at < text.length || segments.length === 0) {
		segments.push({text: text.slice(at), tone});
	}

	return segments;
}

/**
 * The rows of a log stream on a screen of `width` x `height`: from the top line, or the end when
 * following; each line wrapped or cut at the sideways offset, with a mark at the cursor line.
 */
export function logScreen(
	lines: readonly string[],
	log: LogState,
	width: number,
	height: number,
): LogScreen {
	const textWidth = Math.max(1, width - 2);
	const rowsOf = (index: number): Line[] => {
		const mark: Segment =
			index === log.cursor
				? {text: '▸ ', tone: 'accent', bold: true}
				: {text: '  '};
		const line = styled(lines[index]!, log.search);
		const parts = log.wrap
			? wrapLine(line, textWidth)
			: [sliceLine(line, log.sideways, textWidth)];
		return parts.map((part, row) => [row === 0 ? mark : {text: '  '}, ...part]);
	};

	const rows: Line[] = [];
	let first = 0;
	let last = -1;
	if (log.top === followLog) {
		for (let index = lines.length - 1; index >= 0; index--) {
			const these = rowsOf(index);
			if (rows.length + these.length > height && rows.length > 0) {
				break;
			}

			rows.unshift(...these);
			first = index;
			last = Math.max(last, index);
		}
	} else {
		first = Math.min(log.top, Math.max(0, lines.length - 1));
		for (
			let index = first;
			index < lines.length && rows.length < height;
			index++
		) {
			rows.push(...rowsOf(index));
			last = index;
		}
	}

	const needle = log.search.toLowerCase();
	return {
		rows: log.top === followLog ? rows.slice(-height) : rows.slice(0, height),
		first: lines.length === 0 ? 0 : first + 1,
		last: last + 1,
		matches:
			needle === ''
				? 0
				: lines.filter(line => line.toLowerCase().includes(needle)).length,
	};
}
