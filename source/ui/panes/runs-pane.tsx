import {useMemo} from 'react';
import type {Run} from '../../model/types.js';
import type {ResourceSnapshot} from '../../store/resource-snapshot.js';
import {type Line, plain} from '../render/line.js';
import {runHeader, runRow, runTable} from '../render/run-rows.js';
import {useScrollOffset} from '../use-scroll-offset.js';
import {LineView, VisibleLines} from '../widgets/line-view.js';
import {frameInnerHeight, PaneFrame} from '../widgets/pane-frame.js';
import {type RunOrder, runOrderTitles} from '../render/run-order.js';
import {snapshotBadges} from './snapshot-badges.js';

export type RunsPaneProps = {
	readonly runs: readonly Run[];
	/** The selected run's key; it may not be in `runs` (filtered out, or gone). */
	readonly selectedKey?: string;
	/** One snapshot per target, for loading and error states. */
	readonly sources: ReadonlyArray<{
		readonly target: string;
		readonly snapshot: ResourceSnapshot<Run[]>;
	}>;
	readonly focused: boolean;
	readonly width: number;
	readonly height: number;
	readonly now: number;
	readonly filter: string;
	readonly filtering: boolean;
	readonly order: RunOrder;
};

/** Every run of every target, one row each; only the rows in view are rendered. */
export function RunsPane({
	runs,
	selectedKey,
	sources,
	focused,
	width,
	height,
	now,
	filter,
	filtering,
	order,
}: RunsPaneProps) {
	// Optional columns (queue, cost, release) appear when some run has them.
	const table = useMemo(() => runTable(width - 4, runs), [width, runs]);
	const notes: Line[] = sources.flatMap(({target, snapshot}) => {
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
		filtering || filter
			? [[{text: `/${filter}${filtering ? '▏' : ''}`, tone: 'accent'}]]
			: [];
	const inner = frameInnerHeight(height);
	const fixed = 1 + notes.length + filterLine.length;
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
	const rows = useMemo(
		() =>
			runs.slice(offset, offset + rowsHeight).map((run, index): Line => {
				const isSelected = index + offset === selected;
				return [
					{text: isSelected ? '▸ ' : '  ', bold: true},
					...runRow(run, table, now, isSelected && focused),
				];
			}),
		[runs, offset, rowsHeight, selected, table, now, focused],
	);
	const count =
		runs.length > rowsHeight || selected === -1
			? `${selected === -1 ? '–' : selected + 1}/${runs.length}`
			: String(runs.length);
	const stale = [
		...new Set(sources.flatMap(source => snapshotBadges(source.snapshot))),
	];
	return (
		<PaneFrame
			number={1}
			title="Runs"
			badges={[
				count,
				...(order === 'target' ? [] : [runOrderTitles[order]]),
				...stale,
			]}
			focused={focused}
			width={width}
			height={height}
		>
			{[...filterLine, ...notes].map((line, index) => (
				// Notes are a few fixed rows above the table; their row is their identity.
				// eslint-disable-next-line react/no-array-index-key
				<LineView key={index} line={line} />
			))}
			<LineView line={[{text: '  '}, ...runHeader(table)]} />
			{runs.length === 0 && notes.length === 0 ? (
				<LineView
					line={plain(filter ? `no runs match /${filter}` : 'no runs', 'muted')}
				/>
			) : (
				<VisibleLines lines={rows} offset={0} height={rowsHeight} />
			)}
		</PaneFrame>
	);
}
