import {useEffect, useState} from 'react';

/** The current time, ticking every `everyMs`: durations and ages move without a render per frame. */
export function useNow(
	everyMs: number,
	clock: () => number = Date.now,
): number {
	const [now, setNow] = useState(clock);
	useEffect(() => {
		const timer = setInterval(() => {
			setNow(clock());
		}, everyMs);
		return () => {
			clearInterval(timer);
		};
	}, [everyMs, clock]);
	return now;
}
