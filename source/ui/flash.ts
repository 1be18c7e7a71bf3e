import type {KeyedError} from '../store/resource-snapshot.js';

/** The newest error while it is younger than `showMs`; it clears by itself as `now` moves on. */
export function flashOf(
	latest: KeyedError | undefined,
	now: number,
	showMs = 6000,
): KeyedError | undefined {
	return latest && now - latest.at < showMs ? latest : undefined;
}
