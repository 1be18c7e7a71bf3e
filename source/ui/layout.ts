import type {PaneId} from './navigation.js';

export type PaneBox = {
	readonly pane: PaneId;
	readonly width: number;
	readonly height: number;
};

export type Layout = {
	/** Rows of panes, each a list of boxes side by side. */
	readonly rows: PaneBox[][];
	/** One pane at a time with a tab strip. */
	readonly tabs: boolean;
	/** Height available to panes. */
	readonly paneHeight: number;
};

/** Below this width panes are shown one at a time. */
export const wideColumns = 100;
/** Lines the frame spends outside panes: status line and the flash/hints line. */
const chromeRows = 2;

/**
 * Splits the terminal between panes. The frame is always one row shorter than the terminal,
 * so Ink can redraw incrementally instead of clearing the screen every frame.
 */
export function layout(
	columns: number,
	rows: number,
	focus: PaneId,
	zoom: boolean,
): Layout {
	const frameRows = Math.max(4, rows - 1);
	const wide = columns >= wideColumns && rows >= 24;
	const tabs = !wide || zoom;
	const paneHeight = Math.max(
		3,
		frameRows - chromeRows - (tabs && !zoom ? 1 : 0),
	);
	if (tabs) {
		return {
			rows: [[{pane: focus, width: columns, height: paneHeight}]],
			tabs: !zoom,
			paneHeight,
		};
	}

	const top = Math.ceil(paneHeight / 2);
	const left = Math.floor(columns * 0.55);
	return {
		rows: [
			[
				{pane: 'runs', width: left, height: top},
				{pane: 'detail', width: columns - left, height: top},
			],
			[
				{pane: 'statements', width: left, height: paneHeight - top},
				{pane: 'progress', width: columns - left, height: paneHeight - top},
			],
		],
		tabs: false,
		paneHeight,
	};
}
