import {useMemo} from 'react';
import {ScrollingPane} from '../panes/scrolling-pane.js';
import {helpLines} from '../render/key-help.js';

/** Every key, from the key table, in a pane that scrolls when the terminal is short. */
export function HelpOverlay({
	width,
	height,
	scroll,
	write,
	onExtent,
}: {
	readonly width: number;
	readonly height: number;
	readonly scroll: number;
	readonly write: boolean;
	readonly onExtent: (extent: number) => void;
}) {
	const lines = useMemo(() => helpLines(write), [write]);
	return (
		<ScrollingPane
			focused
			title="Keys"
			badges={['Esc closes']}
			width={width}
			height={height}
			lines={lines}
			scroll={scroll}
			onExtent={onExtent}
		/>
	);
}
