import {useMemo} from 'react';
import {progressResource} from '../../store/resources.js';
import {plain} from '../render/line.js';
import {
	type JobScope,
	progressClockStepMs,
	progressLines,
} from '../render/progress-lines.js';
import {useClock} from '../use-clock.js';
import {useRunResource} from '../use-run-resource.js';
import {useTheme} from '../theme.js';
import type {RunPaneProps} from './pane-props.js';
import {ScrollingPane} from './scrolling-pane.js';
import {
	placeholderLines,
	snapshotBadges,
	staleLine,
} from './snapshot-badges.js';

export function ProgressPane({
	run,
	focused,
	width,
	height,
	onExtent,
	scroll,
	scope,
}: RunPaneProps & {readonly scroll: number; readonly scope: JobScope}) {
	const theme = useTheme();
	const {snapshot: progress, available} = useRunResource(run, progressResource);
	const now = useClock(time => ({
		everyMs: progressClockStepMs(progress.data, time),
	}));
	const lines = useMemo(() => {
		if (!run || !available) {
			return [
				plain(
					run ? 'this provider reports no Spark jobs' : 'select a run',
					'muted',
				),
			];
		}

		if (!progress.data) {
			return placeholderLines(progress, 'no progress');
		}

		return [
			...staleLine(progress),
			...progressLines(progress.data, {
				width: width - 2,
				glyphs: theme.bar,
				now,
				scope,
			}),
		];
	}, [run, available, progress, width, theme, now, scope]);
	const running =
		progress.data?.jobs.filter(job => job.status === 'running').length ?? 0;
	return (
		<ScrollingPane
			number={4}
			title="Progress"
			badges={[
				...(running > 0 ? [`${running} running`] : []),
				...snapshotBadges(progress),
			]}
			focused={focused}
			width={width}
			height={height}
			lines={lines}
			scroll={scroll}
			onExtent={onExtent}
		/>
	);
}
