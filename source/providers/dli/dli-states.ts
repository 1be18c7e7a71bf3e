import {type StateTable, stateIn} from '../../model/states.js';
import type {RunState} from '../../model/types.js';

/** DLI SQL job statuses (the docs write them upper case). Spark batches use Livy's states. */
export const dliSqlStates: StateTable<RunState> = {
	launching: 'starting',
	running: 'running',
	scaling: 'running',
	finished: 'succeeded',
	failed: 'failed',
	cancelled: 'cancelled',
};

export function dliSqlState(raw: string | undefined): RunState {
	return stateIn(dliSqlStates, raw);
}
