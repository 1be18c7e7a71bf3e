/**
 * An EMR Serverless Spark workspace as pure functions of scenario time (seconds) and of what was
 * cancelled: a history of finished job runs (more than two pages), live runs going
 * Submitted -> Pending -> Running -> Success | Failed (or Cancelling -> Cancelled), session
 * clusters, and SQL statements that can be looked up by id.
 */

export type SimJobRun = {
	readonly id: string;
	readonly name: string;
	readonly codeType: 'SQL' | 'JAR' | 'PYTHON';
	readonly queue: string;
	readonly creator: string;
	readonly submitAt: number;
	readonly runFor: number;
	readonly fails: boolean;
	readonly tags: ReadonlyArray<{readonly key: string; readonly value: string}>;
	readonly release: string;
};

export type Cancellations = ReadonlyMap<string, number>;

export const workspaceId = 'w-d2d82aa09155abcd';
const releases = [
	'esr-4.0.0 (Spark 3.5.2, Scala 2.12)',
	'esr-3.3.1 (Spark 3.4.4, Scala 2.12)',
];
const codeTypes = ['SQL', 'JAR', 'PYTHON'] as const;
const historyCount = 260;

function hexId(prefix: string, seed: number): string {
	return `${prefix}-${((seed * 2_654_435_761) % 4_294_967_296).toString(16).padStart(8, '0')}${String(seed).padStart(8, '0')}`;
}

export function jobRunsAt(t: number): SimJobRun[] {
	const runs: SimJobRun[] = [];
	for (let index = 0; index < historyCount; index++) {
		runs.push({
			id: hexId('jr', index),
			name: index % 5 === 0 ? 'daily-report' : `etl-step-${index % 12}`,
			codeType: codeTypes[index % 3]!,
			queue: index % 4 === 0 ? 'root_queue' : 'dev_queue',
			creator: index % 2 === 0 ? '150978934701abcd' : '150976534701efgh',
			submitAt: -300 * (historyCount - index),
			runFor: 60 + (index % 7) * 30,
			fails: index % 11 === 3,
			tags:
				index % 3 === 0
					? [{key: 'workflowId', value: `wf-${index % 4}`}]
					: [{key: 'team', value: index % 2 === 0 ? 'data eng' : 'bi'}],
			release: releases[index % 2]!,
		});
	}

	for (let index = 0; index * 15 <= t && index < 400; index++) {
		runs.push({
			id: hexId('jr', 10_000 + index),
			name: ['sessionize-clicks', 'refresh-dim-users', 'score-model'][
				index % 3
			]!,
			codeType: codeTypes[index % 3]!,
			queue: 'dev_queue',
			creator: '150978934701abcd',
			submitAt: index * 15,
			runFor: 40,
			fails: index % 4 === 3,
			tags: [{key: 'team', value: 'data eng'}],
			release: releases[0]!,
		});
	}

	return runs;
}

export type JobRunState = {
	readonly state: string;
	readonly endAt?: number;
	readonly reason?: {readonly code: string; readonly message: string};
};

export function jobRunState(
	run: SimJobRun,
	t: number,
	cancelled: Cancellations,
): JobRunState {
	const doneAt = run.submitAt + run.runFor;
	const cancelAt = cancelled.get(run.id);
	if (cancelAt !== undefined && cancelAt < doneAt) {
		return t >= cancelAt + 2
			? {
					state: 'Cancelled',
					endAt: cancelAt + 2,
					reason: {code: 'ERR-200001', message: 'cancelled by user'},
				}
			: {state: 'Cancelling'};
	}

	if (t >= doneAt) {
		return run.fails
			? {
					state: 'Failed',
					endAt: doneAt,
					reason: {
						code: 'ERR-100000',
						message:
							'User application exited with status 1: Table or view not found: ods.events_v2',
					},
				}
			: {state: 'Success', endAt: doneAt};
	}

	if (t < run.submitAt + 2) {
		return {state: 'Submitted'};
	}

	return {state: t < run.submitAt + 5 ? 'Pending' : 'Running'};
}

/** Driver stdout grows by a few lines a second while the run goes on. */
export function driverLog(
	run: SimJobRun,
	stream: string,
	t: number,
	cancelled: Cancellations,
): string[] {
	const end = jobRunState(run, t, cancelled).endAt ?? t;
	const seconds = Math.max(0, Math.floor(Math.min(end, t) - run.submitAt));
	if (stream === 'stderr') {
		const lines = Array.from(
			{length: seconds * 4},
			(_, index) =>
				`26/11/21 10:${String(Math.floor(index / 60) % 60).padStart(2, '0')}:${String(index % 60).padStart(2, '0')} INFO TaskSetManager: Finished task ${index}.0 in stage ${Math.floor(index / 40)}.0 (TID ${index})\n`,
		);
		if (run.fails && jobRunState(run, t, cancelled).state === 'Failed') {
			lines.push(
				'Exception in thread "main" org.apache.spark.sql.AnalysisException: Table or view not found: ods.events_v2\n',
			);
		}

		return lines;
	}

	if (stream === 'stdout') {
		return Array.from(
			{length: Math.min(seconds, 30)},
			(_, index) => `batch ${index} processed\n`,
		);
	}

	return [`container launched on node-${run.id.slice(-2)}\n`];
}

export type SimSessionCluster = {
	readonly id: string;
	readonly name: string;
	readonly kind: 'SQL' | 'NOTEBOOK' | 'THRIFT';
	readonly queue: string;
	readonly user: string;
	readonly createdAt: number;
	readonly startingFor: number;
	readonly stoppedAt?: number;
	readonly error?: string;
	readonly autoStopMinutes: number;
};

export const sessionClusters: readonly SimSessionCluster[] = [
	{
		id: 'sc-sql-adhoc',
		name: 'adhoc_query',
		kind: 'SQL',
		queue: 'dev_queue',
		user: 'analyst',
		createdAt: -7200,
		startingFor: 60,
		autoStopMinutes: 45,
	},
	{
		id: 'sc-notebook',
		name: 'ds-notebook',
		kind: 'NOTEBOOK',
		queue: 'dev_queue',
		user: 'data_scientist',
		createdAt: -86_400,
		startingFor: 90,
		stoppedAt: -3600,
		autoStopMinutes: 60,
	},
	{
		id: 'sc-thrift',
		name: 'bi-thrift',
		kind: 'THRIFT',
		queue: 'root_queue',
		user: 'bi_service',
		createdAt: 0,
		startingFor: 20,
		autoStopMinutes: 120,
	},
	{
		id: 'sc-broken',
		name: 'broken-config',
		kind: 'SQL',
		queue: 'dev_queue',
		user: 'analyst',
		createdAt: -600,
		startingFor: 30,
		error: 'spark.executor.memory must be at least 1g',
		autoStopMinutes: 45,
	},
];

export function sessionState(cluster: SimSessionCluster, t: number): string {
	if (cluster.error && t >= cluster.createdAt + cluster.startingFor) {
		return 'Error';
	}

	if (cluster.stoppedAt !== undefined && t >= cluster.stoppedAt) {
		return 'Stopped';
	}

	return t < cluster.createdAt + cluster.startingFor ? 'Starting' : 'Running';
}

export type SimSqlStatement = {
	readonly id: string;
	readonly submitAt: number;
	readonly runFor: number;
	readonly error?: {readonly code: string; readonly message: string};
	readonly schema: string;
	readonly rows: ReadonlyArray<readonly unknown[]>;
};

const tablesSchema = JSON.stringify({
	type: 'struct',
	fields: [
		{name: 'namespace', type: 'string', nullable: false, metadata: {}},
		{name: 'tableName', type: 'string', nullable: false, metadata: {}},
		{name: 'isTemporary', type: 'boolean', nullable: false, metadata: {}},
	],
});

export const sqlStatements: readonly SimSqlStatement[] = [
	{
		id: 'st-show-tables',
		submitAt: -30,
		runFor: 3,
		schema: tablesSchema,
		rows: [
			['ods', 'events', false],
			['ods', 'users', false],
			['dw', 'daily_revenue', false],
		],
	},
	{
		id: 'st-long-count',
		submitAt: 0,
		runFor: 25,
		schema: JSON.stringify({
			type: 'struct',
			fields: [{name: 'count(1)', type: 'long', nullable: false, metadata: {}}],
		}),
		rows: [[184_467_442]],
	},
	{
		id: 'st-bad-column',
		submitAt: -10,
		runFor: 2,
		error: {
			code: 'ERROR-102',
			message:
				'[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `revnue` cannot be resolved. Did you mean `revenue`?',
		},
		schema: '',
		rows: [],
	},
];
