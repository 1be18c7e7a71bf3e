import {Box, Text} from 'ink';
import type {ReactElement} from 'react';
import type {Run, Session} from '../model/types.js';
import type {ResourceSnapshot} from '../store/resource-snapshot.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {BottomLine} from './bottom-line.js';
import type {Layout} from './layout.js';
import type {Navigation, PaneId} from './navigation.js';
import {DetailPane} from './panes/detail-pane.js';
import {ProgressPane} from './panes/progress-pane.js';
import {RunsPane} from './panes/runs-pane.js';
import {type StatementsOfRun, StatementsPane} from './panes/statements-pane.js';
import type {JobScope} from './render/progress-lines.js';
import type {RunTable} from './render/run-columns.js';
import type {SelectedRun} from './selection.js';
import {toneColor, useTheme} from './theme.js';
import {HelpOverlay} from './widgets/help-overlay.js';
import {LogOverlay, type LogOverlayProps} from './widgets/log-overlay.js';
import {StoreStatusBar} from './widgets/status-bar.js';
import {TabStrip} from './widgets/tab-strip.js';

export type ScreenProps = {
	readonly columns: number;
	readonly rows: number;
	readonly layout: Layout;
	readonly nav: Navigation;
	readonly write: boolean;
	readonly targets: readonly string[];
	readonly intervalMs: number;
	/** The rows of the Runs pane: filtered and sorted. */
	readonly runs: readonly Run[];
	/** Runs before the filter. */
	readonly total: number;
	/** Runs the services have; more than `total` when lists are windows of the newest. */
	readonly serverTotal: number;
	/** A service had more than its window, and did not say how many. */
	readonly serverMore: boolean;
	readonly table: RunTable;
	readonly newlyFailed: ReadonlySet<string>;
	readonly filterError?: string;
	readonly sources: ReadonlyArray<{
		readonly target: string;
		readonly snapshot: ResourceSnapshot<Run[]>;
	}>;
	readonly selection: SelectedRun;
	readonly statements: StatementsOfRun;
	readonly bottom: BottomLine;
	/** Which jobs Progress shows. */
	readonly jobScope: JobScope;
	/** The selected run's detail. */
	readonly detail: ResourceSnapshot<Session>;
	/** The selected run's log streams, for the log view. */
	readonly log: Pick<LogOverlayProps, 'streams' | 'snapshot' | 'available'>;
	readonly onExtent: Readonly<
		Record<
			'detail' | 'statements' | 'progress' | 'help',
			(extent: number) => void
		>
	>;
};

/** Lays the screen out from what the App hands it; it owns no state and performs no I/O. */
export function Screen(props: ScreenProps) {
	const theme = useTheme();
	const {columns, rows, layout, nav, selection, bottom, onExtent} = props;
	const {run} = selection;
	const renderPane = (
		pane: PaneId,
		width: number,
		height: number,
	): ReactElement => {
		const common = {run, focused: nav.focus === pane, width, height};
		switch (pane) {
			case 'runs': {
				return (
					<RunsPane
						key={pane}
						runs={props.runs}
						total={props.total}
						serverTotal={props.serverTotal}
						serverMore={props.serverMore}
						table={props.table}
						selectedKey={nav.runKey}
						newlyFailed={props.newlyFailed}
						sources={props.sources}
						focused={common.focused}
						width={width}
						height={height}
						zone={theme.zone}
						filter={nav.filter}
						filtering={nav.filtering}
						filterError={props.filterError}
						appliedFilter={nav.appliedFilter}
						troubleOnly={nav.troubleOnly}
						sort={nav.sort}
						sideways={nav.wideOffset}
						targets={props.targets.length}
					/>
				);
			}

			case 'detail': {
				return (
					<DetailPane
						key={pane}
						{...common}
						snapshot={props.detail}
						cursor={nav.detailCursor}
						wrap={nav.detailWrap}
						sideways={nav.detailSideways}
						listed={selection.listed || run === undefined}
						onExtent={onExtent.detail}
					/>
				);
			}

			case 'statements': {
				return (
					<StatementsPane
						key={pane}
						{...common}
						selectedId={nav.statementId}
						of={props.statements}
						onExtent={onExtent.statements}
					/>
				);
			}

			case 'progress': {
				return (
					<ProgressPane
						key={pane}
						{...common}
						scroll={nav.progressScroll}
						scope={props.jobScope}
						onExtent={onExtent.progress}
					/>
				);
			}
		}
	};

	return (
		<Box flexDirection="column" width={columns} height={Math.max(4, rows - 1)}>
			<StoreStatusBar
				width={columns}
				targets={props.targets}
				intervalMs={props.intervalMs}
				write={props.write}
			/>
			{layout.tabs ? <TabStrip focus={nav.focus} /> : undefined}
			{nav.help ? (
				<HelpOverlay
					width={columns}
					height={layout.paneHeight}
					scroll={nav.helpScroll}
					write={props.write}
					onExtent={onExtent.help}
				/>
			) : nav.log ? (
				<LogOverlay
					streams={props.log.streams}
					snapshot={props.log.snapshot}
					available={props.log.available}
					run={run}
					log={nav.log}
					width={columns}
					height={layout.paneHeight}
				/>
			) : (
				layout.rows.map(row => (
					<Box key={row.map(box => box.pane).join(',')} flexDirection="row">
						{row.map(box => renderPane(box.pane, box.width, box.height))}
					</Box>
				))
			)}
			<Text
				wrap="truncate-end"
				color={toneColor(theme, bottom.tone)}
				bold={bottom.bold}
			>
				{sanitizeLine(bottom.text)}
			</Text>
		</Box>
	);
}
