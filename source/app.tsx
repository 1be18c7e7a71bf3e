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
import {runsResource, statementsResource} from './store/resources.js';
import {bottomLine} from './ui/bottom-line.js';
import {flashOf} from './ui/flash.js';
import type {Intent} from './ui/keys/intents.js';
import {keyIntents, scopesOf} from './ui/keys/handle-key.js';
import {layout} from './ui/layout.js';
import {
	followLists,
	initialNavigation,
	type Navigation,
	navigate,
	type NavigationAction,
	type NavigationView,
} from './ui/navigation.js';
import {ProvidersContext} from './ui/providers-context.js';
import {runListsMemo} from './ui/run-lists.js';
import {hintLine} from './ui/render/key-help.js';
import {newestFirst} from './ui/render/statement-lines.js';
import {Screen} from './ui/screen.js';
import {selectedRun, selectedStatement} from './ui/selection.js';
import {useResources, useStore, useStoreStatus} from './ui/store-context.js';
import {useActionPrompt} from './ui/use-action-prompt.js';
import {useNow} from './ui/use-now.js';
import {useRunResource} from './ui/use-run-resource.js';
import {useSelectionActions} from './ui/use-selection-actions.js';
import {useTerminalSize} from './ui/use-terminal-size.js';

export type AppProps = {
	readonly write?: boolean;
	/** How long a y/N question is on screen before a key may answer it. */
	readonly questionReadyMs?: number;
};

/**
 * The container: owns what is selected and shown, subscribes to the store, turns keys into
 * intents and carries them out. The Screen lays it all out.
 */
export default function App({write = false, questionReadyMs}: AppProps) {
	const {exit} = useApp();
	const store = useStore();
	const providers = useContext(ProvidersContext);
	const {columns, rows} = useTerminalSize();
	const status = useStoreStatus();
	const now = useNow(store.intervalMs, store.now);
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
	});
	/** The lists as the reducer must see them: the rows of the filter and order the keys so far left. */
	const viewOf = useCallback(
		(state: Navigation): NavigationView => ({
			runKeys: runLists(
				shown.current.listed,
				state.order,
				state.filter,
				store.now(),
			).shown.map(run => run.key),
			statementIds: shown.current.statementIds,
			pageSize: shown.current.pageSize,
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

	const runSources = useMemo(
		() =>
			[...providers.values()].flatMap(provider => {
				const spec = runsResource(provider);
				return spec ? [{target: provider.target, spec}] : [];
			}),
		[providers],
	);
	const runSpecs = useMemo(
		() => runSources.map(source => source.spec),
		[runSources],
	);
	const runSnapshots = useResources(runSpecs);
	const sources = useMemo(
		() =>
			runSources.map((source, index) => ({
				target: source.target,
				snapshot: runSnapshots[index]!,
			})),
		[runSources, runSnapshots],
	);
	const listedRuns = useMemo(
		() => runSnapshots.flatMap(snapshot => snapshot.data ?? []),
		[runSnapshots],
	);
	const {all: allRuns, shown: runs} = runLists(
		listedRuns,
		nav.order,
		nav.filter,
		now,
	);

	// The selected run as last seen, for when it leaves the list: kept as state from the last render.
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
	const pageSize = Math.max(1, screen.paneHeight - 3);
	// Keys act on what is on screen and on the selection as the keys so far left it, which may be
	// ahead of the last frame: both are handed to them through refs, once the frame is committed.
	const lists = useRef({runs, allRuns, statements, lastSeen});
	useEffect(() => {
		lists.current = {runs, allRuns, statements, lastSeen};
		shown.current = {
			listed: listedRuns,
			statementIds: statements.map(statement => statement.id),
			pageSize,
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
		listedRuns,
		statements,
		lastSeen,
		pageSize,
		dispatch,
		viewOf,
		nav.runKey,
		nav.statementId,
	]);

	const {offerCancel, copySelection, runCommand} = useSelectionActions({
		selection() {
			const {runKey, statementId, focus} = current.current;
			const chosen = selectedRun(runKey, {
				shown: lists.current.runs,
				all: lists.current.allRuns,
				lastSeen: lists.current.lastSeen,
			}).run;
			return {
				focus,
				run: chosen,
				provider: chosen && providers.get(chosen.target),
				statement:
					chosen?.key === run?.key
						? selectedStatement(lists.current.statements, statementId)
						: undefined,
			};
		},
		dispatch,
		prompt,
		write,
		exit,
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
				runCommand(intent.text);
				break;
			}

			case 'answer': {
				prompt.answer(intent.input);
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

	const bottom = bottomLine({
		command: nav.command,
		pending: prompt.pending,
		notice: prompt.notice,
		flash: flashOf(status.errors[0], now),
		hints: hintLine(scopesOf({nav}), write, columns),
		now,
	});
	return (
		<Screen
			columns={columns}
			rows={rows}
			layout={screen}
			nav={nav}
			now={now}
			write={write}
			status={status}
			targets={[...providers.values()].map(item => item.target)}
			intervalMs={store.intervalMs}
			runs={runs}
			sources={sources}
			selection={selection}
			statements={{
				statements,
				snapshot: statementsOfRun.snapshot,
				available: statementsOfRun.available,
				watches: provider?.watchStatement !== undefined,
			}}
			bottom={bottom}
			onExtent={onExtent}
		/>
	);
}
