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

/**
 * The status line's summary of the keys views are watching: anything loading, what is failing,
 * what is late, and how fresh the data on screen is: the age of its oldest answer, so one target
 * that stopped answering is not hidden by another that answers.
 */
export function summarize(
	previous: StoreStatus,
	watched: Iterable<WatchedKey>,
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
		...previous,
		loading,
		updatedAt,
		lateSince,
		errors: errors.toSorted((a, b) => b.at - a.at),
	};
}

/** Two statuses look the same on screen. */
export function sameStatus(a: StoreStatus, b: StoreStatus): boolean {
	return (
		a.paused === b.paused &&
		a.loading === b.loading &&
		a.updatedAt === b.updatedAt &&
		a.lateSince === b.lateSince &&
		isDeepStrictEqual(
			a.errors.map(error => [error.key, error.at]),
			b.errors.map(error => [error.key, error.at]),
		)
	);
}
