/** A drawing function as Ink throttles it: calls ask for a frame; flush draws a pending one now. */
export type ScheduledDraw<Arguments extends unknown[] = unknown[]> = ((
	...arguments_: Arguments
) => void) & {flush(): void; cancel(): void};

export type FrameTimers = {
	readonly now: () => number;
	readonly setTimeout: (callback: () => void, ms: number) => unknown;
	readonly clearTimeout: (timer: unknown) => void;
	readonly queueMicrotask: (callback: () => void) => void;
};

const systemTimers: FrameTimers = {
	now: () => performance.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout(timer) {
		clearTimeout(timer as NodeJS.Timeout);
	},
	queueMicrotask(callback) {
		queueMicrotask(callback);
	},
};

const nothingPending = () => undefined;

/** Updates that arrive this close together (one frame at 60 Hz) are drawn as one frame. */
export const coalesceMs = 16;

const schedulers = new Set<{inputArrived(): void}>();

/** A key (or paste) was read: the frame it causes is drawn at once, not at the next frame slot. */
export function inputArrived(): void {
	for (const scheduler of schedulers) {
		scheduler.inputArrived();
	}
}

/**
 * Replaces Ink's render throttle (lodash-style `throttle(draw, ms, {leading, trailing})`).
 * What a key causes is drawn as soon as the key's updates are done (a microtask later), whatever
 * the throttle would say. Anything else (a poll's answer, a clock tick) waits `coalesceMs`, or
 * until `frameMs` after the last frame, so what arrives together is drawn once and background
 * frames stay at most one per `frameMs`. Ink's log writer is throttled with no wait: it is
 * called only from a drawn frame, so it runs at once.
 */
export function frameThrottle<Arguments extends unknown[]>(
	draw: (...arguments_: Arguments) => void,
	frameMs?: number,
	_options?: unknown,
	timers: FrameTimers = systemTimers,
): ScheduledDraw<Arguments> {
	if (!frameMs) {
		return Object.assign(
			(...arguments_: Arguments) => {
				draw(...arguments_);
			},
			{flush: nothingPending, cancel: nothingPending},
		);
	}

	let pending = false;
	let timer: unknown;
	let urgent = false;
	let inputSinceDraw = false;
	let lastDrawAt = Number.NEGATIVE_INFINITY;

	const stopTimer = () => {
		if (timer !== undefined) {
			timers.clearTimeout(timer);
			timer = undefined;
		}
	};

	const drawNow = () => {
		stopTimer();
		pending = false;
		inputSinceDraw = false;
		lastDrawAt = timers.now();
		// Ink's render throttle calls with no arguments.
		draw(...([] as unknown[] as Arguments));
	};

	const scheduler = {
		inputArrived() {
			inputSinceDraw = true;
		},
	};
	schedulers.add(scheduler);

	const request = () => {
		pending = true;
		// The first frame, like a key's, is drawn at once: start-up waits for nothing.
		if (inputSinceDraw || lastDrawAt === Number.NEGATIVE_INFINITY) {
			stopTimer();
			if (!urgent) {
				urgent = true;
				timers.queueMicrotask(() => {
					urgent = false;
					if (pending) {
						drawNow();
					}
				});
			}

			return;
		}

		if (timer === undefined && !urgent) {
			const wait = Math.max(coalesceMs, lastDrawAt + frameMs - timers.now());
			timer = timers.setTimeout(drawNow, wait);
		}
	};

	return Object.assign(request as ScheduledDraw<Arguments>, {
		flush() {
			if (pending) {
				drawNow();
			}
		},
		cancel() {
			stopTimer();
			pending = false;
			schedulers.delete(scheduler);
		},
	});
}
