import type {KeyedError} from '../store/resource-snapshot.js';
import type {Action} from '../store/actions.js';
import type {Tone} from './render/line.js';
import type {Notice} from './use-action-prompt.js';

export const hints =
	'?:help  Tab/1-4:pane  j/k:move  Enter:open  Esc:back  /:filter  l:log  z:zoom  s:sort  r:refresh  p:pause  q:quit';
const writeHints = `c:cancel  ${hints}`;

/** How long an action's notice stays on the bottom line. */
const noticeMs = 6000;

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
	readonly write: boolean;
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

	return {text: state.write ? writeHints : hints, tone: 'muted'};
}
