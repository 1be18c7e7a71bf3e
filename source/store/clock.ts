export type TimerHandle = {readonly id: number};

/** Time and timers, injectable so the store can be tested without waiting. */
export type Clock = {
	now(): number;
	setTimeout(callback: () => void, ms: number): TimerHandle;
	clearTimeout(handle: TimerHandle): void;
};

export function systemClock(): Clock {
	const timers = new Map<number, NodeJS.Timeout>();
	let next = 0;
	return {
		now: () => Date.now(),
		setTimeout(callback, ms) {
			const id = ++next;
			const timer = setTimeout(() => {
				timers.delete(id);
				callback();
			}, ms);
			// Polling timers must never keep a finished process alive.
			timer.unref();
			timers.set(id, timer);
			return {id};
		},
		clearTimeout(handle) {
			clearTimeout(timers.get(handle.id));
			timers.delete(handle.id);
		},
	};
}
