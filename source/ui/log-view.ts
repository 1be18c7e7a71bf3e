import {findLine, looksLikeTrouble} from '../model/log-search.js';

/** Where the log view is: which stream, where in it, and what it searches for. Plain state. */
export type LogState = {
	readonly stream: number;
	/** The first line shown, or `followLog`: the end, following the tail as it grows (tail -f). */
	readonly top: number;
	readonly wrap: boolean;
	/** Cells scrolled sideways when lines are not wrapped. */
	readonly sideways: number;
	readonly search: string;
	/** The `/` line of the log has the keys. */
	readonly searching: boolean;
	/** The line the last search or trouble jump landed on, marked on screen. */
	readonly cursor?: number;
};

export const followLog = Number.MAX_SAFE_INTEGER;

export const openLog: LogState = {
	stream: 0,
	top: followLog,
	wrap: false,
	sideways: 0,
	search: '',
	searching: false,
};

/** What the log reducer must know of what is shown. */
export type LogView = {
	readonly streams: number;
	/** The lines of the stream shown. */
	readonly lines: readonly string[];
	readonly pageSize: number;
};

export type LogAction =
	| {readonly type: 'stream'; readonly step: 1 | -1}
	| {
			readonly type: 'find';
			readonly what: 'match' | 'trouble';
			readonly direction: 1 | -1;
	  }
	| {readonly type: 'wrap'}
	| {readonly type: 'sideways'; readonly delta: number}
	| {readonly type: 'searchStart'}
	| {readonly type: 'searchInput'; readonly text: string}
	| {readonly type: 'searchErase'}
	/** Enter: keep the search and go to its first match from where the view is. */
	| {readonly type: 'searchDone'}
	/** Esc: no search. */
	| {readonly type: 'searchClear'};

/** The first line shown, following or not. */
export function topLine(log: LogState, view: LogView): number {
	return log.top === followLog
		? Math.max(0, view.lines.length - view.pageSize)
		: Math.min(log.top, Math.max(0, view.lines.length - 1));
}

/** Scrolls (j, k, pages, g, G): past the end is following the tail again. */
export function scrollLog(
	log: LogState,
	view: LogView,
	to: (current: number) => number,
): LogState {
	const next = to(topLine(log, view));
	const last = Math.max(0, view.lines.length - view.pageSize);
	return {
		...log,
		top: next >= last ? followLog : Math.max(0, next),
	};
}

function find(
	log: LogState,
	view: LogView,
	what: 'match' | 'trouble',
	direction: 1 | -1,
): LogState {
	if (view.lines.length === 0 || (what === 'match' && log.search === '')) {
		return log;
	}

	const needle = log.search.toLowerCase();
	const matches =
		what === 'match'
			? (line: string) => line.toLowerCase().includes(needle)
			: looksLikeTrouble;
	// From the marked line; without one, from the top of the view (forward) or its end (back).
	const from =
		log.cursor ??
		(direction === 1
			? topLine(log, view) - 1
			: log.top === followLog
				? view.lines.length
				: topLine(log, view));
	const found = findLine(view.lines, from, direction, matches);
	return found === undefined
		? log
		: {...log, cursor: found, top: Math.max(0, found - 2)};
}

export function navigateLog(
	log: LogState,
	action: LogAction,
	view: LogView,
): LogState {
	switch (action.type) {
		case 'stream': {
			const count = Math.max(1, view.streams);
			return {
				...openLog,
				wrap: log.wrap,
				search: log.search,
				stream: (log.stream + action.step + count) % count,
			};
		}

		case 'find': {
			return find(log, view, action.what, action.direction);
		}

		case 'wrap': {
			return {...log, wrap: !log.wrap, sideways: 0};
		}

		case 'sideways': {
			return log.wrap
				? log
				: {...log, sideways: Math.max(0, log.sideways + action.delta)};
		}

		case 'searchStart': {
			return {...log, searching: true, search: '', cursor: undefined};
		}

		case 'searchInput': {
			return {...log, search: log.search + action.text};
		}

		case 'searchErase': {
			return {...log, search: [...log.search].slice(0, -1).join('')};
		}

		case 'searchDone': {
			return find(
				{...log, searching: false, cursor: undefined},
				view,
				'match',
				1,
			);
		}

		case 'searchClear': {
			return {...log, searching: false, search: '', cursor: undefined};
		}
	}
}
