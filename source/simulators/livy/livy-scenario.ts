import type {SimApplication} from '../spark/spark-scenario.js';
import {statementTemplates} from './statement-templates.js';

/**
 * Livy sessions, statements and batches as pure functions of scenario time (seconds).
 * Sessions go starting -> idle <-> busy -> dead; statements waiting -> running -> available;
 * batches running -> success | dead.
 */

const waitSeconds = 1;
const runSeconds = 7;

export type SimSession = {
	readonly id: number;
	readonly name: string;
	readonly kind: string;
	readonly owner: string;
	readonly createdAt: number;
	readonly startingUntil: number;
	readonly deadAt?: number;
	/** Times at which statements are submitted. */
	readonly statementTimes: (horizon: number) => number[];
	/** Index into the templates of the first statement. */
	readonly firstTemplate: number;
};

const sessions: readonly SimSession[] = [
	{
		id: 0,
		name: 'etl-notebook',
		kind: 'pyspark',
		owner: 'alice',
		createdAt: 0,
		startingUntil: 3,
		statementTimes: horizon => everyFrom(4, 10, horizon),
		firstTemplate: 0,
	},
	{
		id: 1,
		name: 'adhoc-scala',
		kind: 'spark',
		owner: 'bob',
		createdAt: 0,
		startingUntil: 6,
		deadAt: 900,
		statementTimes: () => [8, 30],
		firstTemplate: 5,
	},
	{
		id: 2,
		name: 'reporting',
		kind: 'sql',
		owner: 'carol',
		createdAt: 0,
		startingUntil: 3,
		deadAt: 40,
		statementTimes: () => [4],
		firstTemplate: 1,
	},
	{
		id: 3,
		name: 'late-joiner',
		kind: 'pyspark',
		owner: 'dave',
		createdAt: 20,
		startingUntil: 28,
		statementTimes: horizon => everyFrom(35, 25, horizon),
		firstTemplate: 2,
	},
];

function everyFrom(start: number, every: number, horizon: number): number[] {
	const times: number[] = [];
	for (let at = start; at <= horizon; at += every) {
		times.push(at);
	}

	return times;
}

export type SimStatement = {
	readonly id: number;
	readonly code: string;
	readonly state: 'waiting' | 'running' | 'available';
	readonly progress: number;
	readonly started: number;
	readonly completed: number;
	// Livy sends null for what it does not know yet.
	// eslint-disable-next-line @typescript-eslint/no-restricted-types
	readonly output: Record<string, unknown> | null;
	readonly submittedAt: number;
};

export function visibleSessions(t: number): SimSession[] {
	return sessions.filter(session => t >= session.createdAt);
}

export function findSession(id: number, t: number): SimSession | undefined {
	return visibleSessions(t).find(session => session.id === id);
}

/** Statement `id` of a session, submitted at `submittedAt`, as it stands at scenario time `end`. */
export function statementAt(
	firstTemplate: number,
	id: number,
	submittedAt: number,
	end: number,
): SimStatement {
	const template =
		statementTemplates[(firstTemplate + id) % statementTemplates.length]!;
	const startAt = submittedAt + waitSeconds;
	const doneAt = startAt + runSeconds;
	let state: SimStatement['state'] = 'waiting';
	if (end >= doneAt) {
		state = 'available';
	} else if (end >= startAt) {
		state = 'running';
	}

	return {
		id,
		code: template.code,
		state,
		progress:
			state === 'available'
				? 1
				: state === 'running'
					? Math.round(((end - startAt) / runSeconds) * 100) / 100
					: 0,
		started: state === 'waiting' ? 0 : startAt,
		completed: state === 'available' ? doneAt : 0,
		output:
			state === 'available' ? {...template.output, execution_count: id} : null,
		submittedAt,
	};
}

export function statementsAt(session: SimSession, t: number): SimStatement[] {
	const end = session.deadAt === undefined ? t : Math.min(t, session.deadAt);
	return session
		.statementTimes(end)
		.filter(submittedAt => submittedAt <= end)
		.map((submittedAt, id) =>
			statementAt(session.firstTemplate, id, submittedAt, end),
		);
}

export function sessionStateAt(session: SimSession, t: number): string {
	if (session.deadAt !== undefined && t >= session.deadAt) {
		return 'dead';
	}

	if (t < session.createdAt + 2 && session.createdAt > 0) {
		return 'not_started';
	}

	if (t < session.startingUntil) {
		return 'starting';
	}

	return statementsAt(session, t).some(
		statement => statement.state !== 'available',
	)
		? 'busy'
		: 'idle';
}

export function sessionLogAt(session: SimSession, t: number): string[] {
	const lines = [
		'stdout: ',
		`26/11/21 09:00:00 INFO SparkContext: Running Spark version 3.5.1`,
	];
	if (t >= session.startingUntil) {
		lines.push(
			'26/11/21 09:00:03 INFO SparkContext: Successfully started SparkContext',
			`26/11/21 09:00:03 INFO YarnClientSchedulerBackend: Application ${appIdOf('session', session.id)} has started running.`,
		);
	}

	for (const statement of statementsAt(session, t)) {
		lines.push(
			`26/11/21 09:00:${String(Math.floor(statement.submittedAt) % 60).padStart(2, '0')} INFO ReplDriver: statement ${statement.id} ${statement.state}`,
		);
	}

	lines.push('\nstderr: ');
	if (sessionStateAt(session, t) === 'dead') {
		lines.push(
			'26/11/21 09:00:40 ERROR ApplicationMaster: RECEIVED SIGNAL TERM',
			'java.lang.OutOfMemoryError: GC overhead limit exceeded',
		);
	}

	lines.push('\nYARN Diagnostics: ');
	return lines;
}

export type SimBatch = {
	readonly id: number;
	readonly name: string;
	readonly owner: string;
	readonly startAt: number;
	readonly runFor: number;
	readonly succeeds: boolean;
};

const fixedBatches: readonly SimBatch[] = [
	{
		id: 0,
		name: 'nightly-etl',
		owner: 'etl-bot',
		startAt: 0,
		runFor: 25,
		succeeds: true,
	},
	{
		id: 1,
		name: 'broken-job',
		owner: 'etl-bot',
		startAt: 0,
		runFor: 18,
		succeeds: false,
	},
	{
		id: 2,
		name: 'long-aggregation',
		owner: 'erin',
		startAt: 0,
		runFor: 900,
		succeeds: true,
	},
];

const maxBatches = 200;

/** The fixed batches, then one more every 45 s that runs for 30 s, alternating success and failure. */
export function batchesAt(t: number): SimBatch[] {
	const periodic: SimBatch[] = [];
	for (let id = 3; id < maxBatches; id++) {
		const startAt = 45 * (id - 2);
		if (startAt > t) {
			break;
		}

		periodic.push({
			id,
			name: `hourly-compaction-${id}`,
			owner: 'etl-bot',
			startAt,
			runFor: 30,
			succeeds: id % 2 === 0,
		});
	}

	return [...fixedBatches, ...periodic];
}

export function batchStateAt(batch: SimBatch, t: number): string {
	const age = t - batch.startAt;
	if (age < 2) {
		return 'starting';
	}

	if (age < batch.runFor) {
		return 'running';
	}

	return batch.succeeds ? 'success' : 'dead';
}

export function batchLogAt(batch: SimBatch, t: number): string[] {
	const state = batchStateAt(batch, t);
	const lines = ['stdout: ', `INFO SparkSubmit: launching ${batch.name}`];
	const progressLines = Math.min(
		40,
		Math.max(0, Math.floor(t - batch.startAt)),
	);
	for (let index = 0; index < progressLines; index++) {
		lines.push(
			`INFO DAGScheduler: ShuffleMapStage ${index} (${batch.name}) finished in ${(index % 7) + 1}.${index % 10} s`,
		);
	}

	// Spark's own logging goes to stderr (log4j's default); the job's prints to stdout.
	lines.push(
		'\nstderr: ',
		`WARN NativeCodeLoader: Unable to load native-hadoop library for your platform`,
		`INFO SparkContext: Submitted application: ${batch.name}`,
	);
	if (state === 'dead') {
		lines.push(
			'ERROR ApplicationMaster: User class threw exception: java.lang.IllegalStateException: input is empty',
			'java.lang.IllegalStateException: input is empty',
			`\tat com.example.${batch.name.replaceAll('-', '')}.Main$.run(Main.scala:42)`,
			'\tat org.apache.spark.deploy.yarn.ApplicationMaster$$anon$2.run(ApplicationMaster.scala:739)',
			'Caused by: java.io.FileNotFoundException: s3a://lake/raw/2026-11-21/_SUCCESS does not exist',
			'\tat org.apache.hadoop.fs.s3a.S3AFileSystem.getFileStatus(S3AFileSystem.java:3866)',
			'\t... 12 more',
			'INFO ShutdownHookManager: Shutdown hook called',
		);
	}

	return lines;
}

export function appIdOf(kind: 'session' | 'batch', id: number): string {
	return `application_1700000000000_${String((kind === 'session' ? 1000 : 2000) + id).padStart(4, '0')}`;
}

/** The Spark applications behind the sessions and batches, for the Spark simulator to serve. */
/** The id of the statement of `session` running at scenario second `t`, if one is. */
export function statementRunningAt(
	session: SimSession,
	t: number,
): string | undefined {
	const id = session
		.statementTimes(t)
		.findIndex(
			submittedAt =>
				t >= submittedAt + waitSeconds &&
				t <= submittedAt + waitSeconds + runSeconds,
		);
	return id === -1 ? undefined : String(id);
}

export function livyApplications(): SimApplication[] {
	const fromSessions = sessions.map(session => ({
		id: appIdOf('session', session.id),
		name: `livy-session-${session.id}-${session.name}`,
		user: session.owner,
		startAt: session.startingUntil,
		// Livy runs each statement's code in the job group named by the statement id.
		jobGroupAt: (t: number) => statementRunningAt(session, t),
		runFor:
			session.deadAt === undefined
				? undefined
				: session.deadAt - session.startingUntil,
	}));
	const fromBatches = batchesAt(45 * maxBatches).map(batch => ({
		id: appIdOf('batch', batch.id),
		name: batch.name,
		user: batch.owner,
		startAt: batch.startAt + 2,
		runFor: batch.runFor - 2,
	}));
	return [...fromSessions, ...fromBatches];
}
