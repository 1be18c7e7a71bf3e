import {formatDuration} from './format.js';
import {sumTasks} from './task-bar.js';
import type {Progress, SparkJob, SparkStage, TaskCounts} from './types.js';

/**
 * Livy (and so Synapse) runs each statement's code in the Spark job group named by the statement
 * id, so a job's `jobGroup` ties it to its statement.
 */
export function jobsOfStatement(
	jobs: readonly SparkJob[],
	statementId: string,
): SparkJob[] {
	return jobs.filter(job => job.jobGroup === statementId);
}

/** The stages of these jobs only. */
export function stagesOfJobs(
	stages: readonly SparkStage[],
	jobs: readonly SparkJob[],
): SparkStage[] {
	const ids = new Set(jobs.flatMap(job => job.stageIds));
	return stages.filter(stage => ids.has(stage.id));
}

/** Every task of a statement's jobs, as one bar's counts; undefined when it started none. */
export function statementTasks(
	progress: Progress | undefined,
	statementId: string,
): TaskCounts | undefined {
	const jobs = progress ? jobsOfStatement(progress.jobs, statementId) : [];
	return jobs.length === 0 ? undefined : sumTasks(jobs.map(job => job.tasks));
}

/** A task far slower than the median of its stage: skewed data or a slow node. */
export function stragglerNote(
	taskTimes: SparkStage['taskTimes'],
): string | undefined {
	if (!taskTimes) {
		return undefined;
	}

	const {medianMs, maxMs} = taskTimes;
	return maxMs >= 4 * Math.max(1, medianMs) && maxMs - medianMs >= 10_000
		? `straggler: the slowest task has run ${formatDuration(maxMs)}, the median ${formatDuration(medianMs)} (a skewed partition, or a slow node)`
		: undefined;
}
