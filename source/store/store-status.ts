import {isDeepStrictEqual} from 'node:util';
import type {
	KeyedError,
	ResourceSnapshot,
	StoreStatus,
} from './resource-snapshot.js';

export type WatchedKey = {
	readonly key: string;
	readonly snapshot: ResourceSnapshot<unknown>;
};

/** The status line's summary of the keys views are watching: anything loading, and what is failing. */
export function summarize(
	previous: StoreStatus,
	watched: Iterable<WatchedKey>,
): StoreStatus {
	const errors: KeyedError[] = [];
	let loading = false;
	for (const {key, snapshot} of watched) {
		loading ||= snapshot.loading;
		const {error, errorAt, nextAttemptAt, settled} = snapshot;
		// A settled key is not failing: its error is its final answer.
		if (error && errorAt !== undefined && !settled) {
			errors.push({key, error, at: errorAt, nextAttemptAt});
		}
	}

	return {
		...previous,
		loading,
		errors: errors.toSorted((a, b) => b.at - a.at),
	};
}

/** Two statuses look the same on screen. */
export function sameStatus(a: StoreStatus, b: StoreStatus): boolean {
	return (
		a.paused === b.paused &&
		a.loading === b.loading &&
		a.lastSuccessAt === b.lastSuccessAt &&
		isDeepStrictEqual(
			a.errors.map(error => [error.key, error.at]),
			b.errors.map(error => [error.key, error.at]),
		)
	);
}
