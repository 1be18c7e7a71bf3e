import {
	createContext,
	useCallback,
	useContext,
	useEffect,
	useRef,
	useSyncExternalStore,
} from 'react';
import type {
	PollingStore,
	ResourceSnapshot,
	ResourceSpec,
	StoreStatus,
} from '../store/polling-store.js';

export const StoreContext = createContext<PollingStore | undefined>(undefined);

export function useStore(): PollingStore {
	const store = useContext(StoreContext);
	if (!store) {
		throw new Error('useStore outside StoreContext');
	}

	return store;
}

const idle: ResourceSnapshot<never> = Object.freeze({
	failures: 0,
	loading: false,
	settled: false,
});

/** Subscribes to one resource while mounted; undefined spec means "nothing to show". */
export function useResource<T>(
	spec: ResourceSpec<T> | undefined,
): ResourceSnapshot<T> {
	const store = useStore();
	const specRef = useRef(spec);
	specRef.current = spec;
	const key = spec?.key;
	const subscribe = useCallback(
		(listener: () => void) => {
			const {current} = specRef;
			return current ? store.subscribe(current, listener) : () => undefined;
		},
		// Resubscribe only when the key changes; a new spec for the same key is picked up below.
		[store, key],
	);
	const snapshot = useSyncExternalStore(subscribe, () =>
		key === undefined ? idle : store.getSnapshot<T>(key),
	);
	useEffect(() => {
		if (spec) {
			store.updateSpec(spec);
		}
	});
	return snapshot;
}

/** Subscribes to several resources; the returned array keeps its identity while none changed. */
export function useResources<T>(
	specs: ReadonlyArray<ResourceSpec<T>>,
): ReadonlyArray<ResourceSnapshot<T>> {
	const store = useStore();
	const specsRef = useRef(specs);
	specsRef.current = specs;
	const keys = specs.map(spec => spec.key).join('\n');
	const cache = useRef<ReadonlyArray<ResourceSnapshot<T>>>([]);
	const subscribe = useCallback(
		(listener: () => void) => {
			const unsubscribes = specsRef.current.map(spec =>
				store.subscribe(spec, listener),
			);
			return () => {
				for (const unsubscribe of unsubscribes) {
					unsubscribe();
				}
			};
		},
		[store, keys],
	);
	const getSnapshot = useCallback(() => {
		const next = specsRef.current.map(spec => store.getSnapshot<T>(spec.key));
		const previous = cache.current;
		if (
			next.length !== previous.length ||
			next.some((snapshot, index) => snapshot !== previous[index])
		) {
			cache.current = next;
		}

		return cache.current;
	}, [store, keys]);
	return useSyncExternalStore(subscribe, getSnapshot);
}

export function useStoreStatus(): StoreStatus {
	const store = useStore();
	return useSyncExternalStore(
		useCallback(listener => store.subscribeStatus(listener), [store]),
		() => store.getStatus(),
	);
}
