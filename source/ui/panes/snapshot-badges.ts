import type {ResourceSnapshot} from '../../store/resource-snapshot.js';
import {plain, type Line} from '../render/line.js';

export function snapshotBadges(snapshot: ResourceSnapshot<unknown>): string[] {
	return snapshot.error && snapshot.data !== undefined ? ['stale'] : [];
}

/** What to show when there is no data: loading, the error, or an empty message. */
export function placeholderLines(
	snapshot: ResourceSnapshot<unknown>,
	empty: string,
): Line[] {
	if (snapshot.error) {
		return [
			plain(snapshot.error.summary(), 'bad'),
			plain(`retrying (attempt ${snapshot.failures + 1})`, 'muted'),
		];
	}

	return [
		plain(snapshot.loading || !snapshot.settled ? 'loading…' : empty, 'muted'),
	];
}

/** A one-line note above data that failed to refresh, saying why it is stale. */
export function staleLine(snapshot: ResourceSnapshot<unknown>): Line[] {
	return snapshot.error && snapshot.data !== undefined
		? [plain(`stale: ${snapshot.error.summary()}`, 'bad')]
		: [];
}
