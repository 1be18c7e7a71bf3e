import type {NavigationAction} from '../navigation.js';

/**
 * What a key asks the App for: a change of what is shown (a navigation action, handled by the
 * reducer), or an effect the App carries out through the store or the terminal.
 */
export type Intent =
	| {readonly type: 'navigate'; readonly action: NavigationAction}
	| {readonly type: 'quit'}
	| {readonly type: 'refresh'}
	| {readonly type: 'pause'}
	/** Offers to cancel the selection; the prompt that follows asks y/N. */
	| {readonly type: 'cancel'}
	| {readonly type: 'copy'; readonly what: 'id' | 'link' | 'field'}
	/** Saves the log stream shown to a file. */
	| {readonly type: 'saveLog'}
	/** Runs the text of the `:` line. */
	| {readonly type: 'command'; readonly text: string}
	/** Completes what is typed on the `:` line. */
	| {readonly type: 'complete'}
	/** Steps through the `:` commands run before. */
	| {readonly type: 'history'; readonly step: -1 | 1}
	/** A key typed at the y/N prompt. */
	| {readonly type: 'answer'; readonly input: string};

export const navigateTo = (action: NavigationAction): Intent => ({
	type: 'navigate',
	action,
});
