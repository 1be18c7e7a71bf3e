import {type StateTable, stateIn} from '../../model/states.js';
import type {RunState} from '../../model/types.js';

/** DLA Spark job statuses: `error` is the program's failure, `dead` the platform's. */
export const dlaJobStates: StateTable<RunState> = {
	starting: 'starting',
	running: 'running',
	error: 'failed',
	dead: 'failed',
	killed: 'killed',
	success: 'succeeded',
};

export function dlaJobState(raw: string | undefined): RunState {
	return stateIn(dlaJobStates, raw);
}
