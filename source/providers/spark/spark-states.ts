import {type StateTable, stateIn} from '../../model/states.js';
import type {SparkJobStatus, SparkStageStatus} from '../../model/types.js';

/** JobExecutionStatus in Spark's REST API (UNKNOWN maps to unknown by absence). */
export const sparkJobStatuses: StateTable<SparkJobStatus> = {
	running: 'running',
	succeeded: 'succeeded',
	failed: 'failed',
};

/** StageStatus in Spark's REST API. */
export const sparkStageStatuses: StateTable<SparkStageStatus> = {
	active: 'active',
	complete: 'complete',
	pending: 'pending',
	failed: 'failed',
	skipped: 'skipped',
};

export function sparkJobStatus(raw: string | undefined): SparkJobStatus {
	return stateIn(sparkJobStatuses, raw);
}

export function sparkStageStatus(raw: string | undefined): SparkStageStatus {
	return stateIn(sparkStageStatuses, raw);
}
