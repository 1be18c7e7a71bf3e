import {useEffect} from 'react';
import type {Line} from '../render/line.js';
import {frameInnerHeight, PaneFrame} from '../widgets/pane-frame.js';
import {VisibleLines} from '../widgets/line-view.js';

type ScrollingPaneProps = {
	readonly number?: number;
	readonly title: string;
	readonly badges: readonly string[];
	readonly focused: boolean;
	readonly width: number;
	readonly height: number;
	readonly lines: readonly Line[];
	readonly scroll: number;
	readonly onExtent: (extent: number) => void;
};

/** A framed pane showing a window of lines at the scroll offset (Detail, Progress). */
export function ScrollingPane({
	number,
	title,
	badges,
	focused,
	width,
	height,
	lines,
	scroll,
	onExtent,
}: ScrollingPaneProps) {
	const inner = frameInnerHeight(height);
	const extent = Math.max(1, lines.length - inner + 1);
	useEffect(() => {
		onExtent(extent);
	}, [extent, onExtent]);
	const offset = Math.min(scroll, extent - 1);
	const more =
		lines.length > inner
			? [
					`${offset + 1}-${Math.min(lines.length, offset + inner)}/${lines.length}`,
				]
			: [];
	return (
		<PaneFrame
			number={number}
			title={title}
			badges={[...badges, ...more]}
			focused={focused}
			width={width}
			height={height}
		>
			<VisibleLines lines={lines} offset={offset} height={inner} />
		</PaneFrame>
	);
}
