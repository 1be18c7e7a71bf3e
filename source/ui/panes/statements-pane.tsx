import {useEffect, useMemo} from 'react';
import {statementsResource} from '../../store/resources.js';
import {plain} from '../render/line.js';
import {newestFirst, statementLines} from '../render/statement-lines.js';
import {useProvider} from '../providers-context.js';
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

export function StatementsPane({
	run,
	focused,
	width,
	height,
	now,
	onExtent,
	selected,
}: RunPaneProps & {readonly selected: number}) {
	const {snapshot: statements, available} = useRunResource(
		run,
		statementsResource,
	);
	const watches = useProvider(run?.target)?.watchStatement !== undefined;
	const ordered = useMemo(
		() => newestFirst(statements.data ?? []),
		[statements.data],
	);
	useEffect(() => {
		onExtent(Math.max(1, ordered.length));
	}, [ordered.length, onExtent]);
	const index = Math.min(selected, Math.max(0, ordered.length - 1));
	const view = useMemo(() => {
		if (!run || !available) {
			return {
				lines: [
					plain(
						run
							? `only sessions have statements (this is a ${run.kind})`
							: 'select a session',
						'muted',
					),
				],
				selectedLine: 0,
			};
		}

		if (!statements.data) {
			return {
				lines: placeholderLines(statements, 'no statements'),
				selectedLine: 0,
			};
		}

		if (ordered.length === 0) {
			return {
				lines: [
					...staleLine(statements),
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

		const stale = staleLine(statements);
		const body = statementLines(ordered, index, width - 2, now);
		return {
			lines: [...stale, ...body.lines],
			selectedLine: body.selectedLine + stale.length,
		};
	}, [run, available, statements, ordered, index, width, now, watches]);
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
				...(ordered.length > 0 ? [`${index + 1}/${ordered.length}`] : []),
				...snapshotBadges(statements),
			]}
			focused={focused}
			width={width}
			height={height}
		>
			<VisibleLines lines={view.lines} offset={offset} height={inner} />
		</PaneFrame>
	);
}
