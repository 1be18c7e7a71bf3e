import {parseLooseTime} from '../../model/loose-time.js';
import type {
	ExecutorInfo,
	Run,
	Session,
	SparkJob,
	SparkStage,
} from '../../model/types.js';
import {runKey} from '../provider.js';
import {
	asArray,
	asCount,
	asCountMap,
	asNumber,
	asObject,
	asString,
	asText,
	presentFields,
	type WireObject,
} from '../../model/wire.js';
import {sparkJobStatus, sparkStageStatus} from './spark-states.js';

/** Epoch fields win; Spark's `...GMT` strings are the fallback; -1 means "not yet". */
function sparkTime(epoch: unknown, text: unknown): number | undefined {
	const fromEpoch = asNumber(epoch);
	if (fromEpoch !== undefined) {
		return fromEpoch > 0 ? fromEpoch : undefined;
	}

	const parsed = parseLooseTime(text);
	// A running attempt carries endTime 1969-12-31T23:59:59.999GMT; that is no time at all.
	return parsed !== undefined && parsed > 0 ? parsed : undefined;
}

/** Attempts come newest first; the first is the one that matters for state. */
function latestAttempt(app: WireObject): WireObject {
	return asObject(asArray(app['attempts'])[0]);
}

export function mapSparkApplication(
	target: string,
	body: unknown,
	uiUrl?: string,
): Run {
	const app = asObject(body);
	const attempt = latestAttempt(app);
	const id = asString(app['id']) ?? '?';
	const endedAt = sparkTime(attempt['endTimeEpoch'], attempt['endTime']);
	const completed =
		attempt['completed'] === true ||
		(attempt['completed'] === undefined && endedAt !== undefined);
	// Newer History Servers say how the driver ended; anything but 0 is a failure.
	const exitCode = asNumber(attempt['exitCode']);
	const failed = completed && exitCode !== undefined && exitCode !== 0;
	return {
		target,
		kind: 'application',
		id,
		key: runKey(target, 'application', id),
		provider: 'spark',
		name: asText(app['name']),
		state: failed ? 'failed' : completed ? 'succeeded' : 'running',
		rawState: failed
			? `completed, exit code ${exitCode}`
			: completed
				? 'completed'
				: 'running',
		errorMessage: failed
			? `the driver exited with code ${exitCode}`
			: undefined,
		submittedAt: sparkTime(attempt['startTimeEpoch'], attempt['startTime']),
		endedAt: completed ? endedAt : undefined,
		owner: asText(attempt['sparkUser']),
		appId: id,
		attemptId: asText(attempt['attemptId']),
		sparkUiUrl: uiUrl,
	};
}

/** `/allexecutors`: the driver and every executor, dead ones with why they were removed. */
export function mapSparkExecutors(body: unknown): ExecutorInfo[] {
	return asArray(body).map(item => {
		const executor = asObject(item);
		const id = asText(executor['id']) ?? '?';
		return executorSummary(executor, {
			id,
			driver: id === 'driver',
			active: executor['isActive'] !== false,
		});
	});
}

/**
 * Spark's ExecutorSummary counts, which EMR Serverless's ListJobExecutors carries under the same
 * names; who the executor is comes from each service's own fields.
 */
export function executorSummary(
	executor: WireObject,
	who: Pick<ExecutorInfo, 'id' | 'driver' | 'active'>,
): ExecutorInfo {
	return {
		...who,
		cores: asCount(executor['totalCores']),
		memoryUsed: asCount(executor['memoryUsed']),
		maxMemory: asCount(executor['maxMemory']),
		activeTasks: asCount(executor['activeTasks']),
		completedTasks: asCount(executor['completedTasks']),
		failedTasks: asCount(executor['failedTasks']),
		gcTimeMs: asNumber(executor['totalGCTime']),
		taskTimeMs: asNumber(executor['totalDuration']),
		removeReason: asText(executor['removeReason']),
	};
}

export function mapSparkApplicationDetail(
	target: string,
	body: unknown,
	executors: readonly ExecutorInfo[] | undefined,
	uiUrl?: string,
): Session {
	const run = mapSparkApplication(target, body, uiUrl);
	const app = asObject(body);
	const attempt = latestAttempt(app);
	const attempts = asArray(app['attempts']);
	return {
		...run,
		fields: presentFields([
			['Spark version', attempt['appSparkVersion']],
			['Attempts', attempts.length > 1 ? attempts.length : undefined],
			['Cores granted', app['coresGranted']],
			['Max cores', app['maxCores']],
			['Cores per executor', app['coresPerExecutor']],
			['Memory per executor (MB)', app['memoryPerExecutorMB']],
		]),
		timeline: attempts
			.map(item => asObject(item))
			.map(item => ({
				name: `attempt ${asText(item['attemptId']) ?? '-'} started`,
				at: sparkTime(item['startTimeEpoch'], item['startTime']),
			}))
			.toReversed(),
		config: {},
		errors: [],
		logTail: [],
		links: uiUrl ? {sparkUiUrl: uiUrl} : {},
		executors,
	};
}

export function mapSparkJob(body: unknown): SparkJob {
	const job = asObject(body);
	const rawStatus = asString(job['status']) ?? '';
	const stageIds = asArray(job['stageIds']).flatMap(id => {
		const number = asNumber(id);
		return number === undefined ? [] : [number];
	});
	return {
		id: asNumber(job['jobId']) ?? -1,
		name: asString(job['name']) ?? '',
		description: asText(job['description']),
		status: sparkJobStatus(rawStatus),
		rawStatus,
		stageIds,
		jobGroup: asText(job['jobGroup']),
		submittedAt: parseLooseTime(job['submissionTime']),
		completedAt: parseLooseTime(job['completionTime']),
		tasks: {
			total: asCount(job['numTasks']),
			active: asCount(job['numActiveTasks']),
			completed: asCount(job['numCompletedTasks']),
			completedIndices: asNumber(job['numCompletedIndices']),
			skipped: asCount(job['numSkippedTasks']),
			failed: asCount(job['numFailedTasks']),
			killed: asCount(job['numKilledTasks']),
		},
		stages: {
			total: stageIds.length,
			active: asCount(job['numActiveStages']),
			completed: asCount(job['numCompletedStages']),
			skipped: asCount(job['numSkippedStages']),
			failed: asCount(job['numFailedStages']),
		},
		killedSummary: asCountMap(job['killedTasksSummary']),
	};
}

export function mapSparkStage(body: unknown): SparkStage {
	const stage = asObject(body);
	const rawStatus = asString(stage['status']) ?? '';
	return {
		id: asNumber(stage['stageId']) ?? -1,
		attemptId: asNumber(stage['attemptId']) ?? 0,
		name: asString(stage['name']) ?? '',
		status: sparkStageStatus(rawStatus),
		rawStatus,
		tasks: {
			total: asCount(stage['numTasks']),
			active: asCount(stage['numActiveTasks']),
			// StageData says "Complete", JobData says "Completed".
			completed: asCount(stage['numCompleteTasks']),
			completedIndices: asNumber(stage['numCompletedIndices']),
			skipped: 0,
			failed: asCount(stage['numFailedTasks']),
			killed: asCount(stage['numKilledTasks']),
		},
		submittedAt: parseLooseTime(stage['submissionTime']),
		completedAt: parseLooseTime(stage['completionTime']),
		failureReason: asText(stage['failureReason']),
		inputBytes: asNumber(stage['inputBytes']),
		shuffleReadBytes: asNumber(stage['shuffleReadBytes']),
		shuffleWriteBytes: asNumber(stage['shuffleWriteBytes']),
		spilledBytes: asNumber(stage['diskBytesSpilled']),
	};
}

/** `taskSummary` at quantiles 0.5 and 1.0: the median and slowest task's time (duration, else run time). */
export function mapTaskTimes(
	body: unknown,
): SparkStage['taskTimes'] | undefined {
	const summary = asObject(body);
	const quantiles = asArray(summary['quantiles']).map(item => asNumber(item));
	const times = asArray(summary['duration'] ?? summary['executorRunTime']).map(
		item => asNumber(item),
	);
	const median = times[quantiles.indexOf(0.5)];
	const max = times[quantiles.indexOf(1)];
	return median === undefined || max === undefined
		? undefined
		: {medianMs: median, maxMs: max};
}

/** The environment's Spark properties as a config map (`[[key, value], ...]` on the wire). */
export function mapSparkProperties(body: unknown): Record<string, string> {
	const pairs = asArray(asObject(body)['sparkProperties']);
	const config: Record<string, string> = {};
	for (const pair of pairs) {
		const [key, value] = asArray(pair);
		const name = asString(key);
		if (name !== undefined) {
			config[name] = asString(value) ?? '';
		}
	}

	return config;
}
