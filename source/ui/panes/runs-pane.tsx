import {useMemo} from 'react';
import type {Zone} from '../../model/time-format.js';
import type {Run} from '../../model/types.js';
import type {ResourceSnapshot} from '../../store/resource-snapshot.js';
import {type Line, plain} from '../render/line.js';
import {
	rowsClockStepMs,
	runHeader,
	type RunTable,
} from '../render/run-columns.js';
import type {RunSort} from '../render/run-order.js';
import {summaryLine} from '../render/run-summary.js';
import {useClock} from '../use-clock.js';
import {useScrollOffset} from '../use-scroll-offset.js';
import {LineView, VisibleLines} from '../widgets/line-view.js';
import {frameInnerHeight, PaneFrame} from '../widgets/pane-frame.js';
import {RunRows, sidewaysLine} from './run-rows.js';
import {snapshotBadges} from './snapshot-badges.js';

export type RunsPaneProps = {
	/** The rows: filtered and sorted. */
	readonly runs: readonly Run[];
	/** How many runs there are before the filter. */
	readonly total: number;
	/** How many runs the services have: more than `total` when a list is a window of the newest. */
	readonly serverTotal: number;
	/** A service had more than its window, and did not say how many: the total is a floor. */
	readonly serverMore?: boolean;
	readonly table: RunTable;
	/** The selected run's key; it may not be in `runs` (filtered out, or gone). */
	readonly selectedKey?: string;
	/** Runs that turned failed since they were last selected. */
	readonly newlyFailed: ReadonlySet<string>;
	/** One snapshot per target, for loading and error states. */
	readonly sources: ReadonlyArray<{
		readonly target: string;
		readonly snapshot: ResourceSnapshot<Run[]>;
	}>;
	readonly focused: boolean;
	readonly width: number;
	readonly height: number;
	readonly zone: Zone;
	readonly filter: string;
	readonly filtering: boolean;
	/** Why the typed filter does not parse (the last good one stays in force). */
	readonly filterError?: string;
	readonly appliedFilter: string;
	readonly troubleOnly: boolean;
	readonly sort: RunSort;
	/** Cells scrolled sideways (wide mode). */
	readonly sideways: number;
	/** Targets watched: per-target counts show when there are several. */
	readonly targets: number;
};

/** Every run of every target, one row each; only the rows in view are rendered. */
export function RunsPane(props: RunsPaneProps) {
	const {runs, table, selectedKey, focused, width, height, zone} = props;
	const inner = frameInnerHeight(height);
	const notes: Line[] = props.sources.flatMap(({target, snapshot}) => {
		if (snapshot.error) {
			return [
				plain(
					`${target}: ${snapshot.data ? 'stale, ' : ''}${snapshot.error.summary()}`,
					'bad',
				),
			];
		}

		return snapshot.data ? [] : [plain(`${target}: loading…`, 'muted')];
	});
	const filterLine: Line[] =
		props.filtering || props.filter
			? [
					[
						{
							text: `/${props.filter}${props.filtering ? '▏' : ''}`,
							tone: 'accent',
						},
						...(props.filterError
							? [{text: `  ✖ ${props.filterError}`, tone: 'bad' as const}]
							: []),
					],
				]
			: [];
	const summary = useMemo(
		() => summaryLine(runs, props.targets > 1),
		[runs, props.targets],
	);
	const fixed = 2 + notes.length + filterLine.length;
	const rowsHeight = Math.max(1, inner - fixed);
	const selected = useMemo(
		() => runs.findIndex(run => run.key === selectedKey),
		[runs, selectedKey],
	);
	const offset = useScrollOffset(
		Math.max(0, selected),
		rowsHeight,
		runs.length,
	);
	const inView = useMemo(
		() => runs.slice(offset, offset + rowsHeight),
		[runs, offset, rowsHeight],
	);
	// Only the rows in view decide how often the pane ticks: a 3 h age need not move every second.
	const now = useClock(time => ({
		everyMs: rowsClockStepMs(inView, table, time),
	}));
	const sideways = (line: Line): Line =>
		sidewaysLine(line, table, props.sideways, width);
	const runRows = useMemo(() => new RunRows(), []);
	const rows = useMemo(
		() =>
			runRows.lines(
				inView,
				index => index + offset === selected,
				props.newlyFailed,
				{table, now, zone, focused, sideways: props.sideways, width},
			),
		[
			runRows,
			inView,
			offset,
			selected,
			table,
			now,
			zone,
			focused,
			props.newlyFailed,
			props.sideways,
			width,
		],
	);
	const count =
		runs.length > rowsHeight || selected === -1
			? `${selected === -1 ? '–' : selected + 1}/${runs.length}`
			: String(runs.length);
	const stale = [
		...new Set(
			props.sources.flatMap(source => snapshotBadges(source.snapshot)),
		),
	];
	// A filter or the trouble view hides runs: say of how many.
	const shownOf = runs.length === props.total ? '' : ` of ${props.total}`;
	// Never a silent cap: a list that is a window of the newest says so.
	const windowed =
		props.serverTotal > props.total || props.serverMore
			? [
					`newest ${props.total} of ${props.serverTotal}${props.serverMore ? '+' : ''}`,
				]
			: [];
	return (
		<PaneFrame
			number={1}
			title="Runs"
			badges={[
				count + shownOf,
				...windowed,
				...(props.appliedFilter ? [`/${props.appliedFilter}`] : []),
				...(props.troubleOnly ? ['trouble only'] : []),
				...(props.sort.column === 'attention' && !props.sort.descending
					? []
					: [`by ${props.sort.column}${props.sort.descending ? ' ▼' : ' ▲'}`]),
				...stale,
			]}
			focused={focused}
			width={width}
			height={height}
		>
			{[...filterLine, ...notes, summary].map((line, index) => (
				// Notes are a few fixed rows above the table; their row is their identity.
				// eslint-disable-next-line react/no-array-index-key
				<LineView key={index} line={line} />
			))}
			<LineView
				line={sideways([
					{text: '  '},
					...runHeader(
						table,
						props.sort.column === 'attention'
							? undefined
							: {column: props.sort.column, descending: props.sort.descending},
					),
				])}
			/>
			{runs.length === 0 && notes.length === 0 ? (
				<LineView
					line={plain(
						props.appliedFilter || props.troubleOnly
							? `no runs match${props.appliedFilter ? ` /${props.appliedFilter}` : ''}${props.troubleOnly ? ' in trouble' : ''}`
							: 'no runs',
						'muted',
					)}
				/>
			) : (
				<VisibleLines lines={rows} offset={0} height={rowsHeight} />
			)}
		</PaneFrame>
	);
}
