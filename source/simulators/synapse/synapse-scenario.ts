import {statementAt} from '../livy/livy-scenario.js';

/**
 * A Synapse Spark pool as pure functions of scenario time (seconds) and of what was cancelled:
 * sessions queue, get scheduled, acquire resources, start, go idle/busy, and end (timed out,
 * killed); batches run to success or fail with errorInfo; ended ones stay listed, newest first.
 */

export type SimSynapseSession = {
	readonly id: number;
	readonly name: string;
	readonly submitter: string;
	readonly createdAt: number;
	/** Seconds spent queued for capacity before the scheduler takes it. */
	readonly queuedFor: number;
	/** The session times out (Livy `dead`, result Failed, LIVY_JOB_TIMED_OUT) at this time. */
	readonly timesOutAt?: number;
	readonly statementTimes: readonly number[];
	readonly firstTemplate: number;
	readonly tags: Readonly<Record<string, string>>;
};

export type SimSynapseBatch = {
	readonly id: number;
	readonly name: string;
	readonly submitter: string;
	readonly createdAt: number;
	readonly runFor: number;
	readonly succeeds: boolean;
};

/** Cancellations the simulator received: key -> scenario time. */
export type Cancellations = ReadonlyMap<string, number>;

export const sessionKey = (id: number) => `session:${id}`;
export const batchKey = (id: number) => `batch:${id}`;
export const statementKey = (sessionId: number, id: number) =>
	`statement:${sessionId}:${id}`;

const sessions: readonly SimSynapseSession[] = [
	{
		id: 0,
		name: 'etl-notebook',
		submitter: 'alice@contoso.com',
		createdAt: 0,
		queuedFor: 1,
		statementTimes: Array.from({length: 60}, (_, index) => 9 + index * 12),
		firstTemplate: 0,
		tags: {team: 'data-eng'},
	},
	{
		id: 1,
		name: 'timed-out-notebook',
		submitter: 'bob@contoso.com',
		createdAt: 0,
		queuedFor: 1,
		timesOutAt: 45,
		statementTimes: [10],
		firstTemplate: 1,
		tags: {},
	},
	{
		id: 2,
		name: 'waiting-for-capacity',
		submitter: 'carol@contoso.com',
		createdAt: 0,
		queuedFor: 50,
		statementTimes: [70, 100],
		firstTemplate: 2,
		tags: {ticket: 'INC-4211'},
	},
	{
		id: 3,
		name: 'adhoc-pyspark',
		submitter: 'dave@contoso.com',
		createdAt: 15,
		queuedFor: 3,
		statementTimes: [30, 31, 60],
		firstTemplate: 3,
		tags: {},
	},
];

/** Scheduled -> preparation -> resource acquisition -> submission -> livy starting -> idle. */
const phaseSeconds = {prepare: 1, acquire: 2, submit: 2, start: 3} as const;

export function visibleSessions(t: number): SimSynapseSession[] {
	return sessions.filter(session => t >= session.createdAt);
}

/** Seconds (scenario time) at which each lifecycle step of a session happens. */
export function sessionSchedule(session: SimSynapseSession) {
	const submittedAt = session.createdAt;
	const scheduledAt = submittedAt + session.queuedFor;
	const preparationAt = scheduledAt + phaseSeconds.prepare;
	const acquisitionAt = preparationAt + phaseSeconds.acquire;
	const submissionAt = acquisitionAt + phaseSeconds.submit;
	const startingAt = submissionAt;
	const idleAt = startingAt + phaseSeconds.start;
	return {
		submittedAt,
		scheduledAt,
		preparationAt,
		acquisitionAt,
		submissionAt,
		startingAt,
		idleAt,
	};
}

/** When the session ended (timed out or killed), if it has. */
export function sessionEnd(
	session: SimSynapseSession,
	t: number,
	cancelled: Cancellations,
): {at: number; how: 'timed-out' | 'killed'} | undefined {
	const killedAt = cancelled.get(sessionKey(session.id));
	const timedOut =
		session.timesOutAt !== undefined && t >= session.timesOutAt
			? session.timesOutAt
			: undefined;
	if (
		killedAt !== undefined &&
		(timedOut === undefined || killedAt < timedOut)
	) {
		return {at: killedAt, how: 'killed'};
	}

	return timedOut === undefined ? undefined : {at: timedOut, how: 'timed-out'};
}

export type SimSynapseStatement = {
	readonly id: number;
	readonly code: string;
	readonly state: 'waiting' | 'running' | 'available' | 'cancelled';
	// The service sends null until there is output.
	// eslint-disable-next-line @typescript-eslint/no-restricted-types
	readonly output: Record<string, unknown> | null;
};

/** Livy's statements, as Synapse serves them (no progress or times), and stopped where cancelled. */
export function statementsAt(
	session: SimSynapseSession,
	t: number,
	cancelled: Cancellations,
): SimSynapseStatement[] {
	const end = Math.min(t, sessionEnd(session, t, cancelled)?.at ?? t);
	return session.statementTimes
		.filter(submittedAt => submittedAt <= end)
		.map((submittedAt, id) => {
			const {code, state, output, completed} = statementAt(
				session.firstTemplate,
				id,
				submittedAt,
				end,
			);
			const cancelledAt = cancelled.get(statementKey(session.id, id));
			return cancelledAt !== undefined &&
				(state !== 'available' || completed > cancelledAt)
				? {id, code, state: 'cancelled', output: null}
				: {id, code, state, output};
		});
}

const historicalBatches = 45;

/**
 * Batches: a history of finished ones (more than two pages of 20), two that run now, and one
 * more every 40 s. Ids grow with time; the list is newest first.
 */
export function batchesAt(t: number): SimSynapseBatch[] {
	const batches: SimSynapseBatch[] = [];
	for (let id = 0; id < historicalBatches; id++) {
		batches.push({
			id,
			name: `daily-load-${String(id).padStart(3, '0')}`,
			submitter: 'etl-sp@contoso.com',
			createdAt: -3600 + id * 60,
			runFor: 40,
			succeeds: id % 9 !== 4,
		});
	}

	batches.push(
		{
			id: historicalBatches,
			name: 'nightly-etl',
			submitter: 'etl-sp@contoso.com',
			createdAt: 0,
			runFor: 35,
			succeeds: true,
		},
		{
			id: historicalBatches + 1,
			name: 'broken-dependency',
			submitter: 'erin@contoso.com',
			createdAt: 0,
			runFor: 20,
			succeeds: false,
		},
	);
	for (let index = 0; 40 * (index + 1) <= t && index < 500; index++) {
		batches.push({
			id: historicalBatches + 2 + index,
			name: `hourly-compaction-${index}`,
			submitter: 'etl-sp@contoso.com',
			createdAt: 40 * (index + 1),
			runFor: 30,
			succeeds: index % 3 !== 2,
		});
	}

	return batches.toReversed();
}

/** Livy's state of a batch, and when it ended. */
export function batchStateAt(
	batch: SimSynapseBatch,
	t: number,
	cancelled: Cancellations,
): {state: string; endedAt?: number; killed?: boolean} {
	const killedAt = cancelled.get(batchKey(batch.id));
	const doneAt = batch.createdAt + batch.runFor;
	if (killedAt !== undefined && killedAt < doneAt) {
		return {state: 'killed', endedAt: killedAt, killed: true};
	}

	if (t >= doneAt) {
		return {state: batch.succeeds ? 'success' : 'dead', endedAt: doneAt};
	}

	if (t < batch.createdAt + 3) {
		return {state: 'not_started'};
	}

	return {state: t < batch.createdAt + 6 ? 'starting' : 'running'};
}
