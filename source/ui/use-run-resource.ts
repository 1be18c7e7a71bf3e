import type {Run} from '../model/types.js';
import type {Provider} from '../providers/provider.js';
import type {
	ResourceSnapshot,
	ResourceSpec,
} from '../store/resource-snapshot.js';
import {useProvider} from './providers-context.js';
import {useResource} from './store-context.js';

export type RunResource<T> = {
	readonly snapshot: ResourceSnapshot<T>;
	/** The run's provider offers this resource at all. */
	readonly available: boolean;
};

/** Subscribes a pane to one resource of the selected run, through that run's provider. */
export function useRunResource<T>(
	run: Run | undefined,
	resource: (provider: Provider, run: Run) => ResourceSpec<T> | undefined,
	enabled = true,
): RunResource<T> {
	const provider = useProvider(run?.target);
	const spec = provider && run && enabled ? resource(provider, run) : undefined;
	return {snapshot: useResource(spec), available: spec !== undefined};
}
