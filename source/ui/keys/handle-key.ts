import {type Navigation, navigate} from '../navigation.js';
import type {Intent} from './intents.js';
import {bindingFor, type Scope} from './key-bindings.js';
import {type KeyFlags, keyName} from './key-names.js';

/** What key handling needs to know of the screen. */
export type KeyState = {
	readonly nav: Navigation;
	/**
	 * A y/N question: `drawing` until it is on screen, then `ready`. Only a key typed on its own
	 * once it is ready answers it; anything else (a paste, keys queued before it showed) is dropped.
	 */
	readonly question?: 'drawing' | 'ready';
};

/** The scopes a key is looked up in, most specific first. */
export function scopesOf(state: KeyState): readonly Scope[] {
	if (state.question) {
		return ['question'];
	}

	if (state.nav.command !== undefined) {
		return ['command line'];
	}

	if (state.nav.filtering) {
		return ['filter line'];
	}

	if (state.nav.help) {
		return ['help'];
	}

	if (state.nav.log?.searching) {
		return ['log search'];
	}

	if (state.nav.log) {
		return ['log'];
	}

	return [state.nav.focus, 'anywhere'];
}

/** Control characters inside a chunk, named as their keys. */
const chunkKeys: Readonly<Record<string, string>> = {
	'\r': 'enter',
	'\n': 'enter',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u001B': 'escape',
};

/** Text a key can add to a typed line: control characters never get in. */
export function printable(text: string): string {
	return text.replaceAll(/\p{Cc}/gv, '');
}

/** What one key means in the state the screen is in. */
function intentsOf(name: string, state: KeyState): readonly Intent[] {
	if (name === 'ctrl-c') {
		return [{type: 'quit'}];
	}

	const scopes = scopesOf(state);
	if (state.question) {
		// Any key but y keeps things as they are.
		return [{type: 'answer', input: name}];
	}

	const line = state.nav.command ?? state.nav.filter;
	const binding = bindingFor(name, scopes);
	if (binding) {
		return binding.intents(name, line);
	}

	const text = name.length === 1 ? printable(name) : '';
	if (text === '') {
		return [];
	}

	if (scopes[0] === 'command line') {
		return [{type: 'navigate', action: {type: 'commandInput', text}}];
	}

	if (scopes[0] === 'filter line') {
		return [{type: 'navigate', action: {type: 'filterInput', text}}];
	}

	if (scopes[0] === 'log search') {
		return [
			{
				type: 'navigate',
				action: {type: 'log', action: {type: 'searchInput', text}},
			},
		];
	}

	return [];
}

/** Ends the chunk: after these, no later key of the same chunk may act. */
const endsChunk = new Set<Intent['type']>(['cancel', 'answer', 'quit']);

/**
 * What one piece of input asks for. Ink hands keys typed faster than a frame, and pastes, over as
 * one chunk ("z3", "/etl\r"): each character counts in turn, in the mode the ones before it left
 * (a `/` makes the rest filter text). A chunk never answers a question, and nothing in a chunk
 * after a cancel (which asks one) acts: a paste cannot confirm what it asked.
 */
export function keyIntents(
	input: string,
	key: KeyFlags,
	state: KeyState,
): Intent[] {
	const named = keyName(input, key);
	if (named === undefined) {
		return [];
	}

	if (input.length <= 1 || named !== input) {
		if (state.question === 'drawing') {
			return named === 'ctrl-c' ? [{type: 'quit'}] : [];
		}

		return [...intentsOf(named, state)];
	}

	if (state.question) {
		return [];
	}

	const intents: Intent[] = [];
	let {nav} = state;
	for (const char of input) {
		const these = intentsOf(chunkKeys[char] ?? char, {...state, nav});
		intents.push(...these);
		for (const intent of these) {
			if (intent.type === 'navigate') {
				nav = navigate(nav, intent.action);
			}
		}

		if (these.some(intent => endsChunk.has(intent.type))) {
			break;
		}
	}

	return intents;
}
