import {
	createContext,
	useCallback,
	useContext,
	useEffect,
	useMemo,
	useRef,
	useSyncExternalStore,
} from 'react';
import type {PollingStore} from '../store/polling-store.js';
import type {
	KeyedError,
	ResourceSnapshot,
	ResourceSpec,
	StoreStatus,
} from '../store/resource-snapshot.js';
import {sameStatus, shownUpdatedAt} from '../store/store-status.js';

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
	const key = spec?.key;
	const subscribe = useCallback(
		(listener: () => void) =>
			spec ? store.subscribe(spec, listener) : () => undefined,
		// The key decides: resubscribing for every new spec object would abort the key's request on
		// each render. Newer specs for the same key reach the store through updateSpec below.
		// eslint-disable-next-line react-hooks/exhaustive-deps
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

/** A getter for the snapshots of `specs` that returns the same array until one of them changes. */
function snapshotsOf<T>(
	store: PollingStore,
	specs: ReadonlyArray<ResourceSpec<T>>,
): () => ReadonlyArray<ResourceSnapshot<T>> {
	let cached: ReadonlyArray<ResourceSnapshot<T>> = [];
	return () => {
		const next = specs.map(spec => store.getSnapshot<T>(spec.key));
		if (
			next.length !== cached.length ||
			next.some((snapshot, index) => snapshot !== cached[index])
		) {
			cached = next;
		}

		return cached;
	};
}

/** Subscribes to several resources; the returned array keeps its identity while none changed. */
export function useResources<T>(
	specs: ReadonlyArray<ResourceSpec<T>>,
): ReadonlyArray<ResourceSnapshot<T>> {
	const store = useStore();
	const keys = specs.map(spec => spec.key).join('\n');
	// Subscriptions and the snapshot cache follow the set of keys, as in useResource.
	/* eslint-disable react-hooks/exhaustive-deps */
	const subscribe = useCallback(
		(listener: () => void) => {
			const unsubscribes = specs.map(spec => store.subscribe(spec, listener));
			return () => {
				for (const unsubscribe of unsubscribes) {
					unsubscribe();
				}
			};
		},
		[store, keys],
	);
	const getSnapshot = useMemo(() => snapshotsOf(store, specs), [store, keys]);
	/* eslint-enable react-hooks/exhaustive-deps */
	return useSyncExternalStore(subscribe, getSnapshot);
}

/**
 * The store's status as the top line shows it: the same object until something shown changes, so
 * an answer that only moves the time of the last answer within its minute draws nothing.
 */
export function useStoreStatus(): StoreStatus {
	const store = useStore();
	const kept = useRef<StoreStatus | undefined>(undefined);
	return useSyncExternalStore(
		useCallback(listener => store.subscribeStatus(listener), [store]),
		() => {
			const status = store.getStatus();
			if (
				kept.current === undefined ||
				!sameStatus(kept.current, status, shownUpdatedAt)
			) {
				kept.current = status;
			}

			return kept.current;
		},
	);
}

/**
 * The newest error of the store's status, the same object until a newer one comes: a component
 * that shows only it is not re-rendered by every answer's new status.
 */
export function useNewestError(): KeyedError | undefined {
	const store = useStore();
	const kept = useRef<KeyedError | undefined>(undefined);
	return useSyncExternalStore(
		useCallback(listener => store.subscribeStatus(listener), [store]),
		() => {
			const newest = store.getStatus().errors[0];
			if (
				newest?.key !== kept.current?.key ||
				newest?.at !== kept.current?.at
			) {
				kept.current = newest;
			}

			return kept.current;
		},
	);
}
