/** Provider-neutral model (DESIGN 4). Times are epoch milliseconds. */

export type RunState =
	| 'queued'
	| 'starting'
	| 'running'
	| 'idle'
	| 'busy'
	| 'succeeded'
	| 'failed'
	| 'cancelling'
	| 'cancelled'
	| 'killed'
	| 'unknown';

export type RunKind = 'batch' | 'session' | 'sql' | 'application';

/** What identifies a run to its provider: the target it came from, its kind and native id. */
export type RunRef = {
	readonly target: string;
	readonly kind: RunKind;
	readonly id: string;
};

export type Cost = {
	readonly cuHours?: number;
	readonly vcoreSeconds?: number;
	readonly mbSeconds?: number;
};

export type Run = RunRef & {
	/** `target:kind:id`, unique across every target on screen. */
	readonly key: string;
	readonly provider: string;
	readonly name?: string;
	readonly state: RunState;
	readonly rawState: string;
	readonly submittedAt?: number;
	readonly startedAt?: number;
	readonly endedAt?: number;
	/** When the service last changed something of it, where it says. */
	readonly updatedAt?: number;
	readonly owner?: string;
	readonly queue?: string;
	readonly appId?: string;
	/** Attempt of the Spark application, where the provider has attempts. */
	readonly attemptId?: string;
	readonly sparkUiUrl?: string;
	readonly errorMessage?: string;
	readonly cost?: Cost;
	readonly tags?: Readonly<Record<string, string>>;
	/** The engine release it runs on (EMR Serverless: `esr-4.0.0 (Spark 3.5.2, Scala 2.12)`). */
	readonly release?: string;
	/** What kind of code a job runs (SQL, JAR, PYTHON), where the provider says. */
	readonly codeType?: string;
	/** Where the run's log streams are kept, by stream name, where the provider lists them (EMR's driver logs). */
	readonly logFiles?: Readonly<Record<string, string>>;
};

export type TimelinePhase = {
	readonly name: string;
	readonly at?: number;
	/** Which clock the phase belongs to where a run has several (Synapse: Livy, Scheduler, Plugin). */
	readonly group?: string;
	/** The phase the run is in now. */
	readonly current?: boolean;
};

export type RunError = {
	readonly source?: string;
	readonly code?: string;
	readonly message: string;
};

/** A run seen in full: what the Detail pane shows for a session, batch or application. */
export type Session = Run & {
	/** Interpreter kind for interactive sessions: spark, pyspark, sql, shared... */
	readonly sessionKind?: string;
	/** Ordered label/value pairs that the provider knows and the generic fields do not cover. */
	readonly fields: ReadonlyArray<readonly [string, string]>;
	readonly timeline: readonly TimelinePhase[];
	readonly config: Readonly<Record<string, string>>;
	readonly errors: readonly RunError[];
	readonly logTail: readonly string[];
	readonly links: Readonly<Record<string, string>>;
	/** The code the run executes, where it is one statement (a DLI SQL job). */
	readonly code?: string;
	/** The driver and executors, where the provider reports them (Spark REST, EMR Serverless). */
	readonly executors?: readonly ExecutorInfo[];
};

/** One executor (or the driver) of a Spark application. Sizes in bytes, times in ms. */
export type ExecutorInfo = {
	readonly id: string;
	readonly driver: boolean;
	readonly active: boolean;
	readonly cores: number;
	readonly memoryUsed: number;
	readonly maxMemory: number;
	readonly activeTasks: number;
	readonly completedTasks: number;
	readonly failedTasks: number;
	readonly gcTimeMs?: number;
	readonly taskTimeMs?: number;
	/** Why a dead executor was removed (`Container killed by YARN for exceeding memory limits`). */
	readonly removeReason?: string;
};

export type StatementState =
	| 'waiting'
	| 'running'
	| 'available'
	| 'error'
	| 'cancelling'
	| 'cancelled'
	| 'unknown';

export type StatementOutput = {
	readonly status: string;
	readonly executionCount?: number;
	/** Output by MIME type, as the server sent it. */
	readonly data: Readonly<Record<string, unknown>>;
	readonly errorName?: string;
	readonly errorValue?: string;
	readonly traceback: readonly string[];
};

export type Statement = {
	readonly id: string;
	readonly sessionKey: string;
	readonly code: string;
	readonly state: StatementState;
	readonly rawState: string;
	/** 0..1 where the provider reports it. */
	readonly progress?: number;
	readonly startedAt?: number;
	readonly completedAt?: number;
	readonly output?: StatementOutput;
	/** Label/value pairs only this provider has (Synapse's source id...). */
	readonly fields?: ReadonlyArray<readonly [string, string]>;
};

export type TaskCounts = {
	readonly total: number;
	readonly active: number;
	readonly completed: number;
	/** Distinct partitions finished; Spark's UI uses this as the bar's numerator. */
	readonly completedIndices?: number;
	readonly skipped: number;
	readonly failed: number;
	readonly killed: number;
};

export type StageCounts = {
	readonly total: number;
	readonly active: number;
	readonly completed: number;
	readonly skipped: number;
	readonly failed: number;
};

export type SparkJobStatus = 'running' | 'succeeded' | 'failed' | 'unknown';

/** One Spark job (a sub-job of a run); DLI `sub_jobs` and Spark REST `JobData` map here. */
export type SparkJob = {
	readonly id: number;
	readonly name: string;
	readonly description?: string;
	readonly status: SparkJobStatus;
	readonly rawStatus: string;
	readonly stageIds: readonly number[];
	readonly jobGroup?: string;
	readonly submittedAt?: number;
	readonly completedAt?: number;
	readonly tasks: TaskCounts;
	readonly stages: StageCounts;
	readonly killedSummary: Readonly<Record<string, number>>;
};

export type Progress = {
	readonly runKey: string;
	readonly jobs: readonly SparkJob[];
	/** Stages worth showing under the jobs (active and failed ones), where the provider has them. */
	readonly stages?: readonly SparkStage[];
	/** Overall 0..1 where the provider computes one. */
	readonly overall?: number;
	/** Where the numbers came from, e.g. `spark-rest http://host:4040`. */
	readonly source: string;
	/** The run has ended: these numbers will not change, so they need no more polling. */
	readonly final?: boolean;
	/** What the numbers lack and why (the stages could not be read). */
	readonly note?: string;
};

export type LogTail = {
	readonly runKey: string;
	readonly lines: readonly string[];
	/** Total lines the server holds, where it says. */
	readonly total?: number;
	/** The log's separate streams (driver stdout, stderr...) where the provider reads them apart. */
	readonly streams?: readonly LogStream[];
};

/** One stream of a run's log: what the log view switches between. */
export type LogStream = {
	readonly name: string;
	readonly lines: readonly string[];
	/** Lines the server holds, where it says (the view shows the last `lines.length`). */
	readonly total?: number;
};

export type SparkStageStatus =
	'active' | 'complete' | 'pending' | 'failed' | 'skipped' | 'unknown';

/** One attempt of a Spark stage, as the Progress pane shows it under its jobs. */
export type SparkStage = {
	readonly id: number;
	readonly attemptId: number;
	readonly name: string;
	readonly status: SparkStageStatus;
	readonly rawStatus: string;
	readonly tasks: TaskCounts;
	readonly submittedAt?: number;
	readonly completedAt?: number;
	readonly failureReason?: string;
	readonly inputBytes?: number;
	readonly shuffleReadBytes?: number;
	readonly shuffleWriteBytes?: number;
	readonly spilledBytes?: number;
	/** Task time quantiles of an active stage, where Spark reports them (`taskSummary`). */
	readonly taskTimes?: {readonly medianMs: number; readonly maxMs: number};
};
