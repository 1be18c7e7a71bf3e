import {isDeepStrictEqual} from 'node:util';
import {type ProviderError, toProviderError} from '../http/provider-error.js';
import type {Action} from './actions.js';
import {backoffDelay, type BackoffPolicy} from './backoff.js';
import type {Clock, TimerHandle} from './clock.js';
import {
	emptySnapshot,
	type ResourceSnapshot,
	type ResourceSpec,
	type StoreStatus,
} from './resource-snapshot.js';
import {performAction} from './perform-action.js';
import {
	deadlineError,
	requestDeadlineMs,
	withLatency,
} from './request-deadline.js';
import {StatusFeed} from './status-feed.js';
import type {WatchedKey} from './store-status.js';

export type PollingStoreOptions = {
	readonly clock: Clock;
	readonly intervalMs: number;
	readonly backoff?: BackoffPolicy;
	readonly random?: () => number;
	/** A request must be in flight this long before views are told (no spinner flicker on fast polls). */
	readonly slowMs?: number;
	/** Unsubscribed keys whose last data is kept for when a view comes back. */
	readonly cacheSize?: number;
};

type Entry = {
	spec: ResourceSpec<unknown>;
	snapshot: ResourceSnapshot<unknown>;
	listeners: Set<() => void>;
	timer?: TimerHandle;
	slowTimer?: TimerHandle;
	lateTimer?: TimerHandle;
	controller?: AbortController;
	/** When the request in flight was sent. */
	sentAt?: number;
	/** It has been in flight longer than the interval. */
	late?: boolean;
	/** When the last request came back (answered or failed); an aborted one does not count. */
	completedAt?: number;
	/** When the server last answered this key. */
	answeredAt?: number;
	/** How long its last few answers took. */
	latencies: number[];
	/** Gives up on a request that takes far longer than this key's answers usually do. */
	deadlineTimer?: TimerHandle;
};

export class PollingStore {
	private readonly options: Required<PollingStoreOptions>;
	private readonly entries = new Map<string, Entry>();
	private readonly status: StatusFeed;
	private disposed = false;

	constructor(options: PollingStoreOptions) {
		this.options = {
			// Recovery after a fault is at most an interval plus one short step away.
			backoff: {
				baseMs: Math.min(options.intervalMs, 1000),
				capMs: Math.max(options.intervalMs, 5000),
			},
			random: Math.random,
			slowMs: 300,
			cacheSize: 200,
			...options,
		};
		this.status = new StatusFeed({
			clock: options.clock,
			overdueAfterMs: 2 * options.intervalMs,
			watched: () => this.watched(),
		});
	}

	/** The store's clock, so ages on screen are measured by the same clock as the polls. */
	readonly now = (): number => this.options.clock.now();

	get intervalMs(): number {
		return this.options.intervalMs;
	}

	subscribe<T>(spec: ResourceSpec<T>, listener: () => void): () => void {
		const entry = this.entryFor(spec as unknown as ResourceSpec<unknown>);
		entry.listeners.add(listener);
		if (entry.listeners.size === 1) {
			this.scheduleFromLastAttempt(entry);
		}

		return () => {
			entry.listeners.delete(listener);
			if (entry.listeners.size === 0) {
				this.deactivate(entry);
			}
		};
	}

	/**
	 * Asks for `spec` now, before any view watches it, and keeps it going until its first answer:
	 * the lists are on their way while the first frame is drawn, and a view that subscribes in
	 * the meantime shares the request instead of starting its own. Settles at that first answer
	 * (or failure).
	 */
	async prefetch<T>(spec: ResourceSpec<T>): Promise<void> {
		return new Promise(resolve => {
			const stop = this.subscribe(spec, () => {
				if (!this.getSnapshot(spec.key).loading) {
					stop();
					resolve();
				}
			});
		});
	}

	/** Swaps in a newer spec for a key (a run whose state changed) without restarting its polling. */
	updateSpec<T>(spec: ResourceSpec<T>): void {
		const entry = this.entries.get(spec.key);
		if (entry) {
			entry.spec = spec as unknown as ResourceSpec<unknown>;
		}
	}

	getSnapshot<T>(key: string): ResourceSnapshot<T> {
		return (this.entries.get(key)?.snapshot ??
			emptySnapshot) as ResourceSnapshot<T>;
	}

	subscribeStatus(listener: () => void): () => void {
		return this.status.subscribe(listener);
	}

	getStatus(): StoreStatus {
		return this.status.get();
	}

	/**
	 * Polls now, settled keys included, even while paused; backoff waits are skipped, and a request
	 * still in flight (perhaps hanging) is abandoned for a fresh one.
	 */
	refresh(key?: string): void {
		for (const entry of this.entries.values()) {
			if (
				entry.listeners.size > 0 &&
				(key === undefined || entry.spec.key === key)
			) {
				this.abandon(entry);
				this.start(entry, true);
			}
		}
	}

	/**
	 * Carries out a confirmed action, then polls what it changed at once (settled keys too).
	 * Resolves to the error, if any; never rejects.
	 */
	async act(action: Action): Promise<ProviderError | undefined> {
		const error = await performAction(action, this.options.clock);
		if (error === undefined) {
			for (const key of action.refreshKeys) {
				this.refresh(key);
			}
		}

		return error;
	}

	setPaused(paused: boolean): void {
		if (paused === this.status.get().paused) {
			return;
		}

		for (const entry of this.entries.values()) {
			this.clearTimer(entry);
		}

		this.status.refresh(paused);
		if (!paused) {
			for (const entry of this.entries.values()) {
				if (entry.listeners.size > 0) {
					this.scheduleFromLastAttempt(entry);
				}
			}
		}
	}

	/** Stops everything: requests in flight are aborted, and nobody is told anything after this. */
	dispose(): void {
		this.disposed = true;
		for (const entry of this.entries.values()) {
			this.abandon(entry);
			this.clearTimer(entry);
			entry.listeners.clear();
		}

		this.entries.clear();
		this.status.dispose();
	}

	private entryFor(spec: ResourceSpec<unknown>): Entry {
		const existing = this.entries.get(spec.key);
		if (existing) {
			existing.spec = spec;
			// Refresh recency so the cache keeps what was used last.
			this.entries.delete(spec.key);
			this.entries.set(spec.key, existing);
			return existing;
		}

		const entry: Entry = {
			spec,
			snapshot: emptySnapshot,
			listeners: new Set(),
			latencies: [],
		};
		this.entries.set(spec.key, entry);
		this.trimCache();
		return entry;
	}

	private deactivate(entry: Entry): void {
		this.clearTimer(entry);
		if (entry.controller) {
			// An abandoned request is no attempt: coming back loads at once.
			this.abandon(entry);
			this.setSnapshot(entry, {...entry.snapshot, loading: false});
		}

		this.refreshStatus();
		this.trimCache();
	}

	/** Forgets the request in flight, if any; its answer, when it comes, is ignored. */
	private abandon(entry: Entry): void {
		entry.controller?.abort();
		this.release(entry);
	}

	/** Forgets a request and its timers. */
	private release(entry: Entry): void {
		entry.controller = undefined;
		entry.sentAt = undefined;
		entry.late = false;
		this.clearTimer(entry, 'slowTimer');
		this.clearTimer(entry, 'lateTimer');
		this.clearTimer(entry, 'deadlineTimer');
	}

	private scheduleFromLastAttempt(entry: Entry): void {
		if (entry.snapshot.settled) {
			return;
		}

		const {nextAttemptAt} = entry.snapshot;
		const due =
			nextAttemptAt ??
			(entry.completedAt === undefined
				? 0
				: entry.completedAt + this.options.intervalMs);
		this.schedule(entry, due - this.options.clock.now());
	}

	private schedule(entry: Entry, delayMs: number): void {
		this.clearTimer(entry);
		if (
			this.disposed ||
			this.status.get().paused ||
			entry.listeners.size === 0
		) {
			return;
		}

		if (delayMs <= 0) {
			this.start(entry, false);
			return;
		}

		entry.timer = this.options.clock.setTimeout(() => {
			entry.timer = undefined;
			this.start(entry, false);
		}, delayMs);
	}

	private start(entry: Entry, manual: boolean): void {
		// One request in flight per key.
		if (
			entry.controller !== undefined ||
			this.disposed ||
			(this.status.get().paused && !manual)
		) {
			return;
		}

		this.clearTimer(entry);
		const controller = new AbortController();
		entry.controller = controller;
		entry.sentAt = this.options.clock.now();
		// A request that takes longer than the interval makes the data late, whatever it ends in.
		entry.lateTimer = this.options.clock.setTimeout(() => {
			entry.lateTimer = undefined;
			entry.late = true;
			this.refreshStatus();
		}, this.options.intervalMs);
		this.armDeadline(entry, controller);
		if (entry.snapshot.data === undefined) {
			this.setSnapshot(entry, {...entry.snapshot, loading: true});
		} else {
			entry.slowTimer = this.options.clock.setTimeout(() => {
				entry.slowTimer = undefined;
				this.setSnapshot(entry, {...entry.snapshot, loading: true});
				this.refreshStatus();
			}, this.options.slowMs);
		}

		this.refreshStatus();
		let loading: Promise<unknown>;
		try {
			loading = entry.spec.load(controller.signal);
		} catch (error) {
			loading = Promise.reject(
				error instanceof Error ? error : new Error(String(error)),
			);
		}

		loading.then(
			data => {
				this.succeed(entry, controller, data);
			},
			(error: unknown) => {
				this.fail(entry, controller, error);
			},
		);
	}

	/** A request that hangs or trickles is given up at its deadline (request-deadline.ts). */
	private armDeadline(entry: Entry, controller: AbortController): void {
		const deadlineMs = requestDeadlineMs(
			entry.latencies,
			this.options.intervalMs,
		);
		if (deadlineMs === undefined) {
			return;
		}

		entry.deadlineTimer = this.options.clock.setTimeout(() => {
			entry.deadlineTimer = undefined;
			this.fail(
				entry,
				controller,
				deadlineError(entry.spec.key, deadlineMs, entry.latencies),
			);
		}, deadlineMs);
	}

	private succeed(
		entry: Entry,
		controller: AbortController,
		data: unknown,
	): void {
		if (entry.controller !== controller || this.disposed) {
			return;
		}

		const now = this.options.clock.now();
		entry.latencies = withLatency(entry.latencies, now - (entry.sentAt ?? now));
		// The request is over: aborting it would only raise an AbortError no one listens for.
		this.release(entry);
		entry.completedAt = now;
		entry.answeredAt = now;
		const previous = entry.snapshot;
		const same =
			previous.data !== undefined && isDeepStrictEqual(previous.data, data);
		const settled = entry.spec.isSettled?.(data) ?? false;
		// When nothing a view can see changed, the snapshot object itself is kept.
		const unchanged =
			same &&
			previous.error === undefined &&
			!previous.loading &&
			previous.settled === settled;
		if (!unchanged) {
			this.setSnapshot(entry, {
				data: same ? previous.data : data,
				changedAt: same ? previous.changedAt : now,
				failures: 0,
				loading: false,
				settled,
			});
		}

		this.refreshStatus();
		if (!settled) {
			this.schedule(entry, this.options.intervalMs);
		}
	}

	private fail(
		entry: Entry,
		controller: AbortController,
		error: unknown,
	): void {
		if (entry.controller !== controller || this.disposed) {
			return;
		}

		this.abandon(entry);
		const now = this.options.clock.now();
		entry.completedAt = now;
		const providerError = toProviderError(error, 'sparktop', entry.spec.key);
		if (entry.spec.isFinal?.(providerError)) {
			// An answer that will not change (a finished session's statements are gone): keep the last
			// data and the reason, and stop asking.
			this.setSnapshot(entry, {
				...entry.snapshot,
				error: providerError,
				errorAt: now,
				loading: false,
				settled: true,
				nextAttemptAt: undefined,
			});
			this.refreshStatus();
			return;
		}

		const failures = entry.snapshot.failures + 1;
		// A service that says it is throttling (a 429, Alibaba's Throttling.* on a 400) starts a step further back.
		const delay = backoffDelay(
			providerError.throttled ? failures + 1 : failures,
			this.options.backoff,
			this.options.random,
			providerError.retryAfterMs,
		);
		this.setSnapshot(entry, {
			...entry.snapshot,
			error: providerError,
			errorAt: now,
			failures,
			loading: false,
			nextAttemptAt: now + delay,
		});
		this.refreshStatus();
		this.schedule(entry, delay);
	}

	private setSnapshot(entry: Entry, snapshot: ResourceSnapshot<unknown>): void {
		entry.snapshot = snapshot;
		for (const listener of entry.listeners) {
			listener();
		}
	}

	private *watched(): Iterable<WatchedKey> {
		for (const entry of this.entries.values()) {
			if (entry.listeners.size > 0) {
				yield {
					key: entry.spec.key,
					snapshot: entry.snapshot,
					answeredAt: entry.answeredAt,
					lateSince: entry.late ? entry.sentAt : undefined,
				};
			}
		}
	}

	private refreshStatus(): void {
		this.status.refresh();
	}

	private clearTimer(
		entry: Entry,
		which: 'timer' | 'slowTimer' | 'lateTimer' | 'deadlineTimer' = 'timer',
	): void {
		const handle = entry[which];
		if (handle) {
			this.options.clock.clearTimeout(handle);
			entry[which] = undefined;
		}
	}

	private trimCache(): void {
		let excess = this.entries.size - this.options.cacheSize;
		for (const [key, entry] of this.entries) {
			if (excess <= 0) {
				break;
			}

			if (entry.listeners.size === 0 && !entry.controller) {
				this.entries.delete(key);
				excess--;
			}
		}
	}
}
