import {createContext, useContext} from 'react';
import type {Provider} from '../providers/provider.js';

/** The providers of every target on screen, by target name. Created once by the cli. */
export const ProvidersContext = createContext<ReadonlyMap<string, Provider>>(
	new Map(),
);

export function useProvider(target: string | undefined): Provider | undefined {
	const providers = useContext(ProvidersContext);
	return target === undefined ? undefined : providers.get(target);
}
