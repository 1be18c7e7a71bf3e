import {nextRunOrder, type RunOrder} from './render/run-order.js';

/** Which pane has the keyboard, what is selected, and the overlays: plain state with a reducer, no I/O. */

export const paneIds = ['runs', 'detail', 'statements', 'progress'] as const;
export type PaneId = (typeof paneIds)[number];

export const paneTitles: Readonly<Record<PaneId, string>> = {
	runs: 'Runs',
	detail: 'Detail',
	statements: 'Statements',
	progress: 'Progress',
};

/** The Detail scroll offset that stays at the end of the log as lines arrive. */
export const followTail = Number.MAX_SAFE_INTEGER;

export type Navigation = {
	readonly focus: PaneId;
	/** Selected run by key, so a refresh that reorders rows keeps the selection on the same run. */
	readonly runKey?: string;
	readonly runChosen: boolean;
	/** Selected statement index (Statements) and scroll offsets (Detail, Progress). */
	readonly statement: number;
	readonly detailScroll: number;
	readonly progressScroll: number;
	readonly zoom: boolean;
	readonly help: boolean;
	/** Detail shows the whole log instead of the fields. */
	readonly log: boolean;
	/** Runs filter text, and whether it is being typed. */
	readonly filter: string;
	readonly filtering: boolean;
	/** The `:` command line while it is being typed. */
	readonly command?: string;
	/** How the Runs pane orders its rows (`s` cycles). */
	readonly order: RunOrder;
	/** How far each pane can scroll, or how many items it holds, as the panes last reported. */
	readonly extents: Readonly<Partial<Record<PaneId, number>>>;
};

export const initialNavigation: Navigation = {
	focus: 'runs',
	runChosen: false,
	statement: 0,
	detailScroll: 0,
	progressScroll: 0,
	zoom: false,
	help: false,
	log: false,
	filter: '',
	filtering: false,
	order: 'target',
	extents: {},
};

export type NavigationAction =
	| {readonly type: 'focus'; readonly pane: PaneId}
	| {readonly type: 'cycleFocus'; readonly step: 1 | -1}
	| {
			readonly type: 'selectRun';
			readonly runKey: string | undefined;
			/** The user picked it, rather than it being the first row. */
			readonly chosen?: boolean;
	  }
	| {readonly type: 'move'; readonly delta: number}
	| {readonly type: 'moveTo'; readonly end: 'first' | 'last'}
	| {readonly type: 'extent'; readonly pane: PaneId; readonly extent: number}
	| {readonly type: 'drill'}
	| {readonly type: 'back'}
	| {readonly type: 'toggle'; readonly what: 'zoom' | 'help' | 'log'}
	| {readonly type: 'cycleOrder'}
	| {readonly type: 'filterStart'}
	| {readonly type: 'filterInput'; readonly text: string}
	| {readonly type: 'filterErase'}
	| {readonly type: 'filterDone'}
	| {readonly type: 'commandStart'}
	| {readonly type: 'commandInput'; readonly text: string}
	| {readonly type: 'commandErase'}
	| {readonly type: 'commandEnd'};

/** The selected run: the one the user picked while it is still listed, otherwise the top row. */
export function selectedRunIndex(
	runs: ReadonlyArray<{readonly key: string}>,
	state: Pick<Navigation, 'runChosen' | 'runKey'>,
): number {
	const found = state.runChosen
		? runs.findIndex(run => run.key === state.runKey)
		: -1;
	return found === -1 ? 0 : found;
}

function clamp(value: number, count: number): number {
	return Math.max(0, Math.min(value, count - 1));
}

/** Moves inside the focused pane; the Runs pane moves by run key and is handled by the caller. */
function moveIn(
	state: Navigation,
	to: (current: number) => number,
): Navigation {
	const count = state.extents[state.focus] ?? 1;
	switch (state.focus) {
		case 'statements': {
			return {...state, statement: clamp(to(state.statement), count)};
		}

		case 'detail': {
			const next = to(Math.min(state.detailScroll, count - 1));
			// In the log, "to the end" means following the tail as it grows, like tail -f.
			return {
				...state,
				detailScroll:
					state.log && next === Number.POSITIVE_INFINITY
						? followTail
						: clamp(next, count),
			};
		}

		case 'progress': {
			return {...state, progressScroll: clamp(to(state.progressScroll), count)};
		}

		case 'runs': {
			return state;
		}
	}
}

type LineAction = Extract<
	NavigationAction,
	{readonly type: `filter${string}` | `command${string}`}
>;

function isLineAction(action: NavigationAction): action is LineAction {
	return action.type.startsWith('filter') || action.type.startsWith('command');
}

/** The two typed lines: the `/` filter and the `:` command. */
function editLine(state: Navigation, action: LineAction): Navigation {
	switch (action.type) {
		case 'filterStart': {
			// Like / in less and k9s: a new filter, not more words on the old one.
			return {...state, focus: 'runs', filtering: true, filter: ''};
		}

		case 'filterInput': {
			return {...state, filter: state.filter + action.text};
		}

		case 'filterErase': {
			return {...state, filter: [...state.filter].slice(0, -1).join('')};
		}

		case 'filterDone': {
			return {...state, filtering: false};
		}

		case 'commandStart': {
			return {...state, command: ''};
		}

		case 'commandInput': {
			return {...state, command: (state.command ?? '') + action.text};
		}

		case 'commandErase': {
			return {
				...state,
				command: [...(state.command ?? '')].slice(0, -1).join(''),
			};
		}

		case 'commandEnd': {
			return {...state, command: undefined};
		}
	}
}

export function navigate(
	state: Navigation,
	action: NavigationAction,
): Navigation {
	if (isLineAction(action)) {
		return editLine(state, action);
	}

	switch (action.type) {
		case 'focus': {
			return {...state, focus: action.pane, help: false};
		}

		case 'cycleFocus': {
			const index = paneIds.indexOf(state.focus);
			const next =
				paneIds[(index + action.step + paneIds.length) % paneIds.length] ??
				'runs';
			return {...state, focus: next};
		}

		case 'selectRun': {
			const runChosen = state.runChosen || action.chosen === true;
			if (action.runKey === state.runKey) {
				return runChosen === state.runChosen ? state : {...state, runChosen};
			}

			// A different run starts its panes from the top.
			return {
				...state,
				runKey: action.runKey,
				runChosen,
				statement: 0,
				detailScroll: 0,
				progressScroll: 0,
				log: false,
			};
		}

		case 'move': {
			return moveIn(state, current => current + action.delta);
		}

		case 'extent': {
			if (state.extents[action.pane] === action.extent) {
				return state;
			}

			return {
				...state,
				extents: {...state.extents, [action.pane]: action.extent},
			};
		}

		case 'moveTo': {
			return moveIn(state, () =>
				action.end === 'first' ? 0 : Number.POSITIVE_INFINITY,
			);
		}

		case 'drill': {
			return state.focus === 'runs'
				? {...state, focus: 'detail'}
				: {...state, zoom: !state.zoom};
		}

		case 'back': {
			if (state.help) {
				return {...state, help: false};
			}

			if (state.zoom) {
				return {...state, zoom: false};
			}

			if (state.log) {
				return {...state, log: false};
			}

			if (state.focus === 'runs' && state.filter !== '') {
				return {...state, filter: ''};
			}

			return {...state, focus: 'runs'};
		}

		case 'cycleOrder': {
			return {...state, order: nextRunOrder(state.order)};
		}

		case 'toggle': {
			if (action.what === 'log') {
				return {
					...state,
					log: !state.log,
					focus: 'detail',
					detailScroll: state.log ? 0 : followTail,
				};
			}

			return {...state, [action.what]: !state[action.what]};
		}
	}
}
