import {runStateTone, statementStateTone} from '../../model/states.js';
import type {
	RunState,
	SparkJobStatus,
	SparkStageStatus,
	StatementState,
} from '../../model/types.js';
import type {Tone} from './line.js';

export function runTone(state: RunState): Tone {
	return runStateTone(state);
}

export function statementTone(state: StatementState): Tone {
	return statementStateTone(state);
}

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

export function jobTone(status: SparkJobStatus | SparkStageStatus): Tone {
	return jobTones[status];
}
