import {Text} from 'ink';
import {memo} from 'react';
import {sanitizeLine} from '../../text/sanitize.js';
import type {Line} from '../render/line.js';
import {toneColor, useTheme} from '../theme.js';

/** One screen line, cut at the pane's edge. Sanitised once more here: nothing unsafe reaches Ink. */
function LineRow({line}: {readonly line: Line}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			{line.map((part, index) => (
				<Text
					// Segments never reorder within a line, so their position is their identity.
					// eslint-disable-next-line react/no-array-index-key
					key={index}
					color={toneColor(theme, part.tone)}
					bold={part.bold}
					inverse={part.inverse}
				>
					{sanitizeLine(part.text)}
				</Text>
			))}
		</Text>
	);
}

export const LineView = memo(LineRow);

/** The visible window of a longer list of lines: only these are rendered (virtualisation). */
export function VisibleLines({
	lines,
	offset,
	height,
}: {
	readonly lines: readonly Line[];
	readonly offset: number;
	readonly height: number;
}) {
	return (
		<>
			{lines.slice(offset, offset + height).map((line, index) => (
				// Keys are screen rows, so scrolling updates rows in place instead of remounting them.
				// eslint-disable-next-line react/no-array-index-key
				<LineView key={index} line={line} />
			))}
		</>
	);
}
