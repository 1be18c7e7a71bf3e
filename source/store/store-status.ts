import {isDeepStrictEqual} from 'node:util';
import type {
	KeyedError,
	ResourceSnapshot,
	StoreStatus,
} from './resource-snapshot.js';

export type WatchedKey = {
	readonly key: string;
	readonly snapshot: ResourceSnapshot<unknown>;
	/** When the server last answered it. */
	readonly answeredAt?: number;
	/** When its request, in flight longer than the interval, was sent. */
	readonly lateSince?: number;
};

export type StatusContext = {
	readonly paused: boolean;
	readonly now: number;
	/** How old the oldest answer may be before the screen is falling behind. */
	readonly overdueAfterMs: number;
};

/**
 * The status line's summary of the keys views are watching: anything loading, what is failing,
 * what is late, and how fresh the data on screen is: the age of its oldest answer, so one target
 * that stopped answering is not hidden by another that answers.
 */
export function summarize(
	watched: Iterable<WatchedKey>,
	{paused, now, overdueAfterMs}: StatusContext,
): StoreStatus {
	const errors: KeyedError[] = [];
	let loading = false;
	let updatedAt: number | undefined;
	let lateSince: number | undefined;
	for (const {key, snapshot, answeredAt, lateSince: late} of watched) {
		loading ||= snapshot.loading;
		const {error, errorAt, nextAttemptAt, settled} = snapshot;
		// A settled key is not failing: its error is its final answer; nor does its age matter.
		if (error && errorAt !== undefined && !settled) {
			errors.push({key, error, at: errorAt, nextAttemptAt});
		}

		if (!settled && answeredAt !== undefined) {
			updatedAt = Math.min(updatedAt ?? answeredAt, answeredAt);
		}

		if (late !== undefined) {
			lateSince = Math.min(lateSince ?? late, late);
		}
	}

	return {
		paused,
		loading,
		updatedAt,
		overdue: overdueAt({paused, updatedAt}, overdueAfterMs) <= now,
		lateSince,
		errors: errors.toSorted((a, b) => b.at - a.at),
	};
}

/** When the oldest answer turns overdue; never while paused or before any answer. */
export function overdueAt(
	{paused, updatedAt}: Pick<StoreStatus, 'paused' | 'updatedAt'>,
	overdueAfterMs: number,
): number {
	return paused || updatedAt === undefined
		? Number.POSITIVE_INFINITY
		: updatedAt + overdueAfterMs;
}

/**
 * The top line gives the time of the last answer to the second while paused or once it is
 * overdue, when how old the data is matters, and otherwise to the minute, so that a poll which
 * changes nothing draws nothing.
 */
export function answerTimeToTheSecond(status: StoreStatus): boolean {
	return status.paused || status.overdue;
}

/** The time of the last answer, as precise as the top line gives it. */
export function shownUpdatedAt(status: StoreStatus): number | undefined {
	const {updatedAt} = status;
	return updatedAt === undefined || answerTimeToTheSecond(status)
		? updatedAt
		: updatedAt - (updatedAt % 60_000);
}

/** Two statuses are the same; `updatedAt` says how the time of the last answer is compared. */
export function sameStatus(
	a: StoreStatus,
	b: StoreStatus,
	updatedAt: (status: StoreStatus) => number | undefined = status =>
		status.updatedAt,
): boolean {
	return (
		a.paused === b.paused &&
		a.loading === b.loading &&
		a.overdue === b.overdue &&
		updatedAt(a) === updatedAt(b) &&
		a.lateSince === b.lateSince &&
		isDeepStrictEqual(
			a.errors.map(error => [error.key, error.at]),
			b.errors.map(error => [error.key, error.at]),
		)
	);
}
