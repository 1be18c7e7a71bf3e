import {useContext, useMemo} from 'react';
import {hasMore, totalOf} from '../model/run-list.js';
import type {Run} from '../model/types.js';
import type {ResourceSnapshot} from '../store/resource-snapshot.js';
import {runsResource} from '../store/resources.js';
import {ProvidersContext} from './providers-context.js';
import {useResources} from './store-context.js';

export type RunSource = {
	readonly target: string;
	readonly snapshot: ResourceSnapshot<Run[]>;
};

/** Every target's run list, as the store has it, and all their runs together. */
export function useRunSources(): {
	readonly sources: readonly RunSource[];
	readonly listed: readonly Run[];
	/** How many runs the services have: more than listed when a list is a window of the newest. */
	readonly serverTotal: number;
	/** A service had more than its window, and did not say how many. */
	readonly serverMore: boolean;
} {
	const providers = useContext(ProvidersContext);
	const runSources = useMemo(
		() =>
			[...providers.values()].flatMap(provider => {
				const spec = runsResource(provider);
				return spec ? [{target: provider.target, spec}] : [];
			}),
		[providers],
	);
	const specs = useMemo(
		() => runSources.map(source => source.spec),
		[runSources],
	);
	const snapshots = useResources(specs);
	return useMemo(
		() => ({
			sources: runSources.map((source, index) => ({
				target: source.target,
				snapshot: snapshots[index]!,
			})),
			listed: snapshots.flatMap(snapshot => snapshot.data ?? []),
			serverTotal: snapshots.reduce(
				(sum, snapshot) => sum + totalOf(snapshot.data ?? []),
				0,
			),
			serverMore: snapshots.some(snapshot => hasMore(snapshot.data ?? [])),
		}),
		[runSources, snapshots],
	);
}
