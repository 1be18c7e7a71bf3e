import {useApp, useInput} from 'ink';
import {
	useCallback,
	useContext,
	useEffect,
	useMemo,
	useRef,
	useState,
} from 'react';
import type {Run} from './model/types.js';
import {findRuns, parseRunName} from './store/find-run.js';
import {detailResource, statementsResource} from './store/resources.js';
import {bottomLine, noticeMs} from './ui/bottom-line.js';
import {commandHistory} from './ui/command-history.js';
import {completeCommand} from './ui/command-line.js';
import {flashMs, flashOf} from './ui/flash.js';
import type {Intent} from './ui/keys/intents.js';
import {keyIntents, scopesOf} from './ui/keys/handle-key.js';
import {layout} from './ui/layout.js';
import type {LogView} from './ui/log-view.js';
import {detailLines} from './ui/render/detail-lines.js';
import {useTheme} from './ui/theme.js';
import {logTextHeight} from './ui/widgets/log-overlay.js';
import {
	followLists,
	initialNavigation,
	type Navigation,
	navigate,
	type NavigationAction,
	type NavigationView,
} from './ui/navigation.js';
import {ProvidersContext} from './ui/providers-context.js';
import {hintLine} from './ui/render/key-help.js';
import {type ColumnId, sizeRunTable} from './ui/render/run-columns.js';
import {newestFirst} from './ui/render/statement-lines.js';
import {parseRunFilter} from './ui/run-filter.js';
import {
	type ListChoice,
	listsClockStepMs,
	runKeysOf,
	runListsMemo,
} from './ui/run-lists.js';
import {Screen} from './ui/screen.js';
import {selectedRun, selectedStatement} from './ui/selection.js';
import {useNewestError, useStore} from './ui/store-context.js';
import {useActionPrompt} from './ui/use-action-prompt.js';
import {useClock} from './ui/use-clock.js';
import {useNewlyFailed} from './ui/use-newly-failed.js';
import {useWarmFilter} from './ui/use-warm-filter.js';
import {useRunLog} from './ui/use-run-log.js';
import {useRunResource} from './ui/use-run-resource.js';
import {useRunSources} from './ui/use-run-sources.js';
import {useSelectionActions} from './ui/use-selection-actions.js';
import {useTerminalSize} from './ui/use-terminal-size.js';

export type AppProps = {
	readonly write?: boolean;
	/** How long a y/N question is on screen before a key may answer it. */
	readonly questionReadyMs?: number;
	/** Rings the terminal bell (`--bell`): once when a watched run turns failed. */
	readonly bell?: () => void;
};

const choiceOf = (state: Navigation): ListChoice => ({
	sort: state.sort,
	filter: state.appliedFilter,
	troubleOnly: state.troubleOnly,
});

/**
 * The container: owns what is selected and shown, subscribes to the store, turns keys into
 * intents and carries them out. The Screen lays it all out.
 */
export default function App({write = false, questionReadyMs, bell}: AppProps) {
	const {exit} = useApp();
	const store = useStore();
	const providers = useContext(ProvidersContext);
	const {columns, rows} = useTerminalSize();
	const newestError = useNewestError();
	const [nav, setNav] = useState(initialNavigation);
	// Keys can arrive faster than frames: each key must see every earlier key's effect, so the
	// state lives in a ref as well, with what is on screen for the reducer to move through.
	const current = useRef(nav);
	const runLists = useMemo(() => runListsMemo(), []);
	// What the last frame showed, for the keys typed before the next one.
	const shown = useRef({
		listed: [] as readonly Run[],
		statementIds: [] as readonly string[],
		pageSize: 1,
		columns: [] as readonly ColumnId[],
		log: undefined as LogView | undefined,
	});
	/** The lists as the reducer must see them: the rows of the filter and order the keys so far left. */
	const viewOf = useCallback(
		(state: Navigation): NavigationView => ({
			runKeys: runKeysOf(
				runLists(shown.current.listed, choiceOf(state), store.now()).shown,
			),
			statementIds: shown.current.statementIds,
			pageSize: shown.current.pageSize,
			columns: shown.current.columns,
			log: shown.current.log,
		}),
		[runLists, store],
	);
	const dispatch = useCallback(
		(action: NavigationAction) => {
			current.current = navigate(
				current.current,
				action,
				viewOf(current.current),
			);
			setNav(current.current);
		},
		[viewOf],
	);

	const prompt = useActionPrompt(store, questionReadyMs);
	// App re-renders with the clock only when the order or the trouble view moves with it, and
	// when a notice or the error flash expires; the panes tick by themselves.
	const now = useClock(time => {
		const expiries = [
			prompt.notice && prompt.notice.at + noticeMs,
			newestError && newestError.at + flashMs,
		].filter((at): at is number => at !== undefined && at > time);
		return {
			everyMs: listsClockStepMs(choiceOf(nav)),
			at: expiries.length === 0 ? undefined : Math.min(...expiries),
		};
	});
	const {sources, listed, serverTotal, serverMore} = useRunSources();
	const {all: allRuns, shown: runs} = runLists(listed, choiceOf(nav), now);

	// The selected run as last seen, for when it leaves the list (or a run asked for by id).
	const [lastSeen, setLastSeen] = useState<Run>();
	const selection = selectedRun(nav.runKey, {
		shown: runs,
		all: allRuns,
		lastSeen,
	});
	if (selection.run !== lastSeen && selection.run !== undefined) {
		setLastSeen(selection.run);
	}

	const {run} = selection;
	const provider = run && providers.get(run.target);
	const statementsOfRun = useRunResource(run, statementsResource);
	const statements = useMemo(
		() => newestFirst(statementsOfRun.snapshot.data ?? []),
		[statementsOfRun.snapshot.data],
	);

	const screen = layout(columns, rows, nav.focus, nav.zoom);
	// The log view reads the whole log while it is open; a provider without one has the tail in Detail.
	const logOpen = nav.log !== undefined;
	// Detail is read while it is on screen (a narrow terminal shows one pane at a time) or the log needs it.
	const detailOfRun = useRunResource(
		run,
		detailResource,
		logOpen || screen.rows.flat().some(box => box.pane === 'detail'),
	);
	const {zone} = useTheme();
	const detail = detailOfRun.snapshot.data;
	const runLog = useRunLog(run, logOpen, detailOfRun.snapshot, prompt);
	const {streams} = runLog;
	const statementId = selectedStatement(statements, nav.statementId)?.id;
	const jobScope = useMemo(
		() => ({statementId, all: nav.allJobs}),
		[statementId, nav.allJobs],
	);

	const runsWidth =
		screen.rows.flat().find(box => box.pane === 'runs')?.width ?? columns;
	// Columns fit every listed run, not only those the filter leaves: typing a filter neither
	// moves the columns nor measures thousands of rows again for each character.
	const table = useMemo(
		() =>
			sizeRunTable(listed, runsWidth - 4, {
				targets: providers.size,
				wide: nav.wide,
			}),
		[listed, runsWidth, providers.size, nav.wide],
	);
	const newlyFailed = useNewlyFailed(allRuns, nav.runKey, bell);
	useWarmFilter(allRuns, nav.filtering);
	const pageSize = Math.max(1, screen.paneHeight - 4);
	const lists = useRef({runs, allRuns, statements, lastSeen, detail});
	useEffect(() => {
		lists.current = {runs, allRuns, statements, lastSeen, detail};
		shown.current = {
			listed,
			statementIds: statements.map(statement => statement.id),
			pageSize,
			columns: table.columns.map(column => column.id),
			log: nav.log && {
				streams: streams.length,
				lines: streams[nav.log.stream]?.lines ?? [],
				pageSize: logTextHeight(screen.paneHeight, nav.log.searching),
			},
		};
		// The first rows to arrive pick the selection while nothing is selected; after that only keys move it.
		for (const action of followLists(
			current.current,
			viewOf(current.current),
		)) {
			dispatch(action);
		}
	}, [
		runs,
		allRuns,
		listed,
		statements,
		lastSeen,
		pageSize,
		table,
		dispatch,
		viewOf,
		nav.runKey,
		nav.statementId,
		nav.log,
		streams,
		detail,
		screen.paneHeight,
	]);

	/** Selects a run by id: a listed one, or one its provider knows although the list does not show it. */
	const jump = async (id: string) => {
		const found = await findRuns(
			[...providers.values()],
			lists.current.allRuns,
			parseRunName(id),
		);
		if (found.length !== 1) {
			prompt.say(
				found.length === 0
					? `no run "${id}" on ${[...providers.keys()].join(', ')}`
					: `"${id}" names ${found.length} runs; say which: ${found.map(item => item.run.key).join(', ')}`,
				'waiting',
			);
			return;
		}

		const [{run: chosen}] = found as [(typeof found)[0]];
		const listedNow = lists.current.runs.some(item => item.key === chosen.key);
		if (!lists.current.allRuns.some(item => item.key === chosen.key)) {
			setLastSeen(chosen);
		}

		dispatch({type: 'selectRun', runKey: chosen.key});
		prompt.say(
			`selected ${chosen.kind} ${chosen.id} on ${chosen.target}${listedNow ? '' : ' (not in the list as it is filtered now)'}`,
			'ok',
		);
	};

	const history = useMemo(() => commandHistory(), []);
	const targets = [...providers.keys()];
	const {offerCancel, copySelection, runCommand} = useSelectionActions({
		selection() {
			const {runKey, statementId, focus, detailCursor} = current.current;
			const chosen = selectedRun(runKey, {
				shown: lists.current.runs,
				all: lists.current.allRuns,
				lastSeen: lists.current.lastSeen,
			}).run;
			// The Detail row under the cursor, as the pane draws it.
			const row =
				chosen &&
				detailLines(chosen, lists.current.detail, {now: store.now(), zone})[
					detailCursor
				];
			return {
				focus,
				run: chosen,
				provider: chosen && providers.get(chosen.target),
				statement:
					chosen?.key === run?.key
						? selectedStatement(lists.current.statements, statementId)
						: undefined,
				detailValue:
					row?.copy === undefined
						? undefined
						: {label: row.label ?? 'value', text: row.copy},
			};
		},
		dispatch,
		prompt,
		write,
		exit,
		jump,
		targets,
	});

	const perform = (intent: Intent) => {
		switch (intent.type) {
			case 'navigate': {
				dispatch(intent.action);
				break;
			}

			case 'quit': {
				exit();
				break;
			}

			case 'refresh': {
				store.refresh();
				break;
			}

			case 'pause': {
				store.setPaused(!store.getStatus().paused);
				break;
			}

			case 'cancel': {
				offerCancel();
				break;
			}

			case 'copy': {
				copySelection(intent.what);
				break;
			}

			case 'command': {
				history.record(intent.text);
				runCommand(intent.text);
				break;
			}

			case 'complete': {
				const completion = completeCommand(current.current.command ?? '', {
					targets,
				});
				dispatch({type: 'commandSet', text: completion.text});
				if (completion.choices.length > 1) {
					prompt.say(completion.choices.join('  '), 'muted');
				}

				break;
			}

			case 'history': {
				dispatch({type: 'commandSet', text: history.step(intent.step)});
				break;
			}

			case 'answer': {
				prompt.answer(intent.input);
				break;
			}

			case 'saveLog': {
				runLog.save(current.current.log?.stream ?? 0);
				break;
			}
		}
	};

	useInput((input, key) => {
		for (const intent of keyIntents(input, key, {
			nav: current.current,
			question: prompt.question,
		})) {
			perform(intent);
		}
	});

	// Panes report how far they can scroll or how many items they hold; moves clamp to it.
	const onExtent = useMemo(() => {
		const setter =
			(pane: 'detail' | 'statements' | 'progress' | 'help') =>
			(extent: number) => {
				dispatch({type: 'extent', pane, extent});
			};

		return {
			detail: setter('detail'),
			statements: setter('statements'),
			progress: setter('progress'),
			help: setter('help'),
		};
	}, [dispatch]);

	const typed = parseRunFilter(nav.filter);
	const bottom = bottomLine({
		command: nav.command,
		pending: prompt.pending,
		notice: prompt.notice,
		flash: flashOf(newestError, now),
		hints: hintLine(scopesOf({nav}), write, columns),
		now,
	});
	return (
		<Screen
			columns={columns}
			rows={rows}
			layout={screen}
			nav={nav}
			write={write}
			targets={targets}
			intervalMs={store.intervalMs}
			runs={runs}
			total={allRuns.length}
			serverTotal={serverTotal}
			serverMore={serverMore}
			table={table}
			newlyFailed={newlyFailed}
			filterError={typed.ok ? undefined : typed.error}
			sources={sources}
			selection={selection}
			statements={{
				statements,
				snapshot: statementsOfRun.snapshot,
				available: statementsOfRun.available,
				watches: provider?.watchStatement !== undefined,
			}}
			bottom={bottom}
			detail={detailOfRun.snapshot}
			jobScope={jobScope}
			log={runLog}
			onExtent={onExtent}
		/>
	);
}
