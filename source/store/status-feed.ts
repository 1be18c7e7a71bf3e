import type {Clock, TimerHandle} from './clock.js';
import type {StoreStatus} from './resource-snapshot.js';
import {
	overdueAt,
	sameStatus,
	summarize,
	type WatchedKey,
} from './store-status.js';

export type StatusFeedOptions = {
	readonly clock: Clock;
	/** The oldest answer is overdue once it is this old. */
	readonly overdueAfterMs: number;
	readonly watched: () => Iterable<WatchedKey>;
};

/**
 * The store's status and whoever listens to it, told only when it changes. An answer turns
 * overdue with no event to notice it by, so the feed keeps one timer for the earliest moment that
 * can happen; a poll that answers in the meantime only moves that moment later, and the timer
 * then looks again instead of being set anew on every answer.
 */
export class StatusFeed {
	private status: StoreStatus = {
		paused: false,
		loading: false,
		overdue: false,
		errors: [],
	};

	private readonly listeners = new Set<() => void>();
	private readonly options: StatusFeedOptions;
	private overdueCheck: {at: number; timer: TimerHandle} | undefined;

	constructor(options: StatusFeedOptions) {
		this.options = options;
	}

	get(): StoreStatus {
		return this.status;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	/** Works the status out again from the watched keys, pausing or resuming when told. */
	refresh(paused = this.status.paused): void {
		const now = this.options.clock.now();
		const next = summarize(this.options.watched(), {
			paused,
			now,
			overdueAfterMs: this.options.overdueAfterMs,
		});
		this.checkOverdueAt(
			next.overdue
				? Number.POSITIVE_INFINITY
				: overdueAt(next, this.options.overdueAfterMs),
			now,
		);
		if (sameStatus(this.status, next)) {
			return;
		}

		this.status = next;
		for (const listener of this.listeners) {
			listener();
		}
	}

	dispose(): void {
		this.checkOverdueAt(Number.POSITIVE_INFINITY, 0);
		this.listeners.clear();
	}

	/** Makes sure the status is worked out again at `at` (never, when infinite). */
	private checkOverdueAt(at: number, now: number): void {
		const due = Number.isFinite(at);
		// A check due no later than `at` finds the answer still fresh and sets the next one then.
		if (due && this.overdueCheck !== undefined && this.overdueCheck.at <= at) {
			return;
		}

		if (this.overdueCheck !== undefined) {
			this.options.clock.clearTimeout(this.overdueCheck.timer);
			this.overdueCheck = undefined;
		}

		if (due) {
			this.overdueCheck = {
				at,
				timer: this.options.clock.setTimeout(() => {
					this.overdueCheck = undefined;
					this.refresh();
				}, at - now),
			};
		}
	}
}
