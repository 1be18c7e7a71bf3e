import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	coalesceMs,
	type FrameTimers,
	frameThrottle,
	inputArrived,
} from '../source/terminal/frame-scheduler.js';

/** Timers on a hand-moved clock; microtasks run when the test says so. */
function fakeTimers() {
	let now = 1000;
	let timers: Array<{at: number; callback: () => void}> = [];
	let microtasks: Array<() => void> = [];
	const api: FrameTimers = {
		now: () => now,
		setTimeout(callback, ms) {
			const timer = {at: now + ms, callback};
			timers.push(timer);
			return timer;
		},
		clearTimeout(timer) {
			timers = timers.filter(item => item !== timer);
		},
		queueMicrotask(callback) {
			microtasks.push(callback);
		},
	};
	const settle = () => {
		const due = microtasks;
		microtasks = [];
		for (const callback of due) {
			callback();
		}
	};

	return {
		api,
		settle,
		advance(ms: number) {
			settle();
			const until = now + ms;
			for (;;) {
				const next = timers
					.filter(timer => timer.at <= until)
					.toSorted((a, b) => a.at - b.at)[0];
				if (!next) {
					break;
				}

				timers = timers.filter(timer => timer !== next);
				now = next.at;
				next.callback();
				settle();
			}

			now = until;
		},
	};
}

function scheduled() {
	const clock = fakeTimers();
	const drawnAt: number[] = [];
	const request = frameThrottle(
		() => {
			drawnAt.push(clock.api.now());
		},
		50,
		undefined,
		clock.api,
	);
	return {clock, drawnAt, request};
}

test('the first frame is drawn at once, the updates of one moment are drawn as one frame', t => {
	const {clock, drawnAt, request} = scheduled();
	t.after(() => {
		request.cancel();
	});
	request();
	request();
	clock.settle();
	assert.deepEqual(drawnAt, [1000]);
	clock.advance(500);
	// A tick, then a list answer 5 ms later, then progress 9 ms after that: one frame.
	request();
	clock.advance(5);
	request();
	clock.advance(9);
	request();
	clock.advance(100);
	assert.deepEqual(drawnAt, [1000, 1500 + coalesceMs]);
});

test('background updates are drawn at most once a frame, the last one never lost', t => {
	const {clock, drawnAt, request} = scheduled();
	t.after(() => {
		request.cancel();
	});
	request();
	clock.settle();
	for (let ms = 0; ms < 200; ms += 5) {
		request();
		clock.advance(5);
	}

	clock.advance(100);
	const gaps = drawnAt.slice(1).map((at, index) => at - drawnAt[index]!);
	assert.ok(
		gaps.every(gap => gap >= 50),
		`frames ${gaps.join(', ')} ms apart`,
	);
	assert.ok(drawnAt.at(-1)! >= 1195, 'the last update is drawn');
});

test('a key is drawn as soon as its updates are done, not at the next frame slot', t => {
	const {clock, drawnAt, request} = scheduled();
	t.after(() => {
		request.cancel();
	});
	request();
	clock.settle();
	clock.advance(10);
	// A poll's answer asks for a frame: it would wait for the slot at 1050.
	request();
	clock.advance(2);
	inputArrived();
	// The key's update and an effect it sets off: both in one frame, drawn now.
	request();
	request();
	assert.deepEqual(drawnAt, [1000]);
	clock.settle();
	assert.deepEqual(drawnAt, [1000, 1012]);
	clock.advance(100);
	assert.deepEqual(
		drawnAt,
		[1000, 1012],
		'the pending poll frame was drawn with the key',
	);
	// Typing fast: every key its own frame, at once.
	for (let key = 0; key < 5; key++) {
		clock.advance(3);
		inputArrived();
		request();
		clock.settle();
	}

	assert.deepEqual(drawnAt.slice(2), [1115, 1118, 1121, 1124, 1127]);
});

test('flush draws a pending frame now; cancel drops it', t => {
	const {clock, drawnAt, request} = scheduled();
	t.after(() => {
		request.cancel();
	});
	request();
	clock.settle();
	request();
	request.flush();
	assert.deepEqual(drawnAt, [1000, 1000]);
	request.flush();
	assert.equal(drawnAt.length, 2, 'nothing pending, nothing drawn');
	request();
	request.cancel();
	clock.advance(100);
	assert.equal(drawnAt.length, 2);
});

test("Ink's log writer, throttled with no wait, runs at once with its argument", () => {
	const written: string[] = [];
	const log = frameThrottle((text: string) => {
		written.push(text);
	});
	log('frame');
	assert.deepEqual(written, ['frame']);
});
