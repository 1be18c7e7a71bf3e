import {useEffect, useMemo, useState} from 'react';
import {useStore} from './store-context.js';

/**
 * What a component that shows times needs from the clock: a re-render every `everyMs` while a
 * time it shows moves at that step, and one at `at` when something it shows expires. Nothing
 * when it shows no moving time.
 */
export type ClockNeed = {readonly everyMs?: number; readonly at?: number};

/**
 * The store's clock for one component: it re-renders that component alone, as its need at the
 * current time says, and never faster than the refresh interval. Ticks fall on multiples of the
 * step, so components that share a step tick together and are drawn in one frame. The time stays
 * the same between ticks, so what is worked out from it is not worked out again for every key.
 */
export function useClock(needAt: (now: number) => ClockNeed): number {
	const store = useStore();
	const {everyMs, at} = needAt(store.now());
	const [tick, setTick] = useState(0);
	useEffect(() => {
		const now = store.now();
		const waits: number[] = [];
		if (everyMs !== undefined) {
			const every = Math.max(everyMs, store.intervalMs);
			waits.push(every - (now % every));
		}

		if (at !== undefined && at > now) {
			waits.push(at - now);
		}

		if (waits.length === 0) {
			return;
		}

		const timer = setTimeout(
			() => {
				setTick(count => count + 1);
			},
			Math.min(...waits),
		);
		return () => {
			clearTimeout(timer);
		};
	}, [store, everyMs, at, tick]);
	// eslint-disable-next-line react-hooks/exhaustive-deps
	return useMemo(() => store.now(), [store, everyMs, at, tick]);
}
