import {Text} from 'ink';
import type {LogStream, Run} from '../../model/types.js';
import type {ResourceSnapshot} from '../../store/resource-snapshot.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {followLog, type LogState} from '../log-view.js';
import {plain} from '../render/line.js';
import {logScreen} from '../render/log-lines.js';
import {placeholderLines, snapshotBadges} from '../panes/snapshot-badges.js';
import {VisibleLines} from './line-view.js';
import {frameInnerHeight, PaneFrame} from './pane-frame.js';

export type LogOverlayProps = {
	readonly run?: Run;
	readonly streams: readonly LogStream[];
	readonly log: LogState;
	readonly snapshot: ResourceSnapshot<unknown>;
	/** The run's provider serves a log at all. */
	readonly available: boolean;
	readonly width: number;
	readonly height: number;
};

/** Rows the log text gets inside the overlay: the frame's, less the search line while it is typed. */
export function logTextHeight(height: number, searching: boolean): number {
	return Math.max(1, frameInnerHeight(height) - (searching ? 1 : 0));
}

/** The selected run's log, full-screen: one stream at a time, searchable, following its tail. */
export function LogOverlay({
	run,
	streams,
	log,
	snapshot,
	available,
	width,
	height,
}: LogOverlayProps) {
	const stream = streams[Math.min(log.stream, streams.length - 1)];
	const textHeight = logTextHeight(height, log.searching);
	const screen = logScreen(stream?.lines ?? [], log, width - 2, textHeight);
	const count = stream?.lines.length ?? 0;
	const badges = [
		...(streams.length > 1
			? [
					streams
						.map((item, index) =>
							index === log.stream ? `[${item.name}]` : item.name,
						)
						.join(' '),
				]
			: stream
				? [stream.name]
				: []),
		...(count > 0
			? [
					`${screen.first}-${screen.last}/${count}${stream?.total !== undefined && stream.total > count ? ` (last of ${stream.total})` : ''}`,
				]
			: []),
		...(log.top === followLog ? ['following'] : []),
		...(log.wrap ? ['wrap'] : []),
		...(log.search === '' ? [] : [`/${log.search}: ${screen.matches} lines`]),
		...snapshotBadges(snapshot),
	];
	const rows =
		count > 0
			? screen.rows
			: !run || !available
				? [
						plain(
							run
								? `${run.provider} serves no log for a ${run.kind}: Detail shows what it has`
								: 'select a run',
							'muted',
						),
					]
				: snapshot.data === undefined
					? placeholderLines(snapshot, '')
					: [plain('the log is empty so far', 'muted')];
	return (
		<PaneFrame
			focused
			title={run ? `Log · ${run.kind} ${run.id}` : 'Log'}
			badges={badges.map(badge => sanitizeLine(badge))}
			width={width}
			height={height}
		>
			<VisibleLines lines={rows} offset={0} height={textHeight} />
			{log.searching ? (
				<Text wrap="truncate-end">{`/${sanitizeLine(log.search)}▏`}</Text>
			) : undefined}
		</PaneFrame>
	);
}
