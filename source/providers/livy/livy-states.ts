import {type StateTable, stateIn} from '../../model/states.js';
import type {RunState, StatementState} from '../../model/types.js';

/** Livy session and batch states (both versions' eleven plus Synapse's). */
export const livyRunStates: StateTable<RunState> = {
	not_started: 'queued',
	starting: 'starting',
	recovering: 'starting',
	idle: 'idle',
	busy: 'busy',
	running: 'running',
	shutting_down: 'cancelling',
	error: 'failed',
	dead: 'failed',
	killed: 'killed',
	success: 'succeeded',
};

export const livyStatementStates: StateTable<StatementState> = {
	waiting: 'waiting',
	running: 'running',
	available: 'available',
	error: 'error',
	cancelling: 'cancelling',
	cancelled: 'cancelled',
};

export function livyRunState(raw: string | undefined): RunState {
	return stateIn(livyRunStates, raw);
}

export function livyStatementState(raw: string | undefined): StatementState {
	return stateIn(livyStatementStates, raw);
}
