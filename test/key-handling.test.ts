import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {
	keyIntents,
	type KeyState,
	scopesOf,
} from '../source/ui/keys/handle-key.js';
import type {Intent} from '../source/ui/keys/intents.js';
import {keyBindings, keysLabel} from '../source/ui/keys/key-bindings.js';
import type {KeyFlags} from '../source/ui/keys/key-names.js';
import {initialNavigation, type Navigation} from '../source/ui/navigation.js';
import {hintLine, helpLines} from '../source/ui/render/key-help.js';
import {repositoryRoot} from './helpers/contracts.js';

const normal: KeyState = {nav: initialNavigation};
const inState = (nav: Partial<Navigation>): KeyState => ({
	nav: {...initialNavigation, ...nav},
});

/** Ink's description of a key: a named key sets its flag; printable keys set none. */
const flags: Readonly<Record<string, [string, KeyFlags]>> = {
	enter: ['\r', {return: true}],
	escape: ['', {escape: true, meta: true}],
	tab: ['\t', {tab: true}],
	'shift-tab': ['', {tab: true, shift: true}],
	up: ['', {upArrow: true}],
	left: ['', {leftArrow: true}],
	right: ['', {rightArrow: true}],
	down: ['', {downArrow: true}],
	pageup: ['', {pageUp: true}],
	pagedown: ['', {pageDown: true}],
	home: ['', {home: true}],
	end: ['', {end: true}],
	backspace: ['', {backspace: true}],
	delete: ['', {delete: true}],
	'ctrl-c': ['c', {ctrl: true}],
};

function press(name: string, state: KeyState = normal): Intent[] {
	const [input, key] = flags[name] ?? [name, {}];
	return keyIntents(input, key, state);
}

const navigations = (intents: readonly Intent[]) =>
	intents.map(intent =>
		intent.type === 'navigate' ? intent.action : {effect: intent.type},
	);

/** A state whose key scopes start with the binding's scope. */
function stateFor(scope: string): KeyState {
	switch (scope) {
		case 'help': {
			return inState({help: true});
		}

		case 'filter line': {
			return inState({filtering: true});
		}

		case 'command line': {
			return inState({command: 'st 7'});
		}

		case 'question': {
			return {nav: initialNavigation, question: 'ready'};
		}

		case 'anywhere':
		case 'runs': {
			return normal;
		}

		default: {
			return inState({focus: scope as Navigation['focus']});
		}
	}
}

describe('the key table drives the keys', () => {
	test('every binding does what the table says, in its scope', () => {
		for (const binding of keyBindings) {
			const state = stateFor(binding.scope);
			const scopes = scopesOf(state);
			for (const key of binding.keys) {
				// A pane's own binding for the key wins over the one for anywhere.
				const owner = scopes.find(scope =>
					keyBindings.some(
						item => item.scope === scope && item.keys.includes(key),
					),
				);
				if (owner !== binding.scope) {
					continue;
				}

				const line = state.nav.command ?? state.nav.filter;
				assert.deepEqual(
					press(key, state),
					binding.intents(key, line),
					`${key} in ${binding.scope}`,
				);
			}
		}
	});

	test('keys faster than a frame arrive as one chunk and each counts, in order', () => {
		assert.deepEqual(navigations(keyIntents('z3', {}, normal)), [
			{type: 'toggle', what: 'zoom'},
			{type: 'focus', pane: 'statements'},
		]);
		assert.deepEqual(navigations(keyIntents('/et\u0007l\r', {}, normal)), [
			{type: 'filterStart'},
			{type: 'filterInput', text: 'e'},
			{type: 'filterInput', text: 't'},
			{type: 'filterInput', text: 'l'},
			{type: 'filterDone'},
		]);
		assert.deepEqual(
			keyIntents(':st 7\r', {}, normal).at(-1),
			{type: 'command', text: 'st 7'},
			'the : line takes the rest of the chunk and runs on Enter',
		);
	});

	test('a paste never confirms what it asks: nothing after c in a chunk acts, and a question takes only single keys typed once it shows', () => {
		assert.deepEqual(keyIntents('cy', {}, normal), [{type: 'cancel'}]);
		assert.deepEqual(keyIntents('jcyy', {}, normal).at(-1), {type: 'cancel'});
		const drawing: KeyState = {nav: initialNavigation, question: 'drawing'};
		assert.deepEqual(press('y', drawing), [], 'typed before it showed');
		assert.deepEqual(press('ctrl-c', drawing), [{type: 'quit'}]);
		const ready: KeyState = {nav: initialNavigation, question: 'ready'};
		assert.deepEqual(press('y', ready), [{type: 'answer', input: 'y'}]);
		assert.deepEqual(press('Y', ready), [{type: 'answer', input: 'Y'}]);
		assert.deepEqual(keyIntents('yes', {}, ready), [], 'a pasted answer');
	});

	test('typed lines take printable text only; Esc leaves them', () => {
		assert.deepEqual(
			keyIntents('[2J', {meta: true}, inState({command: ''})),
			[],
			'an escape sequence Ink does not know (it strips the ESC and sets meta) types nothing',
		);
		assert.deepEqual(
			navigations(press('q', inState({filtering: true}))),
			[{type: 'filterInput', text: 'q'}],
			'q is typed into the filter, not a quit',
		);
		assert.deepEqual(navigations(press('ctrl-c', inState({filtering: true}))), [
			{effect: 'quit'},
		]);
	});

	test('the help takes its own keys: it scrolls, closes, and q still quits', () => {
		const help = inState({help: true});
		assert.deepEqual(navigations(press('j', help)), [{type: 'move', delta: 1}]);
		assert.deepEqual(navigations(press('escape', help)), [{type: 'back'}]);
		assert.deepEqual(navigations(press('q', help)), [{effect: 'quit'}]);
		assert.deepEqual(press('c', help), [], 'no cancel from under the help');
	});
});

describe('help and hints come from the table', () => {
	test('the help lists every binding; mutating ones say they are off when read-only', () => {
		const text = helpLines(false)
			.map(line => line.map(part => part.text).join(''))
			.join('\n');
		for (const binding of keyBindings) {
			assert.ok(text.includes(binding.does), binding.does);
		}

		assert.match(text, /cancel the selected run .*\(off: read-only\)/v);
	});

	test('the hint line fits its width and always keeps ? and q', () => {
		for (const width of [40, 60, 80, 100, 200]) {
			const hints = hintLine(scopesOf(normal), false, width);
			assert.ok(hints.length <= Math.max(width, 20), `${width}: ${hints}`);
			assert.match(hints, /\?:help {2}q:quit$/v);
		}

		assert.match(hintLine(scopesOf(normal), true, 200), /c:cancel/v);
		assert.doesNotMatch(hintLine(scopesOf(normal), false, 200), /c:cancel/v);
		assert.match(
			hintLine(scopesOf(inState({focus: 'statements'})), false, 200),
			/y:copy code/v,
		);
		assert.match(
			hintLine(scopesOf(inState({help: true})), false, 80),
			/Esc:close/v,
		);
	});

	test("the README's key table lists every binding", () => {
		const readme = readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
		const [, table = ''] = readme.split('### Keys');
		for (const binding of keyBindings) {
			const keys = binding.keys.map(
				key => `\`${keysLabel({...binding, keys: [key]})}\``,
			);
			assert.ok(
				keys.every(key => table.includes(key)),
				`README lacks the keys of "${binding.does}" (${keys.join(' ')})`,
			);
		}
	});
});
