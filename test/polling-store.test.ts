import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ProviderError} from '../source/http/provider-error.js';
import {PollingStore} from '../source/store/polling-store.js';
import type {ResourceSpec} from '../source/store/resource-snapshot.js';
import {FakeClock, settle} from './helpers/fake-clock.js';

type Loader<T> = {
	spec: ResourceSpec<T>;
	calls: number;
	signals: AbortSignal[];
};

function loader<T>(
	key: string,
	produce: (call: number) => Promise<T> | T,
	isSettled?: (data: T) => boolean,
): Loader<T> {
	const state: Loader<T> = {
		calls: 0,
		signals: [],
		spec: {
			key,
			async load(signal) {
				state.calls++;
				state.signals.push(signal);
				return produce(state.calls);
			},
			isSettled,
		},
	};
	return state;
}

function makeStore(clock: FakeClock, random = () => 0.5) {
	return new PollingStore({
		clock,
		intervalMs: 1000,
		backoff: {baseMs: 1000, capMs: 16_000},
		random,
		slowMs: 300,
	});
}

function throttled(retryAfterMs?: number): ProviderError {
	return new ProviderError({
		kind: 'http',
		provider: 'livy',
		operation: 'listSessions',
		status: 429,
		message: 'too many requests',
		retryAfterMs,
	});
}

describe('polling store', () => {
	test('loads on subscribe and polls again at the interval', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		const runs = loader('runs', call => [call]);
		store.subscribe(runs.spec, () => undefined);
		await settle();
		assert.equal(runs.calls, 1);
		assert.deepEqual(store.getSnapshot('runs').data, [1]);
		await clock.advance(999);
		assert.equal(runs.calls, 1);
		await clock.advance(1);
		assert.equal(runs.calls, 2);
		assert.deepEqual(store.getSnapshot('runs').data, [2]);
	});

	test('a prefetch asks before anyone watches, a view that comes shares its request, and it stops at the first answer', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		let answer: (runs: number[]) => void = () => undefined;
		const runs = loader(
			'runs',
			async () =>
				new Promise<number[]>(resolve => {
					answer = resolve;
				}),
		);
		store.prefetch(runs.spec);
		await settle();
		assert.equal(runs.calls, 1, 'asked with no view watching');
		const unsubscribe = store.subscribe(runs.spec, () => undefined);
		await settle();
		assert.equal(runs.calls, 1, 'the view shares the request in flight');
		answer([1]);
		await settle();
		assert.deepEqual(store.getSnapshot('runs').data, [1]);
		unsubscribe();
		await clock.advance(5000);
		assert.equal(
			runs.calls,
			1,
			'nobody watches after the first answer: no more polls',
		);
	});

	test('does not poll settled data again until refreshed, even while paused', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		const run = loader(
			'run',
			() => ({state: 'succeeded'}),
			data => data.state === 'succeeded',
		);
		store.subscribe(run.spec, () => undefined);
		await clock.advance(10_000);
		assert.equal(run.calls, 1);
		assert.equal(store.getSnapshot('run').settled, true);
		store.setPaused(true);
		store.refresh();
		await settle();
		assert.equal(run.calls, 2);
	});

	test('keeps one request in flight per key: polls never stack, a refresh replaces it', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		let release: (value: number) => void = () => undefined;
		const slow = loader(
			'slow',
			async () =>
				new Promise<number>(resolve => {
					release = resolve;
				}),
		);
		store.subscribe(slow.spec, () => undefined);
		store.subscribe(slow.spec, () => undefined);
		await clock.advance(5000);
		assert.equal(slow.calls, 1);
		store.refresh();
		assert.equal(slow.calls, 2);
		assert.equal(slow.signals[0]?.aborted, true);
		release(1);
		await settle();
		assert.equal(store.getSnapshot('slow').data, 1);
		await clock.advance(1000);
		assert.equal(slow.calls, 3);
	});

	test('aborts the request and stops polling when the last view leaves', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		const hanging = loader(
			'hanging',
			async () =>
				new Promise<number>(() => {
					// Never settles: the request hangs until it is aborted.
				}),
		);
		const unsubscribe = store.subscribe(hanging.spec, () => undefined);
		await settle();
		assert.equal(hanging.signals[0]?.aborted, false);
		unsubscribe();
		assert.equal(hanging.signals[0]?.aborted, true);
		await clock.advance(60_000);
		assert.equal(hanging.calls, 1);
		assert.equal(clock.pending(), 0);
	});

	test('keeps the last good data on failure and backs off exponentially up to the cap', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock, () => 1);
		const flaky = loader('flaky', call => {
			if (call === 1) {
				return ['good'];
			}

			throw new ProviderError({
				kind: 'network',
				provider: 'livy',
				operation: 'listSessions',
				message: 'connection refused',
			});
		});
		store.subscribe(flaky.spec, () => undefined);
		await settle();
		const attemptTimes: number[] = [];
		let seen = flaky.calls;
		for (let step = 0; step < 100 && attemptTimes.length < 7; step++) {
			await clock.advance(500);
			if (flaky.calls !== seen) {
				seen = flaky.calls;
				attemptTimes.push(clock.now());
			}
		}

		const gaps = attemptTimes
			.slice(1)
			.map((time, index) => time - attemptTimes[index]!);
		// With random() = 1 the jittered delay is the full ceiling: 1 s, 2 s, 4 s, 8 s, then the 16 s cap.
		assert.deepEqual(gaps, [1000, 2000, 4000, 8000, 16_000, 16_000]);
		const snapshot = store.getSnapshot<string[]>('flaky');
		assert.deepEqual(snapshot.data, ['good']);
		assert.equal(snapshot.error?.message, 'connection refused');
		assert.ok(snapshot.failures >= 6);
		assert.equal(store.getStatus().errors[0]?.key, 'flaky');
	});

	test('jitter keeps delays between half and all of the ceiling', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock, () => 0);
		const failing = loader('failing', () => {
			throw new Error('boom');
		});
		store.subscribe(failing.spec, () => undefined);
		await settle();
		const {nextAttemptAt, errorAt} = store.getSnapshot('failing');
		assert.equal(nextAttemptAt! - errorAt!, 500);
		assert.match(store.getSnapshot('failing').error!.message, /boom/v);
	});

	test('throttling without Retry-After starts a step further back than other failures', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock, () => 1);
		const limited = loader('limited', () => {
			throw throttled();
		});
		store.subscribe(limited.spec, () => undefined);
		await settle();
		const {nextAttemptAt, errorAt} = store.getSnapshot('limited');
		assert.equal(nextAttemptAt! - errorAt!, 2000);
	});

	test('honours Retry-After when the server asks for longer than the backoff', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		const limited = loader('limited', call => {
			if (call === 1) {
				throw throttled(30_000);
			}

			return 'ok';
		});
		store.subscribe(limited.spec, () => undefined);
		await settle();
		await clock.advance(29_999);
		assert.equal(limited.calls, 1);
		await clock.advance(1);
		assert.equal(limited.calls, 2);
		assert.equal(store.getSnapshot('limited').data, 'ok');
		assert.equal(store.getSnapshot('limited').error, undefined);
	});

	test('an unchanged poll keeps the snapshot object and notifies nobody', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		const stable = loader('stable', () => ({
			runs: [{id: '1', state: 'running'}],
		}));
		let notified = 0;
		store.subscribe(stable.spec, () => {
			notified++;
		});
		await settle();
		const first = store.getSnapshot('stable');
		const afterFirst = notified;
		await clock.advance(5000);
		assert.equal(stable.calls, 6);
		assert.equal(store.getSnapshot('stable'), first);
		assert.equal(notified, afterFirst);
	});

	test('tells views about a slow request only after it has been in flight a while', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		let release: () => void = () => undefined;
		const slowSecond = loader('slow-second', async call =>
			call === 1
				? 1
				: new Promise<number>(resolve => {
						release = () => {
							resolve(call);
						};
					}),
		);
		store.subscribe(slowSecond.spec, () => undefined);
		await clock.advance(1000);
		assert.equal(store.getSnapshot('slow-second').loading, false);
		await clock.advance(300);
		assert.equal(store.getSnapshot('slow-second').loading, true);
		assert.equal(store.getStatus().loading, true);
		release();
		await settle();
		assert.equal(store.getSnapshot('slow-second').loading, false);
		assert.equal(store.getSnapshot('slow-second').data, 2);
	});

	test('pause stops polling and resume picks it up again', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		const ticking = loader('ticking', call => call);
		store.subscribe(ticking.spec, () => undefined);
		await settle();
		store.setPaused(true);
		assert.equal(store.getStatus().paused, true);
		await clock.advance(10_000);
		assert.equal(ticking.calls, 1);
		store.setPaused(false);
		await settle();
		assert.equal(ticking.calls, 2);
		await clock.advance(1000);
		assert.equal(ticking.calls, 3);
	});

	test('a view coming back gets the cached data at once and polls when it is due', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		const cached = loader('cached', call => call);
		const leave = store.subscribe(cached.spec, () => undefined);
		await settle();
		leave();
		await clock.advance(400);
		store.subscribe(cached.spec, () => undefined);
		assert.equal(store.getSnapshot('cached').data, 1);
		await settle();
		assert.equal(cached.calls, 1);
		await clock.advance(600);
		assert.equal(cached.calls, 2);
	});

	test('an error the spec calls final stops polling, keeps the data, and is not counted as failing', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		const gone = new ProviderError({
			kind: 'http',
			provider: 'livy',
			operation: 'listStatements',
			status: 400,
			message: "requirement failed: Session isn't active.",
		});
		const statements = loader('statements', call => {
			if (call === 1) {
				return ['#0'];
			}

			throw gone;
		});
		store.subscribe(
			{...statements.spec, isFinal: error => error.status === 400},
			() => undefined,
		);
		await clock.advance(1000);
		assert.equal(statements.calls, 2);
		const snapshot = store.getSnapshot<string[]>('statements');
		assert.deepEqual(snapshot.data, ['#0']);
		assert.equal(snapshot.error, gone);
		assert.equal(snapshot.settled, true);
		assert.deepEqual(store.getStatus().errors, []);
		await clock.advance(600_000);
		assert.equal(statements.calls, 2);
	});

	test("the screen's age is its oldest answer: a failing key holds it back, a local answer cannot advance it", async () => {
		const clock = new FakeClock(5000);
		const store = makeStore(clock);
		let serverUp = true;
		store.subscribe(
			loader('runs', () => {
				if (!serverUp) {
					throw new ProviderError({
						kind: 'network',
						provider: 'livy',
						operation: 'listSessions',
						message: 'connection refused',
					});
				}

				return 1;
			}).spec,
			() => undefined,
		);
		// Answered locally, instantly, every poll (a run without a Spark UI).
		store.subscribe(loader('progress', () => 'none').spec, () => undefined);
		await settle();
		assert.equal(store.getStatus().updatedAt, 5000);
		await clock.advance(1000);
		assert.equal(store.getStatus().updatedAt, 6000);
		serverUp = false;
		await clock.advance(10_000);
		assert.equal(store.getStatus().updatedAt, 6000, 'stuck at the last answer');
		assert.equal(store.getStatus().errors.length, 1);
	});

	test('a request that hangs longer than the interval is late at once, and r abandons it for a fresh one', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		let hang = true;
		const runs = loader('runs', async () => {
			if (hang) {
				return new Promise(() => {
					// Never answers.
				});
			}

			return 'fresh';
		});
		store.subscribe(runs.spec, () => undefined);
		await clock.advance(999);
		assert.equal(store.getStatus().lateSince, undefined);
		await clock.advance(1);
		assert.equal(
			store.getStatus().lateSince,
			1_000_000,
			'late after one interval',
		);
		hang = false;
		store.refresh();
		await settle();
		assert.equal(
			runs.signals[0]?.aborted,
			true,
			'the hanging request was abandoned',
		);
		assert.equal(runs.calls, 2);
		assert.equal(store.getSnapshot('runs').data, 'fresh');
		assert.equal(store.getStatus().lateSince, undefined);
	});

	test('after a fault ends, data is fresh within one interval plus one short backoff step', async () => {
		const clock = new FakeClock();
		const store = new PollingStore({clock, intervalMs: 3000, random: () => 1});
		let failing = true;
		const runs = loader('runs', () => {
			if (failing) {
				throw throttled();
			}

			return 'ok';
		});
		store.subscribe(runs.spec, () => undefined);
		await clock.advance(600_000);
		const failures = runs.calls;
		// Ten minutes of failures cost no more than one request every five seconds.
		assert.ok(failures <= 600 / 5 + 2, `${failures} requests`);
		failing = false;
		const endedAt = clock.now();
		for (;;) {
			await clock.advance(100);
			if (store.getSnapshot('runs').data === 'ok') {
				break;
			}
		}

		assert.ok(
			clock.now() - endedAt <= 3000 + 5000,
			`${clock.now() - endedAt} ms`,
		);
	});

	test('a first load abandoned by leaving the view is no attempt: coming back loads at once', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		const runs = loader('runs', async call =>
			call === 1
				? new Promise(() => {
						// Never answers.
					})
				: 'loaded',
		);
		const leave = store.subscribe(runs.spec, () => undefined);
		await settle();
		leave();
		store.subscribe(runs.spec, () => undefined);
		await settle();
		assert.equal(runs.calls, 2);
		assert.equal(store.getSnapshot('runs').data, 'loaded');
	});

	test('a refresh during a poll is not dropped; after dispose nothing is in flight and nobody is told', async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		let release: (value: string) => void = () => undefined;
		const runs = loader(
			'runs',
			async call =>
				new Promise<string>(resolve => {
					release = resolve;
					if (call === 2) {
						resolve('after cancel');
					}
				}),
		);
		let told = 0;
		store.subscribe(runs.spec, () => {
			told++;
		});
		await settle();
		const first = release;
		store.refresh();
		await settle();
		first('before cancel');
		await settle();
		assert.equal(store.getSnapshot('runs').data, 'after cancel');
		assert.equal(
			runs.signals[0]?.aborted,
			true,
			'the poll the refresh replaced was aborted',
		);
		assert.equal(
			runs.signals[1]?.aborted,
			false,
			'an answered poll is let go, not aborted',
		);
		store.dispose();
		const asked = runs.signals.length;
		const before = told;
		release('late');
		await clock.advance(10_000);
		assert.equal(told, before);
		assert.equal(runs.signals.length, asked, 'nothing is asked after dispose');
		assert.equal(clock.pending(), 0, 'no timers left');
	});

	test("an action's timeout runs on the store's clock", async () => {
		const clock = new FakeClock();
		const store = makeStore(clock);
		let seen: AbortSignal | undefined;
		const outcome = store.act({
			label: 'cancel batch 1',
			refreshKeys: [],
			async perform(signal) {
				seen = signal;
				return new Promise((_resolve, reject) => {
					signal.addEventListener('abort', () => {
						reject(signal.reason as Error);
					});
				});
			},
		});
		await clock.advance(59_999);
		assert.equal(seen?.aborted, false);
		await clock.advance(1);
		const error = await outcome;
		assert.match(error?.summary() ?? '', /no answer within 60s/v);
	});
});
