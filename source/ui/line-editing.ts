import {parseRunFilter} from './run-filter.js';
import type {Navigation, NavigationAction} from './navigation.js';

/** The two lines the user types into: the `/` filter and the `:` command line. */

export type LineAction = Extract<
	NavigationAction,
	{readonly type: `filter${string}` | `command${string}`}
>;

export function isLineAction(action: NavigationAction): action is LineAction {
	return action.type.startsWith('filter') || action.type.startsWith('command');
}

/** The two typed lines: the `/` filter and the `:` command. */
export function editLine(state: Navigation, action: LineAction): Navigation {
	switch (action.type) {
		case 'filterStart': {
			// Like / in less and k9s: a new filter, not more words on the old one.
			return {...state, focus: 'runs', filtering: true, filter: ''};
		}

		case 'filterInput': {
			return withFilter(state, state.filter + action.text);
		}

		case 'filterErase': {
			return withFilter(state, [...state.filter].slice(0, -1).join(''));
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

		case 'commandSet': {
			return {...state, command: action.text};
		}
	}
}

/** A new filter text; it is applied once it parses, and until then the last good one stays. */
export function withFilter(state: Navigation, filter: string): Navigation {
	return {
		...state,
		filter,
		appliedFilter: parseRunFilter(filter).ok
			? filter.trim()
			: state.appliedFilter,
	};
}
