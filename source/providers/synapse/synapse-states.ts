import type {StateTable} from '../../model/states.js';
import type {RunState} from '../../model/types.js';

/**
 * A finished run's `result` (Synapse's addition to Livy's states) says more than its state: a
 * killed session was cancelled by someone. Matched in lower case.
 */
export const synapseResultStates: StateTable<RunState> = {
	succeeded: 'succeeded',
	failed: 'failed',
	cancelled: 'cancelled',
};
