import {useEffect, useMemo} from 'react';
import type {Statement} from '../../model/types.js';
import type {ResourceSnapshot} from '../../store/resource-snapshot.js';
import {plain} from '../render/line.js';
import {statementTasks} from '../../model/job-groups.js';
import {progressResource} from '../../store/resources.js';
import {
	statementLines,
	statementsClockStepMs,
} from '../render/statement-lines.js';
import {useClock} from '../use-clock.js';
import {useTheme} from '../theme.js';
import {useRunResource} from '../use-run-resource.js';
import {useScrollOffset} from '../use-scroll-offset.js';
import {frameInnerHeight, PaneFrame} from '../widgets/pane-frame.js';
import {VisibleLines} from '../widgets/line-view.js';
import type {RunPaneProps} from './pane-props.js';
import {
	placeholderLines,
	snapshotBadges,
	staleLine,
} from './snapshot-badges.js';

export type StatementsOfRun = {
	/** Newest first. */
	readonly statements: readonly Statement[];
	readonly snapshot: ResourceSnapshot<Statement[]>;
	/** The run's provider lists statements for it at all. */
	readonly available: boolean;
	/** The provider cannot list statements; `:statement ID` adds them (EMR Serverless SQL). */
	readonly watches: boolean;
};

export function StatementsPane({
	run,
	focused,
	width,
	height,
	onExtent,
	selectedId,
	of,
}: RunPaneProps & {
	readonly selectedId?: string;
	readonly of: StatementsOfRun;
}) {
	const {statements, snapshot, available, watches} = of;
	const now = useClock(time => ({
		everyMs: statementsClockStepMs(statements, time),
	}));
	const {bar: glyphs} = useTheme();
	// The selected statement's own Spark jobs, live, by their job group.
	const progress = useRunResource(
		run,
		progressResource,
		available && selectedId !== undefined,
	).snapshot.data;
	// Summed once per answer, not per frame: the lines below are memoised on it.
	const jobTasks = useMemo(
		() =>
			selectedId === undefined
				? undefined
				: statementTasks(progress, selectedId),
		[progress, selectedId],
	);
	useEffect(() => {
		onExtent(Math.max(1, statements.length));
	}, [statements.length, onExtent]);
	const index = statements.findIndex(statement => statement.id === selectedId);
	const view = useMemo(() => {
		if (!run || !available) {
			return {
				lines: [
					plain(
						run
							? run.kind === 'session'
								? `${run.provider} lists no statements of its sessions`
								: `${/^[aeiou]/v.test(run.kind) ? 'an' : 'a'} ${run.kind} has no statements: only sessions do`
							: 'select a session',
						'muted',
					),
				],
				selectedLine: 0,
			};
		}

		if (!snapshot.data) {
			return {
				lines: placeholderLines(snapshot, 'no statements'),
				selectedLine: 0,
			};
		}

		if (statements.length === 0) {
			return {
				lines: [
					...staleLine(snapshot),
					plain(
						watches
							? 'no statement list here: :statement ID watches one'
							: 'no statements yet',
						'muted',
					),
				],
				selectedLine: 0,
			};
		}

		const stale = staleLine(snapshot);
		const body = statementLines(statements, index, {
			width: width - 2,
			now,
			jobs: {tasks: jobTasks, glyphs},
		});
		return {
			lines: [...stale, ...body.lines],
			selectedLine: body.selectedLine + stale.length,
		};
	}, [
		run,
		available,
		snapshot,
		statements,
		index,
		width,
		now,
		watches,
		jobTasks,
		glyphs,
	]);
	const inner = frameInnerHeight(height);
	// Keep the selected statement's header and as much of its body as fits in view.
	const target = Math.min(view.lines.length - 1, view.selectedLine + inner - 1);
	const offset = Math.min(
		useScrollOffset(target, inner, view.lines.length),
		view.selectedLine,
	);
	return (
		<PaneFrame
			number={3}
			title="Statements"
			badges={[
				...(statements.length > 0
					? [`${index === -1 ? '–' : index + 1}/${statements.length}`]
					: []),
				...snapshotBadges(snapshot),
			]}
			focused={focused}
			width={width}
			height={height}
		>
			<VisibleLines lines={view.lines} offset={offset} height={inner} />
		</PaneFrame>
	);
}
