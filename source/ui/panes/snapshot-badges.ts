import type {ResourceSnapshot} from '../../store/resource-snapshot.js';
import {plain, type Line} from '../render/line.js';

/** Failed and retrying, or failed for good (the server no longer serves it): the last data stays either way. */
function failure(
	snapshot: ResourceSnapshot<unknown>,
): 'stale' | 'final' | undefined {
	if (!snapshot.error) {
		return undefined;
	}

	return snapshot.settled ? 'final' : 'stale';
}

export function snapshotBadges(snapshot: ResourceSnapshot<unknown>): string[] {
	return failure(snapshot) === 'stale' && snapshot.data !== undefined
		? ['stale']
		: [];
}

/** What to show when there is no data: loading, the error, or an empty message. */
export function placeholderLines(
	snapshot: ResourceSnapshot<unknown>,
	empty: string,
): Line[] {
	if (snapshot.error) {
		return [
			plain(snapshot.error.summary(), 'bad'),
			plain(
				failure(snapshot) === 'final'
					? 'the server no longer serves this'
					: `retrying (attempt ${snapshot.failures + 1})`,
				'muted',
			),
		];
	}

	return [
		plain(snapshot.loading || !snapshot.settled ? 'loading…' : empty, 'muted'),
	];
}

/** A one-line note above data that could not be refreshed, saying why. */
export function staleLine(snapshot: ResourceSnapshot<unknown>): Line[] {
	if (!snapshot.error || snapshot.data === undefined) {
		return [];
	}

	return failure(snapshot) === 'final'
		? [
				plain(
					`as last seen; no longer served: ${snapshot.error.summary()}`,
					'muted',
				),
			]
		: [plain(`stale: ${snapshot.error.summary()}`, 'bad')];
}
