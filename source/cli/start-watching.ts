import type {Provider} from '../providers/provider.js';
import {systemClock} from '../store/clock.js';
import {PollingStore} from '../store/polling-store.js';
import {runsResource} from '../store/resources.js';

/**
 * How long after the lists were asked for the first frame waits for them: about what that frame
 * takes to draw. A server that answers sooner (a local Livy, a LAN) is on the first frame, with
 * no empty frame drawn first; a slower one gets the empty frame this much later at most.
 */
export const firstFrameWaitMs = 50;

export type Watching = {
	readonly store: PollingStore;
	/** Settles once every target's list has answered (or failed), or at `firstFrameWaitMs`. */
	readonly listedOrDue: Promise<void>;
};

/**
 * The monitor's store, already asking for every target's runs. It starts before the monitor's
 * modules load, so the lists are on the wire while those load and compile.
 */
export function startWatching(
	providers: readonly Provider[],
	intervalMs: number,
): Watching {
	const store = new PollingStore({clock: systemClock(), intervalMs});
	const listed = providers.flatMap(provider => {
		const lists = runsResource(provider);
		return lists ? [store.prefetch(lists)] : [];
	});
	let due: NodeJS.Timeout | undefined;
	const listedOrDue = Promise.race([
		Promise.all(listed),
		new Promise(resolve => {
			due = setTimeout(resolve, firstFrameWaitMs);
		}),
	]).then(() => {
		clearTimeout(due);
	});
	return {store, listedOrDue};
}
