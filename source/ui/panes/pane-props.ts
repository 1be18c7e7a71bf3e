import type {Run} from '../../model/types.js';

/** What App hands every pane that shows the selected run. */
export type RunPaneProps = {
	readonly run: Run | undefined;
	readonly focused: boolean;
	readonly width: number;
	readonly height: number;
	/** Reports how far the pane can scroll or how many items it has, for the keys to clamp to. */
	readonly onExtent: (extent: number) => void;
};
