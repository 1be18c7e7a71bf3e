import {
	batchStateAt,
	type Cancellations,
	sessionEnd,
	sessionSchedule,
	type SimSynapseBatch,
	type SimSynapseSession,
	statementsAt,
} from './synapse-scenario.js';

export const synapseTestWorkspace = 'demoworkspace';

/**
 * Synapse's session and batch bodies (plain, or `detailed` with livyInfo, scheduler and plugin
 * phases) as the service writes them, for the scenario at time `t()`.
 */
export function synapseWire(context: {
	readonly t: () => number;
	readonly at: (seconds: number) => number;
	readonly pool: string;
	readonly cancelled: Cancellations;
}) {
	const {t, at, pool, cancelled} = context;
	// The service writes seven fractional digits and an explicit offset.
	const iso = (seconds: number | undefined) =>
		seconds === undefined
			? null
			: new Date(at(seconds)).toISOString().replace('Z', '0000+00:00');

	function appInfo(kind: 'sessions' | 'batches', id: number, appId: string) {
		const ui = `https://web.azuresynapse.net/sparkui/00000000-0000-0000-0000-0000000000aa/workspaces/${synapseTestWorkspace}/sparkpools/${pool}/${kind}/${id}/applications/${appId}`;
		return {sparkUiUrl: ui, driverLogUrl: `${ui}/driverlog/stderr`};
	}

	function sessionJson(session: SimSynapseSession, detailed: boolean) {
		const now = t();
		const at = sessionSchedule(session);
		const end = sessionEnd(session, now, cancelled);
		const until = end?.at ?? now;
		const statements = statementsAt(session, now, cancelled);
		const busy = statements.some(
			statement =>
				statement.state === 'waiting' || statement.state === 'running',
		);
		let state = 'not_started';
		if (end) {
			state = end.how === 'killed' ? 'killed' : 'dead';
		} else if (now >= at.idleAt) {
			state = busy ? 'busy' : 'idle';
		} else if (now >= at.startingAt) {
			state = 'starting';
		}

		const started = until >= at.startingAt;
		const appId = started
			? `application_1763700000000_${String(session.id + 1).padStart(4, '0')}`
			: null;
		const seen = (seconds: number) => (until >= seconds ? iso(seconds) : null);
		const plain = {
			id: session.id,
			appId,
			appInfo: appId
				? {
						...appInfo('sessions', session.id, appId),
						impulseErrorCode: null,
						isStreamingQueryExists: null,
						impulseClassification: null,
						impulseTsg: null,
						isSessionTimedOut: String(end?.how === 'timed-out'),
					}
				: null,
			state,
			log: started
				? [
						'stdout: ',
						'Picked up _JAVA_OPTIONS: -Djava.io.tmpdir=/mnt/tmp',
						...(end?.how === 'timed-out'
							? ['Session timed out after 0:00:30 of inactivity']
							: []),
						'\nstderr: ',
						'\nYARN Diagnostics: ',
					]
				: null,
			registeredSources: started ? ['default'] : null,
		};
		if (!detailed) {
			return plain;
		}

		const firstStatement = session.statementTimes[0];
		return {
			livyInfo: {
				notStartedAt: iso(at.submittedAt),
				startingAt: seen(at.startingAt),
				idleAt: seen(at.idleAt),
				deadAt: end?.how === 'timed-out' ? iso(end.at) : null,
				shuttingDownAt: null,
				// As recorded: a killed session still says killedAt null.
				killedAt: null,
				recoveringAt: null,
				busyAt:
					firstStatement !== undefined && until >= firstStatement
						? iso(firstStatement)
						: null,
				errorAt: null,
				currentState: state,
				jobCreationRequest: {
					name: session.name,
					conf: {'spark.dynamicAllocation.enabled': 'false'},
					driverMemory: '28g',
					driverCores: 4,
					executorMemory: '28g',
					executorCores: 4,
					numExecutors: 2,
				},
			},
			name: session.name,
			workspaceName: synapseTestWorkspace,
			computeName: pool,
			sparkPoolName: pool,
			submitterName: session.submitter,
			submitterId: '00000000-0000-0000-0000-000000000001',
			artifactId: 'Livy',
			jobType: 'SparkSession',
			result: end
				? end.how === 'killed'
					? 'Cancelled'
					: 'Failed'
				: 'Uncertain',
			schedulerInfo: scheduler(at.submittedAt, at.scheduledAt, end),
			pluginInfo: plugin(at, end, now),
			...(end?.how === 'timed-out'
				? {
						errorInfo: [
							{
								message:
									'The session has been idle longer than its timeout and was stopped.',
								errorCode: 'LIVY_JOB_TIMED_OUT',
								source: 'User',
							},
						],
					}
				: {}),
			tags: session.tags,
			...plain,
		};
	}

	function scheduler(
		submittedAt: number,
		scheduledAt: number,
		end: {at: number; how: string} | undefined,
	) {
		const now = t();
		const scheduled = now >= scheduledAt;
		return {
			submittedAt: iso(submittedAt),
			queuedAt: iso(submittedAt + 0.2),
			scheduledAt: scheduled ? iso(scheduledAt) : null,
			endedAt: end ? iso(end.at + 1) : null,
			cancellationRequestedAt: end?.how === 'killed' ? iso(end.at) : null,
			currentState: end ? 'Ended' : scheduled ? 'Scheduled' : 'Queued',
		};
	}

	function plugin(
		at: {
			preparationAt: number;
			acquisitionAt: number;
			submissionAt: number;
			startingAt: number;
		},
		end: {at: number} | undefined,
		now: number,
	) {
		const until = end?.at ?? now;
		const steps = [
			['Preparation', 'preparationStartedAt', at.preparationAt],
			['ResourceAcquisition', 'resourceAcquisitionStartedAt', at.acquisitionAt],
			['Submission', 'submissionStartedAt', at.submissionAt],
			['Monitoring', 'monitoringStartedAt', at.startingAt + 1],
		] as const;
		let currentState = 'Preparation';
		// The service sends null for phases not reached yet.
		// eslint-disable-next-line @typescript-eslint/no-restricted-types
		const times: Record<string, string | null> = {};
		for (const [name, field, seconds] of steps) {
			times[field] = until >= seconds ? iso(seconds) : null;
			if (until >= seconds) {
				currentState = name;
			}
		}

		if (end) {
			currentState = now >= end.at + 1 ? 'Ended' : 'Cleanup';
		}

		return {
			...times,
			cleanupStartedAt: end ? iso(end.at) : null,
			currentState,
		};
	}

	function batchJson(batch: SimSynapseBatch, detailed: boolean) {
		const now = t();
		const {state, endedAt, killed} = batchStateAt(batch, now, cancelled);
		const started = now >= batch.createdAt + 3;
		const appId = started
			? `application_1763700000000_${String(batch.id + 1001).padStart(4, '0')}`
			: null;
		const end = endedAt === undefined ? undefined : {at: endedAt};
		const failed = state === 'dead';
		const plain = {
			id: batch.id,
			appId,
			appInfo: appId ? appInfo('batches', batch.id, appId) : null,
			state,
			log: started
				? [
						'stdout: ',
						`INFO SparkContext: Submitted application: ${batch.name}`,
						...(failed
							? [
									'\nstderr: ',
									'Exception in thread "main" java.lang.ClassNotFoundException: com.contoso.etl.Main',
								]
							: ['\nstderr: ']),
						'\nYARN Diagnostics: ',
					]
				: null,
		};
		if (!detailed) {
			return plain;
		}

		const at = {
			preparationAt: batch.createdAt + 1,
			acquisitionAt: batch.createdAt + 1.5,
			submissionAt: batch.createdAt + 2.5,
			startingAt: batch.createdAt + 3,
		};
		const seen = (seconds: number) =>
			(endedAt ?? now) >= seconds ? iso(seconds) : null;
		return {
			livyInfo: {
				notStartedAt: iso(batch.createdAt),
				startingAt: seen(batch.createdAt + 3),
				runningAt: seen(batch.createdAt + 6),
				deadAt: failed ? iso(endedAt) : null,
				successAt: state === 'success' ? iso(endedAt) : null,
				killedAt: killed ? iso(endedAt) : null,
				recoveringAt: null,
				currentState: state,
				jobCreationRequest: {
					name: batch.name,
					file: `abfss://jobs@contosolake.dfs.core.windows.net/${batch.name}.jar`,
					className: 'com.contoso.etl.Main',
					args: ['--date', '2026-11-21'],
					jars: [],
					conf: {'spark.sql.shuffle.partitions': '200'},
					driverMemory: '28g',
					driverCores: 4,
					executorMemory: '28g',
					executorCores: 4,
					numExecutors: 4,
				},
			},
			name: batch.name,
			workspaceName: synapseTestWorkspace,
			computeName: pool,
			sparkPoolName: pool,
			submitterName: batch.submitter,
			submitterId: '00000000-0000-0000-0000-000000000002',
			artifactId: 'Livy',
			jobType: 'SparkBatch',
			result: killed
				? 'Cancelled'
				: state === 'success'
					? 'Succeeded'
					: failed
						? 'Failed'
						: 'Uncertain',
			schedulerInfo: scheduler(
				batch.createdAt,
				batch.createdAt + 1,
				end && {...end, how: killed ? 'killed' : 'ended'},
			),
			pluginInfo: plugin(at, end, now),
			...(failed
				? {
						errorInfo: [
							{
								message:
									'Error: java.lang.ClassNotFoundException: com.contoso.etl.Main',
								errorCode: 'LIVY_JOB_FAILED',
								source: 'Dependency',
							},
						],
					}
				: {}),
			tags: {},
			...plain,
		};
	}

	return {sessionJson, batchJson};
}
