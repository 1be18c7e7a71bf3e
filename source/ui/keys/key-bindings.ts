import type {LogAction} from '../log-view.js';
import {type PaneId, paneIds} from '../navigation.js';
import {type Intent, navigateTo} from './intents.js';
import {keyLabel} from './key-names.js';

/**
 * Where a binding applies: in any pane, in one pane, or in a mode that takes the keys (the help
 * overlay, the `/` filter line, the `:` command line, the y/N question).
 */
export type Scope =
	| 'anywhere'
	| PaneId
	| 'help'
	| 'log'
	| 'log search'
	| 'filter line'
	| 'command line'
	| 'question';

export type Binding = {
	/** Key names as `keyName` gives them. */
	readonly keys: readonly string[];
	readonly scope: Scope;
	/** What it does, for the help overlay and the README. */
	readonly does: string;
	/** A word or two for the hint line; bindings without one are only in the help. */
	readonly hint?: string;
	/** Changes something on a server: offered only with --write, and always asked first. */
	readonly mutates?: boolean;
	/** The intents of the key pressed (one of `keys`); `line` is the text typed on the `/` or `:` line. */
	readonly intents: (key: string, line: string) => readonly Intent[];
};

const logAction = (action: LogAction): Intent =>
	navigateTo({type: 'log', action});

const go =
	(...intents: Intent[]) =>
	(): readonly Intent[] =>
		intents;

const moves = {
	down: go(navigateTo({type: 'move', delta: 1})),
	up: go(navigateTo({type: 'move', delta: -1})),
	pageDown: go(navigateTo({type: 'move', delta: 1, unit: 'page'})),
	pageUp: go(navigateTo({type: 'move', delta: -1, unit: 'page'})),
	first: go(navigateTo({type: 'moveTo', end: 'first'})),
	last: go(navigateTo({type: 'moveTo', end: 'last'})),
};

/** The one table of keys: it drives the key handling, the help overlay, the hint line and the README check. */
export const keyBindings: readonly Binding[] = [
	{
		keys: ['enter'],
		scope: 'runs',
		does: 'open the selected run in Detail',
		hint: 'open',
		intents: go(navigateTo({type: 'drill'})),
	},
	{
		keys: ['/'],
		scope: 'anywhere',
		does: 'filter the runs (Enter keeps it, Esc clears it)',
		hint: 'filter',
		intents: go(navigateTo({type: 'filterStart'})),
	},
	{
		keys: [':'],
		scope: 'anywhere',
		does: 'command line (:help lists the commands)',
		hint: 'command',
		intents: go(navigateTo({type: 'commandStart'})),
	},
	{
		keys: ['t'],
		scope: 'anywhere',
		does: 'only runs in trouble (failed, killed, cancelled, stuck waiting to start); again for all',
		hint: 'trouble',
		intents: go(navigateTo({type: 'toggle', what: 'trouble'})),
	},
	{
		keys: ['s'],
		scope: 'runs',
		does: 'sort by the next column of the header (after the last: attention order)',
		hint: 'sort',
		intents: go(navigateTo({type: 'cycleSort'})),
	},
	{
		keys: ['S'],
		scope: 'runs',
		does: 'reverse the sort',
		intents: go(navigateTo({type: 'reverseSort'})),
	},
	{
		keys: ['w'],
		scope: 'runs',
		does: 'wide: every column at full width; ← → scroll sideways',
		hint: 'wide',
		intents: go(navigateTo({type: 'toggle', what: 'wide'})),
	},
	{
		keys: ['left', 'right'],
		scope: 'runs',
		does: 'scroll the wide table sideways',
		intents: key => [
			navigateTo({type: 'sideways', delta: key === 'left' ? -8 : 8}),
		],
	},
	{
		keys: ['w'],
		scope: 'detail',
		does: 'wrap long values (the default), or cut them and scroll sideways with ← →',
		hint: 'wrap',
		intents: go(navigateTo({type: 'toggle', what: 'wrap'})),
	},
	{
		keys: ['left', 'right'],
		scope: 'detail',
		does: 'scroll Detail sideways (when not wrapped)',
		intents: key => [
			navigateTo({type: 'sideways', delta: key === 'left' ? -16 : 16}),
		],
	},
	{
		keys: ['y'],
		scope: 'detail',
		does: 'copy the whole value of the line under the cursor (OSC 52)',
		hint: 'copy',
		intents: go({type: 'copy', what: 'field'}),
	},
	{
		keys: ['a'],
		scope: 'progress',
		does: "the selected statement's own Spark jobs (its job group), or all jobs of the application",
		hint: 'all jobs',
		intents: go(navigateTo({type: 'toggle', what: 'allJobs'})),
	},
	{
		keys: ['a'],
		scope: 'statements',
		does: "Progress: the selected statement's own Spark jobs, or all jobs of the application",
		hint: 'all jobs',
		intents: go(navigateTo({type: 'toggle', what: 'allJobs'})),
	},
	{
		keys: ['l'],
		scope: 'anywhere',
		does: 'the whole log of the selected run, full-screen (follows its tail)',
		hint: 'log',
		intents: go(navigateTo({type: 'toggle', what: 'log'})),
	},
	{
		keys: ['c'],
		scope: 'statements',
		does: 'cancel the selected statement (with --write; asks first)',
		hint: 'cancel',
		mutates: true,
		intents: go({type: 'cancel'}),
	},
	{
		keys: ['c'],
		scope: 'anywhere',
		does: 'cancel the selected run (with --write; asks first)',
		hint: 'cancel',
		mutates: true,
		intents: go({type: 'cancel'}),
	},
	{
		keys: ['y'],
		scope: 'statements',
		does: "copy the selected statement's code (OSC 52)",
		hint: 'copy code',
		intents: go({type: 'copy', what: 'id'}),
	},
	{
		keys: ['y'],
		scope: 'anywhere',
		does: "copy the selected run's id (OSC 52: works over SSH and in tmux)",
		hint: 'copy id',
		intents: go({type: 'copy', what: 'id'}),
	},
	{
		keys: ['Y'],
		scope: 'anywhere',
		does: "copy the selected run's Spark UI link",
		intents: go({type: 'copy', what: 'link'}),
	},
	{
		keys: ['tab', 'shift-tab'],
		scope: 'anywhere',
		does: 'next / previous pane',
		hint: 'pane',
		intents: key => [
			navigateTo({type: 'cycleFocus', step: key === 'tab' ? 1 : -1}),
		],
	},
	{
		keys: ['1', '2', '3', '4'],
		scope: 'anywhere',
		does: 'jump to Runs, Detail, Statements, Progress',
		intents: key => [
			navigateTo({type: 'focus', pane: paneIds[Number(key) - 1] ?? 'runs'}),
		],
	},
	{
		keys: ['j', 'down'],
		scope: 'anywhere',
		does: 'move down (Runs, Statements) or scroll',
		hint: 'move',
		intents: moves.down,
	},
	{
		keys: ['k', 'up'],
		scope: 'anywhere',
		does: 'move up or scroll',
		intents: moves.up,
	},
	{
		keys: ['pagedown'],
		scope: 'anywhere',
		does: 'page down',
		intents: moves.pageDown,
	},
	{
		keys: ['pageup'],
		scope: 'anywhere',
		does: 'page up',
		intents: moves.pageUp,
	},
	{
		keys: ['g', 'home'],
		scope: 'anywhere',
		does: 'first row, or the top',
		intents: moves.first,
	},
	{
		keys: ['G', 'end'],
		scope: 'anywhere',
		does: 'last row, or the end (in the log: follow its tail)',
		intents: moves.last,
	},
	{
		keys: ['enter'],
		scope: 'anywhere',
		does: 'zoom or unzoom the focused pane (in Runs: open the run)',
		intents: go(navigateTo({type: 'drill'})),
	},
	{
		keys: ['escape'],
		scope: 'anywhere',
		does: 'back: unzoom, close the log, clear the filter, return to Runs',
		hint: 'back',
		intents: go(navigateTo({type: 'back'})),
	},
	{
		keys: ['z'],
		scope: 'anywhere',
		does: 'zoom the focused pane',
		hint: 'zoom',
		intents: go(navigateTo({type: 'toggle', what: 'zoom'})),
	},
	{
		keys: ['r'],
		scope: 'anywhere',
		does: 'refresh now, finished runs included',
		hint: 'refresh',
		intents: go({type: 'refresh'}),
	},
	{
		keys: ['p'],
		scope: 'anywhere',
		does: 'pause / resume polling',
		hint: 'pause',
		intents: go({type: 'pause'}),
	},
	{
		keys: ['?'],
		scope: 'anywhere',
		does: 'this help',
		hint: 'help',
		intents: go(navigateTo({type: 'toggle', what: 'help'})),
	},
	{
		keys: ['q', 'ctrl-c'],
		scope: 'anywhere',
		does: 'quit (the terminal is restored)',
		hint: 'quit',
		intents: go({type: 'quit'}),
	},
	{
		keys: ['j', 'k', 'down', 'up', 'pagedown', 'pageup', 'g', 'G'],
		scope: 'help',
		does: 'scroll the help',
		intents: (key, line) =>
			bindingFor(key, ['anywhere'])?.intents(key, line) ?? [],
	},
	{
		keys: ['escape', '?'],
		scope: 'help',
		does: 'close the help',
		hint: 'close',
		intents: go(navigateTo({type: 'back'})),
	},
	{
		keys: ['q', 'ctrl-c'],
		scope: 'help',
		does: 'quit',
		hint: 'quit',
		intents: go({type: 'quit'}),
	},
	{
		keys: ['j', 'k', 'down', 'up', 'pagedown', 'pageup', 'g', 'G'],
		scope: 'log',
		does: 'scroll the log (G: to the end, following its tail)',
		intents: (key, line) =>
			bindingFor(key, ['anywhere'])?.intents(key, line) ?? [],
	},
	{
		keys: ['tab', 'shift-tab'],
		scope: 'log',
		does: 'next / previous stream (stdout, stderr, YARN diagnostics, ...)',
		hint: 'stream',
		intents: key => [logAction({type: 'stream', step: key === 'tab' ? 1 : -1})],
	},
	{
		keys: ['/'],
		scope: 'log',
		does: 'search the log (Enter goes to the first match, Esc drops it)',
		hint: 'search',
		intents: go(logAction({type: 'searchStart'})),
	},
	{
		keys: ['n', 'N'],
		scope: 'log',
		does: 'next / previous line with the search text',
		hint: 'next',
		intents: key => [
			logAction({type: 'find', what: 'match', direction: key === 'n' ? 1 : -1}),
		],
	},
	{
		keys: ['e', 'E'],
		scope: 'log',
		does: 'next / previous line that looks like trouble (ERROR, Exception, Traceback, Caused by)',
		hint: 'error',
		intents: key => [
			logAction({
				type: 'find',
				what: 'trouble',
				direction: key === 'e' ? 1 : -1,
			}),
		],
	},
	{
		keys: ['w'],
		scope: 'log',
		does: 'wrap long lines, or cut them and scroll sideways',
		hint: 'wrap',
		intents: go(logAction({type: 'wrap'})),
	},
	{
		keys: ['left', 'right'],
		scope: 'log',
		does: 'scroll long lines sideways (when not wrapped)',
		intents: key => [
			logAction({type: 'sideways', delta: key === 'left' ? -16 : 16}),
		],
	},
	{
		keys: ['s'],
		scope: 'log',
		does: 'save the stream shown to a file (the bottom line says where)',
		hint: 'save',
		intents: go({type: 'saveLog'}),
	},
	{
		keys: ['escape', 'l'],
		scope: 'log',
		does: 'close the log',
		hint: 'close',
		intents: go(navigateTo({type: 'back'})),
	},
	{
		keys: ['r', 'p'],
		scope: 'log',
		does: 'refresh now / pause polling',
		intents: (key, line) =>
			bindingFor(key, ['anywhere'])?.intents(key, line) ?? [],
	},
	{
		keys: ['?'],
		scope: 'log',
		does: 'help',
		hint: 'help',
		intents: go(navigateTo({type: 'toggle', what: 'help'})),
	},
	{
		keys: ['q', 'ctrl-c'],
		scope: 'log',
		does: 'quit',
		hint: 'quit',
		intents: go({type: 'quit'}),
	},
	{
		keys: ['enter'],
		scope: 'log search',
		does: 'go to the first match',
		hint: 'find',
		intents: go(logAction({type: 'searchDone'})),
	},
	{
		keys: ['escape'],
		scope: 'log search',
		does: 'drop the search',
		hint: 'clear',
		intents: go(logAction({type: 'searchClear'})),
	},
	{
		keys: ['backspace', 'delete'],
		scope: 'log search',
		does: 'erase a character',
		intents: go(logAction({type: 'searchErase'})),
	},
	{
		keys: ['enter'],
		scope: 'filter line',
		does: 'keep the filter',
		hint: 'keep',
		intents: go(navigateTo({type: 'filterDone'})),
	},
	{
		keys: ['escape'],
		scope: 'filter line',
		does: 'clear the filter',
		hint: 'clear',
		intents: go(navigateTo({type: 'filterDone'}), navigateTo({type: 'back'})),
	},
	{
		keys: ['backspace', 'delete'],
		scope: 'filter line',
		does: 'erase a character',
		intents: go(navigateTo({type: 'filterErase'})),
	},
	{
		keys: ['enter'],
		scope: 'command line',
		does: 'run the command',
		hint: 'run',
		intents: (_key, line) => [
			navigateTo({type: 'commandEnd'}),
			{type: 'command', text: line},
		],
	},
	{
		keys: ['tab'],
		scope: 'command line',
		does: 'complete the command or its argument',
		hint: 'complete',
		intents: go({type: 'complete'}),
	},
	{
		keys: ['up', 'down'],
		scope: 'command line',
		does: 'earlier / later commands',
		hint: 'history',
		intents: key => [{type: 'history', step: key === 'up' ? -1 : 1}],
	},
	{
		keys: ['escape'],
		scope: 'command line',
		does: 'close the command line',
		hint: 'close',
		intents: go(navigateTo({type: 'commandEnd'})),
	},
	{
		keys: ['backspace', 'delete'],
		scope: 'command line',
		does: 'erase a character',
		intents: go(navigateTo({type: 'commandErase'})),
	},
	{
		keys: ['y'],
		scope: 'question',
		does: 'yes, carry the action out (only y; typed after the question showed)',
		hint: 'yes',
		intents: go({type: 'answer', input: 'y'}),
	},
];

/** The binding of a key in a scope, the focused pane's own before the ones that apply anywhere. */
export function bindingFor(
	name: string,
	scopes: readonly Scope[],
): Binding | undefined {
	for (const scope of scopes) {
		const binding = keyBindings.find(
			item => item.scope === scope && item.keys.includes(name),
		);
		if (binding) {
			return binding;
		}
	}

	return undefined;
}

/** How a binding's keys read: `j ↓`, `q Ctrl-C`. */
export function keysLabel(binding: Binding): string {
	return binding.keys.map(name => keyLabel(name)).join(' ');
}
