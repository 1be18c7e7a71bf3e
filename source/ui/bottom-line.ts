import type {KeyedError} from '../store/resource-snapshot.js';
import type {Action} from '../store/actions.js';
import type {Tone} from './render/line.js';
import type {Notice} from './use-action-prompt.js';

/** How long an action's notice stays on the bottom line. */
export const noticeMs = 6000;

export type BottomLine = {
	readonly text: string;
	readonly tone: Tone;
	readonly bold?: boolean;
};

/**
 * The bottom row says the most pressing thing: the `:` line being typed, then a y/N question,
 * then the newest of a fresh notice and the flashing error, else the key hints.
 */
export function bottomLine(state: {
	readonly command?: string;
	readonly pending?: Action;
	readonly notice?: Notice;
	readonly flash?: KeyedError;
	/** The key hints for where the keys go now. */
	readonly hints: string;
	readonly now: number;
}): BottomLine {
	const {command, pending, notice, flash} = state;
	if (command !== undefined) {
		return {text: `:${command}█`, tone: 'accent', bold: true};
	}

	if (pending) {
		return {
			text: `${pending.label}? y to confirm, any other key keeps it`,
			tone: 'waiting',
			bold: true,
		};
	}

	if (
		notice &&
		state.now - notice.at < noticeMs &&
		(!flash || notice.at >= flash.at)
	) {
		return notice;
	}

	if (flash) {
		return {text: `✖ ${flash.error.summary()}`, tone: 'bad'};
	}

	return {text: state.hints, tone: 'muted'};
}
