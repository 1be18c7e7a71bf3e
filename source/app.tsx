import {Box, type Key, Text, useApp, useInput} from 'ink';
import {
	type ReactElement,
	useCallback,
	useContext,
	useMemo,
	useReducer,
	useRef,
} from 'react';
import {runsResource} from './store/resources.js';
import {sanitizeLine} from './text/sanitize.js';
import {layout} from './ui/layout.js';
import {
	initialNavigation,
	navigate,
	type NavigationAction,
	type PaneId,
	selectedRunIndex,
} from './ui/navigation.js';
import {DetailPane} from './ui/panes/detail-pane.js';
import {ProgressPane} from './ui/panes/progress-pane.js';
import {RunsPane} from './ui/panes/runs-pane.js';
import {StatementsPane} from './ui/panes/statements-pane.js';
import {ProvidersContext} from './ui/providers-context.js';
import {sortRuns} from './ui/render/run-order.js';
import {filterRuns} from './ui/render/run-rows.js';
import {useResources, useStore, useStoreStatus} from './ui/store-context.js';
import {toneColor, useTheme} from './ui/theme.js';
import {flashOf} from './ui/flash.js';
import {commandFor, type KeyCommand} from './ui/keymap.js';
import {bottomLine} from './ui/bottom-line.js';
import {commandKeyActions, filterKeyActions} from './ui/line-keys.js';
import {useActionPrompt} from './ui/use-action-prompt.js';
import {useSelectionActions} from './ui/use-selection-actions.js';
import {useNow} from './ui/use-now.js';
import {useTerminalSize} from './ui/use-terminal-size.js';
import {HelpOverlay} from './ui/widgets/help-overlay.js';
import {StatusBar} from './ui/widgets/status-bar.js';
import {TabStrip} from './ui/widgets/tab-strip.js';

export type AppProps = {
	readonly write?: boolean;
};

export default function App({write = false}: AppProps) {
	const {exit} = useApp();
	const store = useStore();
	const theme = useTheme();
	const providers = useContext(ProvidersContext);
	const {columns, rows} = useTerminalSize();
	const status = useStoreStatus();
	const now = useNow(store.intervalMs, store.now);
	const [nav, dispatchToReact] = useReducer(navigate, initialNavigation);
	// Keys can arrive faster than frames; the handler must see every earlier key's effect, not the last render's.
	const current = useRef(nav);
	const dispatch = useCallback((action: NavigationAction) => {
		current.current = navigate(current.current, action);
		dispatchToReact(action);
	}, []);

	const prompt = useActionPrompt(store);

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
	// Only the longest-first order moves with the clock; the others need not re-sort each tick.
	const sortTime = nav.order === 'longest' ? now : 0;
	const allRuns = useMemo(
		() =>
			sortRuns(
				runSnapshots.flatMap(snapshot => snapshot.data ?? []),
				nav.order,
				sortTime,
			),
		[runSnapshots, nav.order, sortTime],
	);
	const runs = useMemo(
		() => filterRuns(allRuns, nav.filter),
		[allRuns, nav.filter],
	);
	const {offerCancel, copySelection, runCommand} = useSelectionActions({
		runs,
		current,
		dispatch,
		prompt,
		write,
		exit,
	});
	// Until someone picks a run, the selection follows the top row as targets load.
	const selectedIndex = selectedRunIndex(runs, nav);
	const run = runs[selectedIndex];

	const view = layout(columns, rows, nav.focus, nav.zoom);
	const page = Math.max(1, view.paneHeight - 3);
	const moveRuns = (to: (index: number) => number) => {
		const from = selectedRunIndex(runs, current.current);
		const next = runs[Math.max(0, Math.min(to(from), runs.length - 1))];
		if (next) {
			dispatch({type: 'selectRun', runKey: next.key, chosen: true});
		}
	};

	const move = (delta: number) => {
		const {focus} = current.current;
		if (focus === 'runs') {
			moveRuns(index => index + delta);
		} else {
			dispatch({type: 'move', delta});
		}
	};

	const moveTo = (end: 'first' | 'last') => {
		const {focus} = current.current;
		if (focus === 'runs') {
			moveRuns(() => (end === 'first' ? 0 : runs.length - 1));
		} else {
			dispatch({type: 'moveTo', end});
		}
	};

	const perform = (command: KeyCommand) => {
		switch (command.type) {
			case 'navigate': {
				dispatch(command.action);
				break;
			}

			case 'moveBy': {
				move(command.lines);
				break;
			}

			case 'movePage': {
				move(command.pages * page);
				break;
			}

			case 'moveTo': {
				moveTo(command.end);
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
				copySelection('id');
				break;
			}

			case 'copyLink': {
				copySelection('link');
				break;
			}
		}
	};

	const handleKey = (input: string, key: Key) => {
		if (key.ctrl && input === 'c') {
			exit();
			return;
		}

		if (current.current.command !== undefined) {
			const {actions, run} = commandKeyActions(
				input,
				key,
				current.current.command,
			);
			for (const action of actions) {
				dispatch(action);
			}

			if (run !== undefined) {
				runCommand(run);
			}

			return;
		}

		const toFilter =
			current.current.filtering ||
			(input.length > 1 && input.startsWith('/') && !prompt.asking);
		if (input.length > 1 && !key.ctrl && !key.meta && !toFilter) {
			// Keys typed faster than a frame arrive as one chunk ("z3", "cy"): each one counts, in order.
			for (const char of input) {
				handleKey(char, key);
			}
		} else if (prompt.asking) {
			prompt.answer(input);
		} else if (toFilter) {
			for (const action of filterKeyActions(
				input,
				key,
				current.current.filtering,
			)) {
				dispatch(action);
			}
		} else {
			const command = commandFor(input, key);
			if (command) {
				perform(command);
			}
		}
	};

	useInput(handleKey);

	// Panes report how far they can scroll or how many items they hold; moves clamp to it.
	const extentSetters = useMemo(() => {
		const setter = (pane: PaneId) => (extent: number) => {
			dispatch({type: 'extent', pane, extent});
		};

		// Runs move by key, so the Runs pane has no extent of its own.
		return {
			detail: setter('detail'),
			statements: setter('statements'),
			progress: setter('progress'),
		};
	}, [dispatch]);

	const renderPane = (
		pane: PaneId,
		width: number,
		height: number,
	): ReactElement => {
		const common = {run, focused: nav.focus === pane, width, height, now};
		switch (pane) {
			case 'runs': {
				return (
					<RunsPane
						key={pane}
						runs={runs}
						selected={selectedIndex}
						sources={sources}
						focused={common.focused}
						width={width}
						height={height}
						now={now}
						filter={nav.filter}
						filtering={nav.filtering}
						order={nav.order}
					/>
				);
			}

			case 'detail': {
				return (
					<DetailPane
						key={pane}
						{...common}
						scroll={nav.detailScroll}
						log={nav.log}
						onExtent={extentSetters.detail}
					/>
				);
			}

			case 'statements': {
				return (
					<StatementsPane
						key={pane}
						{...common}
						selected={nav.statement}
						onExtent={extentSetters.statements}
					/>
				);
			}

			case 'progress': {
				return (
					<ProgressPane
						key={pane}
						{...common}
						scroll={nav.progressScroll}
						onExtent={extentSetters.progress}
					/>
				);
			}
		}
	};

	const flash = flashOf(status.errors[0], now);
	const bottom = bottomLine({
		command: nav.command,
		pending: prompt.pending,
		notice: prompt.notice,
		flash,
		write,
		now,
	});
	const targets = [...providers.values()].map(provider => provider.target);
	return (
		<Box flexDirection="column" width={columns} height={Math.max(4, rows - 1)}>
			<StatusBar
				width={columns}
				status={status}
				targets={targets}
				intervalMs={store.intervalMs}
				now={now}
				write={write}
			/>
			{view.tabs ? <TabStrip focus={nav.focus} /> : undefined}
			{nav.help ? (
				<HelpOverlay height={view.paneHeight} />
			) : (
				view.rows.map(row => (
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
