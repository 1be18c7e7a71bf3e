import {useRef, useState} from 'react';
import type {ActionOffer, Action} from '../store/actions.js';
import type {PollingStore} from '../store/polling-store.js';
import type {Tone} from './render/line.js';

/** A line for the bottom row: how an action went, or why it could not be offered. */
export type Notice = {
	readonly text: string;
	readonly tone: Tone;
	readonly at: number;
};

/**
 * The y/N step in front of every mutating action, and the notice of how it went.
 * The pending action is mirrored in a ref so the very next key, even in the same chunk, sees it.
 */
export function useActionPrompt(store: PollingStore) {
	const [pending, setPending] = useState<Action>();
	const pendingRef = useRef<Action>(undefined);
	const [notice, setNotice] = useState<Notice>();
	const say = (text: string, tone: Tone) => {
		setNotice({text, tone, at: store.now()});
	};

	const ask = (action: Action | undefined) => {
		pendingRef.current = action;
		setPending(action);
	};

	return {
		pending,
		notice,
		say,
		get asking() {
			return pendingRef.current !== undefined;
		},
		offer(offer: ActionOffer) {
			if (offer.ok) {
				ask(offer.action);
			} else {
				say(offer.reason, 'waiting');
			}
		},
		/** Y carries the pending action out; any other key keeps things as they are. */
		answer(input: string) {
			const action = pendingRef.current;
			ask(undefined);
			if (!action) {
				return;
			}

			if (input !== 'y' && input !== 'Y') {
				say(`kept: did not ${action.label}`, 'muted');
				return;
			}

			say(`${action.label}…`, 'muted');
			void store.act(action).then(error => {
				say(
					error
						? `✖ ${action.label} failed: ${error.summary()}`
						: `✔ ${action.label}: requested`,
					error ? 'bad' : 'ok',
				);
			});
		},
	};
}
