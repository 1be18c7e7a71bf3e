import type {ProviderError} from '../http/provider-error.js';

/** How to load one key. Views hand these to the store; the store decides when to call `load`. */
export type ResourceSpec<T> = {
	readonly key: string;
	readonly load: (signal: AbortSignal) => Promise<T>;
	/** Settled data will not change again (a finished run): it is not polled again unless refreshed. */
	readonly isSettled?: (data: T) => boolean;
	/** An error that is the final answer (the thing is gone for good): polling stops, last data stays. */
	readonly isFinal?: (error: ProviderError) => boolean;
};

/**
 * What a view sees of one key. It keeps its identity while nothing in it changes, so an
 * unchanged poll costs no render and no terminal bytes.
 */
export type ResourceSnapshot<T> = {
	readonly data?: T;
	/** When `data` last changed. */
	readonly changedAt?: number;
	/** The last failure, kept until a poll succeeds; `data` is the last good data meanwhile. */
	readonly error?: ProviderError;
	readonly errorAt?: number;
	readonly failures: number;
	/** A request has been in flight long enough to be worth a spinner. */
	readonly loading: boolean;
	readonly settled: boolean;
	readonly nextAttemptAt?: number;
};

export type KeyedError = {
	readonly key: string;
	readonly error: ProviderError;
	readonly at: number;
	readonly nextAttemptAt?: number;
};

/** The whole store at a glance, for the status line. */
export type StoreStatus = {
	readonly paused: boolean;
	/** The oldest last answer of the keys on screen that still change: how fresh the screen is. */
	readonly updatedAt?: number;
	/** That answer is more than two intervals old while polling runs: the screen is falling behind. */
	readonly overdue: boolean;
	/** A request has been in flight longer than the interval since then (hanging, trickling). */
	readonly lateSince?: number;
	readonly loading: boolean;
	/** Subscribed keys whose last poll failed, most recent first. */
	readonly errors: readonly KeyedError[];
};

/** A key nobody has loaded yet. */
export const emptySnapshot: ResourceSnapshot<never> = Object.freeze({
	failures: 0,
	loading: false,
	settled: false,
});
