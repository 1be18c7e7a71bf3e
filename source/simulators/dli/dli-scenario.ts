/**
 * A DLI project as pure functions of scenario time (seconds) and of what was cancelled.
 * SQL jobs launch, run their Spark sub-jobs one after another (tasks advancing, some skipped or
 * failed on the way) and finish or fail; a long history of finished jobs pages; Spark batches
 * start, run and end in success or dead.
 */

export type SubJobSpec = {
	readonly name: string;
	readonly tasks: number;
	readonly stages: number;
	readonly seconds: number;
	/** Tasks of stages skipped because an earlier job computed them. */
	readonly skippedTasks?: number;
	readonly skippedStages?: number;
	/** Task attempts that fail and are retried. */
	readonly failedTasks?: number;
};

export type SimSqlJob = {
	readonly id: string;
	readonly type: string;
	readonly statement: string;
	readonly queue: string;
	readonly owner: string;
	readonly startAt: number;
	readonly subJobs: readonly SubJobSpec[];
	/** Ends FAILED with this message instead of FINISHED. */
	readonly failsWith?: string;
	/** Historical jobs: already ended with this status. */
	readonly endedAs?: 'FINISHED' | 'FAILED' | 'CANCELLED';
	readonly resultCount: number;
};

export type SimBatchJob = {
	readonly id: string;
	readonly name: string;
	readonly queue: string;
	readonly owner: string;
	readonly startAt: number;
	readonly runFor: number;
	readonly succeeds: boolean;
};

export type Cancellations = ReadonlyMap<string, number>;

const launchSeconds = 2;
const parallelism = 8;

function uuid(prefix: number, index: number): string {
	const hex = (prefix * 1_000_003 + index * 7919)
		.toString(16)
		.padStart(12, '0');
	return `${String(prefix).padStart(8, '0')}-ae44-48eb-bb90-${hex.slice(-12)}`;
}

const liveShapes: ReadonlyArray<{
	type: string;
	statement: string;
	subJobs: SubJobSpec[];
	failsWith?: string;
}> = [
	{
		type: 'QUERY',
		statement:
			'SELECT region, sum(amount) AS revenue\nFROM sales.orders\nWHERE dt = current_date()\nGROUP BY region',
		subJobs: [
			{
				name: 'run at SparkExecutePlanHelper.scala:85',
				tasks: 200,
				stages: 2,
				seconds: 10,
				failedTasks: 2,
			},
			{
				name: 'collect at SQLExecution.scala:143',
				tasks: 400,
				stages: 3,
				seconds: 8,
				skippedTasks: 200,
				skippedStages: 1,
			},
		],
	},
	{
		type: 'INSERT',
		statement:
			'INSERT OVERWRITE TABLE dw.daily_users PARTITION (dt)\nSELECT user_id, count(*) FROM ods.events GROUP BY user_id, dt',
		subJobs: [
			{
				name: 'runJob at FileFormatWriter.scala:266',
				tasks: 120,
				stages: 1,
				seconds: 6,
			},
			{
				name: 'runJob at FileFormatWriter.scala:266',
				tasks: 300,
				stages: 2,
				seconds: 12,
			},
			{name: 'broadcast exchange', tasks: 16, stages: 1, seconds: 3},
		],
	},
	{
		type: 'QUERY',
		statement: 'SELECT * FROM ods.events e JOIN dim.users u ON e.uid = u.id',
		subJobs: [
			{
				name: 'run at SparkExecutePlanHelper.scala:85',
				tasks: 64,
				stages: 2,
				seconds: 9,
				failedTasks: 6,
			},
		],
		failsWith:
			'DLI.0005: org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage 7.0 failed 4 times',
	},
];

const historyTypes = ['QUERY', 'INSERT', 'DDL', 'IMPORT', 'EXPORT', 'QUERY'];
const historyCount = 240;

/** The history (one job every 10 minutes before the start), then a live job every 20 s. */
export function sqlJobsAt(t: number): SimSqlJob[] {
	const jobs: SimSqlJob[] = [];
	for (let index = 0; index < historyCount; index++) {
		const type = historyTypes[index % historyTypes.length]!;
		const endedAs =
			index % 17 === 3 ? 'FAILED' : index % 23 === 5 ? 'CANCELLED' : 'FINISHED';
		jobs.push({
			id: uuid(1, index),
			type,
			statement:
				type === 'DDL'
					? `CREATE TABLE IF NOT EXISTS tmp.t_${index} (id INT, name STRING)`
					: type === 'IMPORT'
						? `LOAD DATA INPATH 'obs://lake/raw/${index}' INTO TABLE ods.events`
						: `SELECT count(*) FROM ods.events WHERE dt = '2026-11-${String((index % 20) + 1).padStart(2, '0')}'`,
			queue: index % 3 === 0 ? 'etl' : 'default',
			owner: index % 4 === 0 ? 'etl_bot' : 'analyst',
			startAt: -600 * (historyCount - index),
			subJobs: [{name: 'run', tasks: 50, stages: 1, seconds: 5}],
			endedAs,
			failsWith:
				endedAs === 'FAILED'
					? 'DLI.0005: Table or view not found: ods.event'
					: undefined,
			resultCount: index % 7,
		});
	}

	for (let index = 0; index * 20 <= t && index < 500; index++) {
		const shape = liveShapes[index % liveShapes.length]!;
		jobs.push({
			id: uuid(2, index),
			type: shape.type,
			statement: shape.statement,
			queue: index % 2 === 0 ? 'default' : 'etl',
			owner: 'oncall',
			startAt: index * 20,
			subJobs: shape.subJobs,
			failsWith: shape.failsWith,
			resultCount: shape.type === 'QUERY' ? 4 : 0,
		});
	}

	return jobs;
}

export type SqlJobState = {
	readonly status: string;
	readonly endedAt?: number;
	/** Index of the running sub-job and how far into it, while running. */
	readonly running?: {readonly index: number; readonly elapsed: number};
};

const runSeconds = (job: SimSqlJob) =>
	job.subJobs.reduce((sum, subJob) => sum + subJob.seconds, 0);

export function sqlJobState(
	job: SimSqlJob,
	t: number,
	cancelled: Cancellations,
): SqlJobState {
	const doneAt = job.startAt + launchSeconds + runSeconds(job);
	if (job.endedAs) {
		return {status: job.endedAs, endedAt: doneAt};
	}

	const cancelledAt = cancelled.get(job.id);
	if (cancelledAt !== undefined && cancelledAt < doneAt) {
		return {status: 'CANCELLED', endedAt: cancelledAt};
	}

	if (t >= doneAt) {
		return {status: job.failsWith ? 'FAILED' : 'FINISHED', endedAt: doneAt};
	}

	if (t < job.startAt + launchSeconds) {
		return {status: 'LAUNCHING'};
	}

	let elapsed = t - job.startAt - launchSeconds;
	for (const [index, subJob] of job.subJobs.entries()) {
		if (elapsed < subJob.seconds) {
			return {status: 'RUNNING', running: {index, elapsed}};
		}

		elapsed -= subJob.seconds;
	}

	return {status: 'RUNNING'};
}

export type SubJobCounts = {
	readonly spec: SubJobSpec;
	readonly running: boolean;
	readonly completed: number;
	readonly active: number;
	readonly failed: number;
	readonly completedStages: number;
	readonly activeStages: number;
};

/** Sub-jobs started so far: the finished ones complete, the running one part way. */
export function subJobCounts(
	job: SimSqlJob,
	state: SqlJobState,
): SubJobCounts[] {
	if (!state.running) {
		return [];
	}

	const {index, elapsed} = state.running;
	return job.subJobs.slice(0, index + 1).map((spec, position) => {
		const todo = spec.tasks - (spec.skippedTasks ?? 0);
		const stages = spec.stages - (spec.skippedStages ?? 0);
		if (position < index) {
			return {
				spec,
				running: false,
				completed: todo,
				active: 0,
				failed: spec.failedTasks ?? 0,
				completedStages: stages,
				activeStages: 0,
			};
		}

		const fraction = Math.min(1, elapsed / spec.seconds);
		const completed = Math.min(todo, Math.floor(fraction * todo));
		return {
			spec,
			running: true,
			completed,
			active: Math.min(parallelism, todo - completed),
			failed: Math.floor(fraction * (spec.failedTasks ?? 0)),
			completedStages: Math.min(stages - 1, Math.floor(fraction * stages)),
			activeStages: 1,
		};
	});
}

const batchHistory = 30;

export function batchesAt(t: number): SimBatchJob[] {
	const batches: SimBatchJob[] = [];
	for (let index = 0; index < batchHistory; index++) {
		batches.push({
			id: uuid(3, index),
			name: `spark-etl-${String(index).padStart(3, '0')}`,
			queue: index % 2 === 0 ? 'etl' : 'default',
			owner: 'etl_bot',
			startAt: -1800 * (batchHistory - index),
			runFor: 300,
			succeeds: index % 6 !== 1,
		});
	}

	for (let index = 0; index * 45 <= t && index < 300; index++) {
		batches.push({
			id: uuid(4, index),
			name: index % 2 === 0 ? 'sessionize-clicks' : 'compact-small-files',
			queue: 'etl',
			owner: 'oncall',
			startAt: index * 45,
			runFor: 40,
			succeeds: index % 3 !== 2,
		});
	}

	return batches;
}

export function batchState(
	batch: SimBatchJob,
	t: number,
	cancelled: Cancellations,
): {state: string; endedAt?: number} {
	const doneAt = batch.startAt + batch.runFor;
	const cancelledAt = cancelled.get(batch.id);
	if (cancelledAt !== undefined && cancelledAt < doneAt) {
		return {state: 'dead', endedAt: cancelledAt};
	}

	if (t >= doneAt) {
		return {state: batch.succeeds ? 'success' : 'dead', endedAt: doneAt};
	}

	return {state: t < batch.startAt + 4 ? 'starting' : 'running'};
}

export function batchLog(
	batch: SimBatchJob,
	t: number,
	cancelled: Cancellations,
): string[] {
	const {state} = batchState(batch, t, cancelled);
	const lines = ['stdout: '];
	const seconds = Math.max(
		0,
		Math.min(t, batch.startAt + batch.runFor) - batch.startAt,
	);
	for (let second = 0; second < seconds * 15; second++) {
		lines.push(
			`26/11/21 09:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')} INFO TaskSetManager: Finished task ${second}.0 in stage ${Math.floor(second / 50)}.0`,
		);
	}

	lines.push('stderr: ');
	if (state === 'dead') {
		lines.push(
			'Exception in thread "main" org.apache.spark.sql.AnalysisException: Path does not exist: obs://lake/raw/clicks',
		);
	}

	lines.push('YARN Diagnostics: ');
	return lines;
}
