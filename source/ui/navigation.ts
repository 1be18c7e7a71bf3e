import type {ColumnId} from './render/run-columns.js';
import {defaultSort, sortBy, type RunSort} from './render/run-order.js';
import {editLine, isLineAction, withFilter} from './line-editing.js';
import {
	type LogAction,
	type LogState,
	type LogView,
	navigateLog,
	openLog,
	scrollLog,
} from './log-view.js';

/** Which pane has the keyboard, what is selected, and the overlays: plain state with a reducer, no I/O. */

export const paneIds = ['runs', 'detail', 'statements', 'progress'] as const;
export type PaneId = (typeof paneIds)[number];

export const paneTitles: Readonly<Record<PaneId, string>> = {
	runs: 'Runs',
	detail: 'Detail',
	statements: 'Statements',
	progress: 'Progress',
};

export type Navigation = {
	readonly focus: PaneId;
	/**
	 * The selected run, held by its key: refreshes, arrivals, sorting and filtering never change it.
	 * Only the user moves it (or the first rows to arrive pick it, while nothing is selected).
	 */
	readonly runKey?: string;
	/** Where the selected run was last seen in the list, to move on from if it leaves. */
	readonly runIndex: number;
	/** The selected statement of the selected run, held by its id in the same way. */
	readonly statementId?: string;
	readonly statementIndex: number;
	/** The Detail line under the cursor: what `y` copies there. */
	readonly detailCursor: number;
	/** Detail wraps long values (the default), or cuts them and scrolls sideways by `detailSideways`. */
	readonly detailWrap: boolean;
	readonly detailSideways: number;
	readonly progressScroll: number;
	/** Progress shows every job of the application, not only the selected statement's. */
	readonly allJobs: boolean;
	readonly helpScroll: number;
	readonly zoom: boolean;
	readonly help: boolean;
	/** The selected run's log, full-screen, while it is open. */
	readonly log?: LogState;
	/** Runs filter text as typed, and whether it is being typed. */
	readonly filter: string;
	readonly filtering: boolean;
	/** The filter in force: the typed one once it parses; a broken one keeps the last good one. */
	readonly appliedFilter: string;
	/** Only runs in trouble (failed, killed, cancelled, stuck waiting). */
	readonly troubleOnly: boolean;
	/** The `:` command line while it is being typed. */
	readonly command?: string;
	/** How the Runs pane orders its rows. */
	readonly sort: RunSort;
	/** Every Runs column at its full width, scrolled sideways by `wideOffset` cells. */
	readonly wide: boolean;
	readonly wideOffset: number;
	/** How far each scrolling pane can scroll, as the panes last reported. */
	readonly extents: Readonly<Partial<Record<PaneId | 'help', number>>>;
};

export const initialNavigation: Navigation = {
	focus: 'runs',
	runIndex: 0,
	statementIndex: 0,
	detailCursor: 0,
	detailWrap: true,
	detailSideways: 0,
	progressScroll: 0,
	allJobs: false,
	helpScroll: 0,
	zoom: false,
	help: false,
	filter: '',
	filtering: false,
	appliedFilter: '',
	troubleOnly: false,
	sort: defaultSort,
	wide: false,
	wideOffset: 0,
	extents: {},
};

/** The keys of a list in screen order, as much of a list of them as the reducer reads. */
export type ListKeys = Pick<readonly string[], 'length' | 'indexOf' | 'at'>;

/** What is on screen, in screen order: the reducer moves selections through these. */
export type NavigationView = {
	readonly runKeys: ListKeys;
	readonly statementIds: readonly string[];
	/** Rows one page key moves. */
	readonly pageSize: number;
	/** The Runs columns on screen, in order, for `s` to go through. */
	readonly columns: readonly ColumnId[];
	/** The stream the log view shows, while it is open. */
	readonly log?: LogView;
};

const noLog: LogView = {streams: 0, lines: [], pageSize: 1};

export const emptyView: NavigationView = {
	runKeys: [],
	statementIds: [],
	pageSize: 1,
	columns: [],
};

export type NavigationAction =
	| {readonly type: 'focus'; readonly pane: PaneId}
	| {readonly type: 'cycleFocus'; readonly step: 1 | -1}
	| {readonly type: 'selectRun'; readonly runKey: string | undefined}
	| {readonly type: 'selectStatement'; readonly id: string | undefined}
	/** Moves the selection (Runs, Statements) or scrolls (Detail, Progress, help) by lines or pages. */
	| {
			readonly type: 'move';
			readonly delta: number;
			readonly unit?: 'line' | 'page';
	  }
	| {readonly type: 'moveTo'; readonly end: 'first' | 'last'}
	| {
			readonly type: 'extent';
			readonly pane: PaneId | 'help';
			readonly extent: number;
	  }
	| {readonly type: 'log'; readonly action: LogAction}
	| {readonly type: 'drill'}
	| {readonly type: 'back'}
	| {
			readonly type: 'toggle';
			readonly what:
				'zoom' | 'help' | 'log' | 'trouble' | 'wide' | 'wrap' | 'allJobs';
	  }
	/** `s`: the next column of the Runs header (after the last, the attention order again). */
	| {readonly type: 'cycleSort'}
	| {readonly type: 'reverseSort'}
	| {readonly type: 'setSort'; readonly sort: RunSort}
	| {readonly type: 'sideways'; readonly delta: number}
	| {readonly type: 'setFilter'; readonly text: string}
	| {readonly type: 'commandSet'; readonly text: string}
	| {readonly type: 'filterStart'}
	| {readonly type: 'filterInput'; readonly text: string}
	| {readonly type: 'filterErase'}
	| {readonly type: 'filterDone'}
	| {readonly type: 'commandStart'}
	| {readonly type: 'commandInput'; readonly text: string}
	| {readonly type: 'commandErase'}
	| {readonly type: 'commandEnd'};

function clamp(value: number, count: number): number {
	return Math.max(0, Math.min(value, count - 1));
}

/** The next selection in a list after a move, from where the selection is (or was last seen). */
function moveInList(
	ids: ListKeys,
	selected: string | undefined,
	lastIndex: number,
	to: (index: number) => number,
): {readonly id?: string; readonly index: number} {
	if (ids.length === 0) {
		return {id: selected, index: lastIndex};
	}

	const at = selected === undefined ? -1 : ids.indexOf(selected);
	if (at !== -1) {
		const index = clamp(to(at), ids.length);
		return {id: ids.at(index), index};
	}

	// A selection no longer listed sat between the rows now at lastIndex - 1 and lastIndex:
	// down goes to the row that took its place, up to the one above it.
	const raw = to(lastIndex - 0.5);
	const index = clamp(
		raw >= lastIndex ? Math.floor(raw) : Math.ceil(raw),
		ids.length,
	);
	return {id: ids.at(index), index};
}

/** Moves inside the focused pane: the selection in Runs and Statements, the scroll elsewhere. */
function moveIn(
	state: Navigation,
	view: NavigationView,
	to: (current: number) => number,
): Navigation {
	if (state.help) {
		return {
			...state,
			helpScroll: clamp(to(state.helpScroll), state.extents.help ?? 1),
		};
	}

	if (state.log) {
		return {...state, log: scrollLog(state.log, view.log ?? noLog, to)};
	}

	const count = state.extents[state.focus] ?? 1;
	switch (state.focus) {
		case 'runs': {
			const next = moveInList(view.runKeys, state.runKey, state.runIndex, to);
			return selectRun(state, next.id, next.index);
		}

		case 'statements': {
			const next = moveInList(
				view.statementIds,
				state.statementId,
				state.statementIndex,
				to,
			);
			return {...state, statementId: next.id, statementIndex: next.index};
		}

		case 'detail': {
			return {
				...state,
				detailCursor: clamp(to(Math.min(state.detailCursor, count - 1)), count),
			};
		}

		case 'progress': {
			return {...state, progressScroll: clamp(to(state.progressScroll), count)};
		}
	}
}

/** A different run starts its panes from the top; the same one changes nothing. */
function selectRun(
	state: Navigation,
	runKey: string | undefined,
	runIndex = state.runIndex,
): Navigation {
	if (runKey === state.runKey) {
		return runIndex === state.runIndex ? state : {...state, runIndex};
	}

	return {
		...state,
		runKey,
		runIndex,
		statementId: undefined,
		statementIndex: 0,
		detailCursor: 0,
		detailSideways: 0,
		progressScroll: 0,
		log: undefined,
	};
}

function back(state: Navigation): Navigation {
	if (state.help) {
		return {...state, help: false};
	}

	// The log is full-screen: one Esc leaves it.
	if (state.log) {
		return {...state, log: undefined};
	}

	if (state.zoom) {
		return {...state, zoom: false};
	}

	if (state.focus === 'runs' && (state.filter !== '' || state.troubleOnly)) {
		return {...state, filter: '', appliedFilter: '', troubleOnly: false};
	}

	return {...state, focus: 'runs'};
}

function toggle(
	state: Navigation,
	what: Extract<NavigationAction, {type: 'toggle'}>['what'],
): Navigation {
	switch (what) {
		case 'log': {
			return {...state, log: state.log ? undefined : openLog};
		}

		case 'help': {
			return {...state, help: !state.help, helpScroll: 0};
		}

		case 'wide': {
			return {...state, wide: !state.wide, wideOffset: 0};
		}

		case 'wrap': {
			return {...state, detailWrap: !state.detailWrap, detailSideways: 0};
		}

		case 'allJobs': {
			return {...state, allJobs: !state.allJobs, progressScroll: 0};
		}

		case 'trouble': {
			return {...state, troubleOnly: !state.troubleOnly, focus: 'runs'};
		}

		case 'zoom': {
			return {...state, zoom: !state.zoom};
		}
	}
}

/** Selects a run or a statement by key, remembering where it stands in the list. */
function select(
	state: Navigation,
	action: Extract<NavigationAction, {type: 'selectRun' | 'selectStatement'}>,
	view: NavigationView,
): Navigation {
	switch (action.type) {
		case 'selectRun': {
			const index = action.runKey ? view.runKeys.indexOf(action.runKey) : -1;
			return selectRun(
				state,
				action.runKey,
				index === -1 ? state.runIndex : index,
			);
		}

		case 'selectStatement': {
			const index = action.id ? view.statementIds.indexOf(action.id) : -1;
			const statementIndex = index === -1 ? state.statementIndex : index;
			return action.id === state.statementId &&
				statementIndex === state.statementIndex
				? state
				: {...state, statementId: action.id, statementIndex};
		}
	}
}

/** The Runs order after `s`, `S` or a `:sort` command. */
function nextSort(
	sort: RunSort,
	action: Extract<
		NavigationAction,
		{type: 'cycleSort' | 'reverseSort' | 'setSort'}
	>,
	view: NavigationView,
): RunSort {
	switch (action.type) {
		case 'cycleSort': {
			const columns = ['attention', ...view.columns] as const;
			const next = columns[(columns.indexOf(sort.column) + 1) % columns.length];
			return sortBy(next ?? 'attention');
		}

		case 'reverseSort': {
			return {...sort, descending: !sort.descending};
		}

		case 'setSort': {
			return action.sort;
		}
	}
}

export function navigate(
	state: Navigation,
	action: NavigationAction,
	view: NavigationView = emptyView,
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

		case 'selectRun':
		case 'selectStatement': {
			return select(state, action, view);
		}

		case 'move': {
			const page = (state.log ? view.log?.pageSize : view.pageSize) ?? 1;
			const step =
				action.unit === 'page'
					? action.delta * Math.max(1, page)
					: action.delta;
			return moveIn(state, view, current => current + step);
		}

		case 'moveTo': {
			return moveIn(state, view, () =>
				action.end === 'first' ? 0 : Number.POSITIVE_INFINITY,
			);
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

		case 'drill': {
			return state.focus === 'runs'
				? {...state, focus: 'detail'}
				: {...state, zoom: !state.zoom};
		}

		case 'back': {
			return back(state);
		}

		case 'log': {
			return state.log
				? {
						...state,
						log: navigateLog(state.log, action.action, view.log ?? noLog),
					}
				: state;
		}

		case 'cycleSort':
		case 'reverseSort':
		case 'setSort': {
			return {...state, sort: nextSort(state.sort, action, view)};
		}

		case 'sideways': {
			return state.focus === 'detail'
				? {
						...state,
						detailSideways: state.detailWrap
							? 0
							: Math.max(0, state.detailSideways + action.delta),
					}
				: {
						...state,
						wideOffset: Math.max(0, state.wideOffset + action.delta),
					};
		}

		case 'setFilter': {
			return withFilter({...state, focus: 'runs'}, action.text);
		}

		case 'toggle': {
			return toggle(state, action.what);
		}
	}
}

/**
 * What the reducer must learn after the lists on screen changed: the first row while nothing is
 * selected yet, and where the selection now stands, so a move after it leaves goes on from there.
 */
export function followLists(
	state: Navigation,
	view: NavigationView,
): NavigationAction[] {
	const actions: NavigationAction[] = [];
	const runIndex =
		state.runKey === undefined ? -1 : view.runKeys.indexOf(state.runKey);
	if (state.runKey === undefined && view.runKeys.length > 0) {
		actions.push({type: 'selectRun', runKey: view.runKeys.at(0)});
	} else if (runIndex !== -1 && runIndex !== state.runIndex) {
		actions.push({type: 'selectRun', runKey: state.runKey});
	}

	const statementIndex =
		state.statementId === undefined
			? -1
			: view.statementIds.indexOf(state.statementId);
	if (state.statementId === undefined && view.statementIds.length > 0) {
		actions.push({type: 'selectStatement', id: view.statementIds[0]});
	} else if (statementIndex !== -1 && statementIndex !== state.statementIndex) {
		actions.push({type: 'selectStatement', id: state.statementId});
	}

	return actions;
}
