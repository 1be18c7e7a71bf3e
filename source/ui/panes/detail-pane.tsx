import {useMemo} from 'react';
import {detailResource} from '../../store/resources.js';
import {plain} from '../render/line.js';
import {detailLines} from '../render/detail-lines.js';
import {useTheme} from '../theme.js';
import {useRunResource} from '../use-run-resource.js';
import type {RunPaneProps} from './pane-props.js';
import {ScrollingPane} from './scrolling-pane.js';
import {snapshotBadges, staleLine} from './snapshot-badges.js';

export function DetailPane({
	run,
	focused,
	width,
	height,
	now,
	onExtent,
	scroll,
	listed,
}: RunPaneProps & {
	readonly scroll: number;
	/** The run is still a row of the Runs list. */
	readonly listed: boolean;
}) {
	const {zone} = useTheme();
	const detail = useRunResource(run, detailResource).snapshot;
	const lines = useMemo(() => {
		if (!run) {
			return [plain('select a run', 'muted')];
		}

		return [
			...(listed
				? []
				: [
						plain(
							'no longer in the list (filtered out, or gone from its provider); move in Runs to pick another',
							'waiting',
						),
					]),
			...staleLine(detail),
			...detailLines(run, detail.data, {now, zone}),
		];
	}, [run, detail, now, zone, listed]);
	return (
		<ScrollingPane
			number={2}
			title="Detail"
			badges={snapshotBadges(detail)}
			focused={focused}
			width={width}
			height={height}
			lines={lines}
			scroll={scroll}
			onExtent={onExtent}
		/>
	);
}
