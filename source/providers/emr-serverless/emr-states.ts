import {type StateTable, stateIn} from '../../model/states.js';
import type {RunState, StatementState} from '../../model/types.js';

/** EMR Serverless Spark job runs. `CancelFailed` means the cancel failed; the run may go on. */
export const emrJobRunStates: StateTable<RunState> = {
	submitted: 'queued',
	pending: 'queued',
	running: 'running',
	success: 'succeeded',
	failed: 'failed',
	cancelling: 'cancelling',
	cancelled: 'cancelled',
};

/** EMR Serverless session clusters; a stopped one can start again, but is not running now. */
export const emrSessionStates: StateTable<RunState> = {
	starting: 'starting',
	running: 'running',
	stopping: 'cancelling',
	stopped: 'cancelled',
	error: 'failed',
};

/** SQL statement states: only `running` is documented, so the usual words of finished work are read too. */
export const emrSqlStatementStates: StateTable<StatementState> = {
	submitted: 'waiting',
	waiting: 'waiting',
	pending: 'waiting',
	running: 'running',
	available: 'available',
	success: 'available',
	succeeded: 'available',
	finished: 'available',
	error: 'error',
	failed: 'error',
	cancelling: 'cancelling',
	cancelled: 'cancelled',
	terminated: 'cancelled',
};

export function emrJobRunState(raw: string | undefined): RunState {
	return stateIn(emrJobRunStates, raw);
}

export function emrSessionState(raw: string | undefined): RunState {
	return stateIn(emrSessionStates, raw);
}

export function emrSqlStatementState(raw: string | undefined): StatementState {
	return stateIn(emrSqlStatementStates, raw);
}
