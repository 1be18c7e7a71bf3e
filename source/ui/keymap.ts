import type {Key} from 'ink';
import {type NavigationAction, paneIds} from './navigation.js';

/** What a key asks for: a navigation action, a movement the App sizes, or a command it carries out. */
export type KeyCommand =
	| {readonly type: 'navigate'; readonly action: NavigationAction}
	| {readonly type: 'moveBy'; readonly lines: number}
	| {readonly type: 'movePage'; readonly pages: 1 | -1}
	| {readonly type: 'moveTo'; readonly end: 'first' | 'last'}
	| {
			readonly type:
				'quit' | 'refresh' | 'pause' | 'cancel' | 'copy' | 'copyLink';
	  };

const navigateTo = (action: NavigationAction): KeyCommand => ({
	type: 'navigate',
	action,
});

/** Letter keys, as k9s and less have them. */
const letters: Readonly<Record<string, KeyCommand>> = {
	j: {type: 'moveBy', lines: 1},
	k: {type: 'moveBy', lines: -1},
	g: {type: 'moveTo', end: 'first'},
	G: {type: 'moveTo', end: 'last'},
	q: {type: 'quit'},
	r: {type: 'refresh'},
	p: {type: 'pause'},
	c: {type: 'cancel'},
	y: {type: 'copy'},
	Y: {type: 'copyLink'},
	'?': navigateTo({type: 'toggle', what: 'help'}),
	z: navigateTo({type: 'toggle', what: 'zoom'}),
	l: navigateTo({type: 'toggle', what: 'log'}),
	'/': navigateTo({type: 'filterStart'}),
	':': navigateTo({type: 'commandStart'}),
	s: navigateTo({type: 'cycleOrder'}),
};

/** Named keys, checked in order. */
const named: ReadonlyArray<readonly [(key: Key) => boolean, KeyCommand]> = [
	[key => key.downArrow, {type: 'moveBy', lines: 1}],
	[key => key.upArrow, {type: 'moveBy', lines: -1}],
	[key => key.pageDown, {type: 'movePage', pages: 1}],
	[key => key.pageUp, {type: 'movePage', pages: -1}],
	[key => key.home, {type: 'moveTo', end: 'first'}],
	[key => key.end, {type: 'moveTo', end: 'last'}],
	[key => key.return, navigateTo({type: 'drill'})],
	[key => key.escape, navigateTo({type: 'back'})],
];

/** The command a key means outside the filter line; undefined for keys that mean nothing. */
export function commandFor(input: string, key: Key): KeyCommand | undefined {
	if (key.ctrl) {
		return input === 'c' ? {type: 'quit'} : undefined;
	}

	if (key.tab) {
		return navigateTo({type: 'cycleFocus', step: key.shift ? -1 : 1});
	}

	const pane = /^[1-4]$/v.test(input) ? paneIds[Number(input) - 1] : undefined;
	if (pane) {
		return navigateTo({type: 'focus', pane});
	}

	return named.find(([matches]) => matches(key))?.[1] ?? letters[input];
}
