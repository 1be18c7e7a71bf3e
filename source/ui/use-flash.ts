import {useEffect, useState} from 'react';
import type {KeyedError} from '../store/polling-store.js';

/** The newest error, shown for `showMs` after it happens and then cleared by itself. */
export function useFlash(
	latest: KeyedError | undefined,
	showMs = 6000,
): KeyedError | undefined {
	const [shown, setShown] = useState<KeyedError | undefined>(undefined);
	const id = latest ? `${latest.key}@${latest.at}` : undefined;
	useEffect(() => {
		if (!latest) {
			setShown(undefined);
			return;
		}

		setShown(latest);
		const timer = setTimeout(() => {
			setShown(undefined);
		}, showMs);
		return () => {
			clearTimeout(timer);
		};
	}, [id, showMs]);
	return shown;
}
