/**
 * A Spark application whose jobs advance task by task, as a pure function of time.
 * Jobs are submitted one after another; some lose tasks, some have killed speculative copies,
 * some skip a stage whose output was already computed, and some fail.
 */

export type SimApplication = {
	readonly id: string;
	readonly name: string;
	readonly user: string;
	/** Seconds after the simulator's start. */
	readonly startAt: number;
	/** Seconds it runs; undefined runs for ever. */
	readonly runFor?: number;
	readonly attempts?: number;
	readonly sparkVersion?: string;
	/** The exit code its last attempt ends with, as newer History Servers report it. */
	readonly exitCode?: number;
	/**
	 * The job group of a job submitted at scenario second `at`: Livy runs each statement's code in
	 * the group named by the statement id. Undefined: the job has no group.
	 */
	readonly jobGroupAt?: (at: number) => string | undefined;
};

export type SimJob = {
	readonly jobId: number;
	readonly submittedAt: number;
	readonly endedAt?: number;
	readonly status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
	readonly numTasks: number;
	readonly active: number;
	readonly completed: number;
	readonly skippedTasks: number;
	readonly failed: number;
	readonly killed: number;
	readonly stageIds: number[];
	readonly stages: SimStage[];
	readonly name: string;
	readonly description: string;
};

export type SimStage = {
	readonly stageId: number;
	readonly status: 'ACTIVE' | 'COMPLETE' | 'PENDING' | 'FAILED' | 'SKIPPED';
	readonly numTasks: number;
	readonly active: number;
	readonly completed: number;
	readonly failed: number;
	readonly killed: number;
	readonly name: string;
	readonly failureReason?: string;
	readonly submittedAt?: number;
	readonly completedAt?: number;
};

const jobEvery = 9;
const tasksPerSecond = 6;
const cores = 8;
const stagesPerJob = 3;

const callSites = [
	'count at NativeMethodAccessorImpl.java:0',
	'collect at <console>:27',
	'save at ETLJob.scala:88',
	'showString at NativeMethodAccessorImpl.java:0',
	'parquet at Ingest.scala:41',
];

function tasksOf(jobId: number): number {
	return 40 + ((jobId * 37) % 160);
}

function jobTraits(jobId: number) {
	return {
		skipsStage: jobId % 3 === 2,
		failedTasks: jobId % 5 === 3 ? 2 : 0,
		killedTasks: jobId % 7 === 4 ? 3 : 0,
		fails: jobId % 8 === 6,
	};
}

/** Every job of `app` submitted by `elapsedSeconds`, newest first (Spark's own order). */
export function jobsAt(app: SimApplication, elapsedSeconds: number): SimJob[] {
	const appTime = elapsedSeconds - app.startAt;
	if (appTime < 0) {
		return [];
	}

	const horizon =
		app.runFor === undefined ? appTime : Math.min(appTime, app.runFor);
	const count = Math.floor(horizon / jobEvery) + 1;
	const first = Math.max(0, count - 200);
	const jobs: SimJob[] = [];
	for (let jobId = count - 1; jobId >= first; jobId--) {
		jobs.push(jobAt(app, jobId, appTime));
	}

	return jobs;
}

function jobAt(app: SimApplication, jobId: number, appTime: number): SimJob {
	const traits = jobTraits(jobId);
	const submittedAt = jobId * jobEvery;
	const numberTasks = tasksOf(jobId);
	const perStage = Math.floor(numberTasks / stagesPerJob);
	const skippedTasks = traits.skipsStage ? perStage : 0;
	const work = numberTasks - skippedTasks;
	const stopAt = app.runFor ?? Number.POSITIVE_INFINITY;
	const failAt = traits.fails
		? Math.floor(work * 0.7)
		: Number.POSITIVE_INFINITY;
	const now = Math.min(appTime, stopAt);
	const done = Math.min(
		work,
		failAt,
		Math.floor((now - submittedAt) * tasksPerSecond),
	);
	const finished = done >= work || done >= failAt || appTime >= stopAt;
	const failed = done >= failAt || (appTime >= stopAt && done < work);
	const completedAt = finished
		? submittedAt + Math.ceil(Math.min(done, work) / tasksPerSecond)
		: undefined;
	const active = finished ? 0 : Math.min(cores, work - done);
	const failedTasks =
		Math.min(traits.failedTasks, Math.floor(done / 10)) + (failed ? 1 : 0);
	const killed = Math.min(traits.killedTasks, Math.floor(done / 20));
	const stageIds = Array.from(
		{length: stagesPerJob},
		(_, index) => jobId * stagesPerJob + index,
	);
	const stages = stageIds.map((stageId, index) => {
		const skipped = traits.skipsStage && index === 0;
		const before = (traits.skipsStage ? index - 1 : index) * perStage;
		const size =
			index === stagesPerJob - 1 ? numberTasks - perStage * index : perStage;
		const stageDone = skipped ? 0 : Math.min(size, Math.max(0, done - before));
		let status: SimStage['status'] = 'PENDING';
		if (skipped) {
			status = 'SKIPPED';
		} else if (stageDone >= size) {
			status = 'COMPLETE';
		} else if (stageDone > 0 || (done === before && !finished)) {
			status = failed ? 'FAILED' : finished ? 'PENDING' : 'ACTIVE';
		}

		return {
			stageId,
			status,
			numTasks: size,
			active: status === 'ACTIVE' ? Math.min(active, size - stageDone) : 0,
			completed: stageDone,
			failed: status === 'FAILED' ? failedTasks : 0,
			killed: status === 'ACTIVE' ? killed : 0,
			name: callSites[(jobId + index) % callSites.length] ?? 'stage',
			failureReason:
				status === 'FAILED'
					? 'Job aborted due to stage failure: Task 3 in stage failed 4 times, most recent failure: java.lang.OutOfMemoryError: Java heap space'
					: undefined,
			submittedAt: status === 'PENDING' || skipped ? undefined : submittedAt,
			completedAt: status === 'COMPLETE' ? completedAt : undefined,
		};
	});
	return {
		jobId,
		submittedAt,
		endedAt: completedAt,
		status: failed ? 'FAILED' : finished ? 'SUCCEEDED' : 'RUNNING',
		numTasks: numberTasks,
		active,
		completed: Math.min(done, work),
		skippedTasks,
		failed: failedTasks,
		killed,
		stageIds,
		stages,
		name: callSites[jobId % callSites.length] ?? 'job',
		description: `${app.name} step ${jobId}`,
	};
}

export function isRunningAt(
	app: SimApplication,
	elapsedSeconds: number,
): boolean {
	const appTime = elapsedSeconds - app.startAt;
	return appTime >= 0 && (app.runFor === undefined || appTime < app.runFor);
}
