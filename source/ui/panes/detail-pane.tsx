import {useMemo} from 'react';
import {detailResource, logResource} from '../../store/resources.js';
import {followTail} from '../navigation.js';
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
	log,
	listed,
}: RunPaneProps & {
	readonly scroll: number;
	readonly log: boolean;
	/** The run is still a row of the Runs list. */
	readonly listed: boolean;
}) {
	const {zone} = useTheme();
	const detail = useRunResource(run, detailResource).snapshot;
	const logTail = useRunResource(run, logResource, log).snapshot;
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
			...staleLine(logTail),
			...detailLines(run, detail.data, log ? logTail.data : undefined, {
				now,
				zone,
			}),
		];
	}, [run, detail, logTail, log, now, zone, listed]);
	return (
		<ScrollingPane
			number={2}
			title={
				log
					? scroll === followTail
						? 'Detail · log (following)'
						: 'Detail · log'
					: 'Detail'
			}
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
