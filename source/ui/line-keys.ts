import type {Key} from 'ink';
import type {NavigationAction} from './navigation.js';

/** The parts of a key a typed line cares about. */
export type LineKey = Pick<
	Key,
	'return' | 'escape' | 'backspace' | 'delete' | 'ctrl' | 'meta'
>;

/** Text a key can add to a typed line: control characters never get in. */
export function printable(text: string): string {
	return text.replaceAll(/\p{Cc}/gv, '');
}

/** Characters typed into the filter, one at a time, so a pasted "etl\r" both types and finishes. */
function typed(text: string): NavigationAction[] {
	const actions: NavigationAction[] = [];
	for (const char of text) {
		if (char === '\r' || char === '\n') {
			actions.push({type: 'filterDone'});
			break;
		}

		if (char === '\u007F' || char === '\b') {
			actions.push({type: 'filterErase'});
		} else if (printable(char)) {
			actions.push({type: 'filterInput', text: char});
		}
	}

	return actions;
}

/**
 * What a key does to the `/` filter line. Not yet filtering means the key is a chunk starting
 * with `/` (a paste, or keys faster than a frame): the filter starts at once with the rest.
 */
export function filterKeyActions(
	input: string,
	key: LineKey,
	filtering: boolean,
): NavigationAction[] {
	if (!filtering) {
		return [{type: 'filterStart'}, ...typed(input.slice(1))];
	}

	if (key.return) {
		return [{type: 'filterDone'}];
	}

	if (key.escape) {
		return [{type: 'filterDone'}, {type: 'back'}];
	}

	if (key.backspace || key.delete) {
		return [{type: 'filterErase'}];
	}

	return key.ctrl || key.meta ? [] : typed(input);
}

/** What a key does to the `:` command line; Enter ends it and gives the text to run. */
export function commandKeyActions(
	input: string,
	key: LineKey,
	text: string,
): {readonly actions: NavigationAction[]; readonly run?: string} {
	if (key.return) {
		return {actions: [{type: 'commandEnd'}], run: text};
	}

	if (key.escape) {
		return {actions: [{type: 'commandEnd'}]};
	}

	if (key.backspace || key.delete) {
		return {actions: [{type: 'commandErase'}]};
	}

	return {
		actions:
			key.ctrl || key.meta || !printable(input)
				? []
				: [{type: 'commandInput', text: printable(input)}],
	};
}
