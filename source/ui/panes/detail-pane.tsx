import {useEffect, useMemo} from 'react';
import type {Session} from '../../model/types.js';
import type {ResourceSnapshot} from '../../store/resource-snapshot.js';
import {
	detailClockStepMs,
	detailLines,
	type DetailRow,
} from '../render/detail-lines.js';
import {type Line, plain, sliceLine, wrapLine} from '../render/line.js';
import {useTheme} from '../theme.js';
import {useClock} from '../use-clock.js';
import {useScrollOffset} from '../use-scroll-offset.js';
import {VisibleLines} from '../widgets/line-view.js';
import {frameInnerHeight, PaneFrame} from '../widgets/pane-frame.js';
import type {RunPaneProps} from './pane-props.js';
import {snapshotBadges, staleLine} from './snapshot-badges.js';

/** The screen lines of Detail's rows, wrapped or cut sideways, with where each row starts. */
export function detailScreen(
	rows: readonly DetailRow[],
	options: {
		readonly width: number;
		readonly wrap: boolean;
		readonly sideways: number;
		/** The row under the cursor, drawn inverted, or -1. */
		readonly cursor: number;
	},
): {readonly lines: Line[]; readonly starts: number[]} {
	const lines: Line[] = [];
	const starts: number[] = [];
	for (const [index, row] of rows.entries()) {
		starts.push(lines.length);
		const marked: Line =
			index === options.cursor && row.line.length > 0
				? [{...row.line[0]!, inverse: true}, ...row.line.slice(1)]
				: row.line;
		lines.push(
			...(options.wrap
				? wrapLine(marked, options.width)
				: [sliceLine(marked, options.sideways, options.width)]),
		);
	}

	return {lines, starts};
}

export function DetailPane({
	run,
	focused,
	width,
	height,
	onExtent,
	snapshot,
	cursor,
	wrap,
	sideways,
	listed,
}: RunPaneProps & {
	readonly snapshot: ResourceSnapshot<Session>;
	readonly cursor: number;
	readonly wrap: boolean;
	readonly sideways: number;
	/** The run is still a row of the Runs list. */
	readonly listed: boolean;
}) {
	const {zone} = useTheme();
	const detail = snapshot.data;
	// The pane ticks by itself, as often as the times it shows change.
	const now = useClock(time => ({
		everyMs: run && detailClockStepMs(run, detail, time),
	}));
	const rows: readonly DetailRow[] = useMemo(
		() => (run ? detailLines(run, detail, {now, zone}) : []),
		[run, detail, now, zone],
	);
	const notes = useMemo(
		() => [
			...(run && !listed
				? [
						plain(
							'no longer in the list (filtered out, or gone from its provider); move in Runs to pick another',
							'waiting',
						),
					]
				: []),
			...staleLine(snapshot),
		],
		[run, listed, snapshot],
	);
	useEffect(() => {
		onExtent(Math.max(1, rows.length));
	}, [rows.length, onExtent]);
	const at = Math.min(cursor, rows.length - 1);
	const screen = useMemo(
		() =>
			detailScreen(rows, {
				width: width - 2,
				wrap,
				sideways,
				cursor: focused ? at : -1,
			}),
		[rows, width, wrap, sideways, focused, at],
	);
	const inner = Math.max(1, frameInnerHeight(height) - notes.length);
	const first = screen.starts[at] ?? 0;
	const last = (screen.starts[at + 1] ?? screen.lines.length) - 1;
	// The cursor's row in view, all of it where it fits.
	const offset = Math.min(
		useScrollOffset(
			Math.min(last, first + inner - 1),
			inner,
			screen.lines.length,
		),
		first,
	);
	const lines = run ? screen.lines : [plain('select a run', 'muted')];
	return (
		<PaneFrame
			number={2}
			title="Detail"
			badges={[
				...snapshotBadges(snapshot),
				...(rows.length > 0 && run ? [`${at + 1}/${rows.length}`] : []),
				...(wrap ? [] : ['cut: ← →']),
			]}
			focused={focused}
			width={width}
			height={height}
		>
			<VisibleLines lines={notes} offset={0} height={notes.length} />
			<VisibleLines lines={lines} offset={offset} height={inner} />
		</PaneFrame>
	);
}
