import {useEffect, useRef, useState} from 'react';
import type {ActionOffer, Action} from '../store/actions.js';
import type {PollingStore} from '../store/polling-store.js';
import type {Tone} from './render/line.js';

/** A line for the bottom row: how an action went, or why it could not be offered. */
export type Notice = {
	readonly text: string;
	readonly tone: Tone;
	readonly at: number;
};

/** How long a question is on screen before a key can answer it: longer than a frame takes to reach the terminal. */
export const questionReadyMs = 100;

/**
 * The y/N step in front of every mutating action, and the notice of how it went. A question is
 * `drawing` from when it is asked until it has been on screen for `readyAfterMs`; only then can a
 * key answer it, so keys queued before it (or pasted with the key that asked) never do.
 */
export function useActionPrompt(
	store: PollingStore,
	readyAfterMs = questionReadyMs,
) {
	const [pending, setPending] = useState<Action>();
	const [ready, setReady] = useState(false);
	const pendingRef = useRef<Action>(undefined);
	const readyRef = useRef(false);
	const [notice, setNotice] = useState<Notice>();
	const say = (text: string, tone: Tone) => {
		setNotice({text, tone, at: store.now()});
	};

	const ask = (action: Action | undefined) => {
		pendingRef.current = action;
		readyRef.current = false;
		setPending(action);
		setReady(false);
	};

	// Runs once the question has been committed to the screen.
	useEffect(() => {
		if (!pending) {
			return;
		}

		const arm = () => {
			readyRef.current = true;
			setReady(true);
		};

		if (readyAfterMs <= 0) {
			arm();
			return;
		}

		const timer = setTimeout(arm, readyAfterMs);
		return () => {
			clearTimeout(timer);
		};
	}, [pending, readyAfterMs]);

	return {
		pending,
		ready,
		notice,
		say,
		/** The question as key handling sees it, ahead of the last frame. */
		get question(): 'drawing' | 'ready' | undefined {
			if (!pendingRef.current) {
				return undefined;
			}

			return readyRef.current ? 'ready' : 'drawing';
		},
		offer(offer: ActionOffer) {
			if (offer.ok) {
				ask(offer.action);
			} else {
				say(offer.reason, 'waiting');
			}
		},
		/** `y` carries the pending action out; any other key keeps things as they are. */
		answer(input: string) {
			const action = pendingRef.current;
			if (!action || !readyRef.current) {
				return;
			}

			ask(undefined);
			if (input !== 'y') {
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
