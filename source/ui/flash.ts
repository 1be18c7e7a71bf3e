import type {KeyedError} from '../store/resource-snapshot.js';

/** How long the newest error flashes on the bottom line. */
export const flashMs = 6000;

/** The newest error while it is younger than `showMs`; it clears by itself as `now` moves on. */
export function flashOf(
	latest: KeyedError | undefined,
	now: number,
	showMs = flashMs,
): KeyedError | undefined {
	return latest && now - latest.at < showMs ? latest : undefined;
}
