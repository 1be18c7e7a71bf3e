import type {
	RunState,
	SparkJobStatus,
	SparkStageStatus,
	StatementState,
} from '../../model/types.js';
import type {Tone} from './line.js';

/** How every kind of state reads at a glance, in one place; the theme maps tones to colours. */

const runTones: Readonly<Record<RunState, Tone>> = {
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

const statementTones: Readonly<Record<StatementState, Tone>> = {
	waiting: 'waiting',
	running: 'active',
	available: 'ok',
	error: 'bad',
	cancelling: 'waiting',
	cancelled: 'muted',
	unknown: 'muted',
};

const jobTones: Readonly<Record<SparkJobStatus | SparkStageStatus, Tone>> = {
	running: 'active',
	active: 'active',
	succeeded: 'ok',
	complete: 'ok',
	failed: 'bad',
	pending: 'waiting',
	skipped: 'muted',
	unknown: 'muted',
};

export function runTone(state: RunState): Tone {
	return runTones[state];
}

export function statementTone(state: StatementState): Tone {
	return statementTones[state];
}

export function jobTone(status: SparkJobStatus | SparkStageStatus): Tone {
	return jobTones[status];
}
