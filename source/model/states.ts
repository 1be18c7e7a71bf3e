import type {RunState, SparkJobStatus, StatementState} from './types.js';

/** Livy session and batch states (both versions' eleven plus Synapse's). */
const livyRunStates: Readonly<Record<string, RunState>> = {
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

export function livyRunState(raw: string | undefined): RunState {
	return livyRunStates[(raw ?? '').toLowerCase()] ?? 'unknown';
}

/** DLI SQL job statuses (the docs write them upper case; matched case-insensitively). */
const dliSqlStates: Readonly<Record<string, RunState>> = {
	launching: 'starting',
	running: 'running',
	scaling: 'running',
	finished: 'succeeded',
	failed: 'failed',
	cancelled: 'cancelled',
};

export function dliSqlState(raw: string | undefined): RunState {
	return dliSqlStates[(raw ?? '').toLowerCase()] ?? 'unknown';
}

/** DLI Spark batch states: Livy's, lower case in the enum, `Success` in the documented example. */
export function dliBatchState(raw: string | undefined): RunState {
	return livyRunState(raw);
}

/** EMR Serverless Spark job runs. `CancelFailed` means the cancel failed; the run may go on. */
const emrJobRunStates: Readonly<Record<string, RunState>> = {
	submitted: 'queued',
	pending: 'queued',
	running: 'running',
	success: 'succeeded',
	failed: 'failed',
	cancelling: 'cancelling',
	cancelled: 'cancelled',
};

export function emrJobRunState(raw: string | undefined): RunState {
	return emrJobRunStates[(raw ?? '').toLowerCase()] ?? 'unknown';
}

/** EMR Serverless session clusters; a stopped one can start again, but is not running now. */
const emrSessionStates: Readonly<Record<string, RunState>> = {
	starting: 'starting',
	running: 'running',
	stopping: 'cancelling',
	stopped: 'cancelled',
	error: 'failed',
};

export function emrSessionState(raw: string | undefined): RunState {
	return emrSessionStates[(raw ?? '').toLowerCase()] ?? 'unknown';
}

/** SQL statement states: only `running` is documented, so the usual words of finished work are read too. */
const sqlStatementStates: Readonly<Record<string, StatementState>> = {
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

export function sqlStatementState(raw: string | undefined): StatementState {
	return sqlStatementStates[(raw ?? '').toLowerCase()] ?? 'unknown';
}

/** DLA Spark job statuses: `error` is the program's failure, `dead` the platform's. */
const dlaJobStates: Readonly<Record<string, RunState>> = {
	starting: 'starting',
	running: 'running',
	error: 'failed',
	dead: 'failed',
	killed: 'killed',
	success: 'succeeded',
};

export function dlaJobState(raw: string | undefined): RunState {
	return dlaJobStates[(raw ?? '').toLowerCase()] ?? 'unknown';
}

const livyStatementStates: Readonly<Record<string, StatementState>> = {
	waiting: 'waiting',
	running: 'running',
	available: 'available',
	error: 'error',
	cancelling: 'cancelling',
	cancelled: 'cancelled',
};

export function livyStatementState(raw: string | undefined): StatementState {
	return livyStatementStates[(raw ?? '').toLowerCase()] ?? 'unknown';
}

const sparkJobStatuses: Readonly<Record<string, SparkJobStatus>> = {
	running: 'running',
	succeeded: 'succeeded',
	failed: 'failed',
};

export function sparkJobStatus(raw: string | undefined): SparkJobStatus {
	return sparkJobStatuses[(raw ?? '').toLowerCase()] ?? 'unknown';
}

const terminalRunStates = new Set<RunState>([
	'succeeded',
	'failed',
	'cancelled',
	'killed',
]);

/** A run in one of these states will not change again, so it is not polled again. */
export function isTerminalRunState(state: RunState): boolean {
	return terminalRunStates.has(state);
}

const terminalStatementStates = new Set<StatementState>([
	'available',
	'error',
	'cancelled',
]);

export function isTerminalStatementState(state: StatementState): boolean {
	return terminalStatementStates.has(state);
}

export type StateTone = 'ok' | 'active' | 'waiting' | 'bad' | 'muted';

const runTones: Readonly<Record<RunState, StateTone>> = {
	queued: 'waiting',
	starting: 'waiting',
	running: 'active',
	idle: 'ok',
	busy: 'active',
	succeeded: 'ok',
	failed: 'bad',
	cancelling: 'waiting',
	cancelled: 'muted',
	killed: 'bad',
	unknown: 'muted',
};

/** How a state reads at a glance; the ui maps tones to colours. */
export function runStateTone(state: RunState): StateTone {
	return runTones[state];
}

const statementTones: Readonly<Record<StatementState, StateTone>> = {
	waiting: 'waiting',
	running: 'active',
	available: 'ok',
	error: 'bad',
	cancelling: 'waiting',
	cancelled: 'muted',
	unknown: 'muted',
};

export function statementStateTone(state: StatementState): StateTone {
	return statementTones[state];
}
