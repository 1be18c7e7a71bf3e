import {Buffer} from 'node:buffer';
import {randomUUID} from 'node:crypto';
import {type SimClock, scenarioTime} from '../sim-clock.js';
import {json, type SimRequest, type SimResponse} from '../sim-server.js';
import {
	batchesAt,
	batchKey,
	batchStateAt,
	sessionEnd,
	sessionKey,
	sessionSchedule,
	type SimSynapseBatch,
	type SimSynapseSession,
	statementKey,
	statementsAt,
	visibleSessions,
} from './synapse-scenario.js';

const base64url = (value: unknown) =>
	Buffer.from(JSON.stringify(value)).toString('base64url');

/** The bearer token the simulator accepts: JWT-shaped, so the client can name its identity. */
export const synapseTestToken = [
	base64url({typ: 'JWT', alg: 'none'}),
	base64url({
		aud: 'https://dev.azuresynapse.net',
		upn: 'oncall@contoso.com',
		tid: '00000000-0000-0000-0000-0000000000aa',
		exp: 4_102_444_800,
	}),
	'sim-signature',
].join('.');

export const synapseTestWorkspace = 'demoworkspace';
export const synapseTestPool = 'demopool';
const versions = new Set(['2019-11-01-preview', '2020-12-01']);

export type SynapseSimulatorOptions = {
	readonly clock: SimClock;
	readonly startedAt?: number;
	readonly token?: string;
	readonly pool?: string;
};

/** The Synapse livyApi data plane over the scenario, with the service's PascalCase error bodies. */
export function synapseSimulator(
	options: SynapseSimulatorOptions,
): (request: SimRequest) => SimResponse {
	const {clock} = options;
	const {t, at} = scenarioTime(clock, options.startedAt);
	const token = options.token ?? synapseTestToken;
	const pool = options.pool ?? synapseTestPool;
	const cancelled = new Map<string, number>();
	// The service writes seven fractional digits and an explicit offset.
	const iso = (seconds: number | undefined) =>
		seconds === undefined
			? null
			: new Date(at(seconds)).toISOString().replace('Z', '0000+00:00');

	const headers = () => ({
		'x-ms-request-id': randomUUID(),
		'x-ms-activity-id': randomUUID(),
	});
	const answer = (status: number, body: unknown) =>
		json(status, body, headers());
	const serviceError = (status: number, message: string) =>
		answer(status, {
			TraceId: `${randomUUID()} | client-request-id : ${randomUUID()}`,
			Message: message,
		});
	const empty = (): SimResponse => ({
		status: 200,
		headers: {...headers(), 'content-length': '0'},
		body: '',
	});

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

	// The service caps pages at 20 and its `total` has been the page length: clients must page until short.
	function page(items: unknown[], query: URLSearchParams) {
		const from = Math.max(0, Number(query.get('from') ?? 0) || 0);
		const size = Math.min(
			20,
			Math.max(1, Number(query.get('size') ?? 20) || 20),
		);
		const sessions = items.slice(from, from + size);
		return answer(200, {from, total: sessions.length, sessions});
	}

	function notRunning(session: SimSynapseSession) {
		return serviceError(
			400,
			`Session ${session.id} of workspace ${synapseTestWorkspace} on pool ${pool} is not running. It is either completed or not fully yet ready. Scheduler state : Ended. Plugin state : Ended. Livy state : ${sessionJson(session, false).state}.`,
		);
	}

	function sessionRoute(
		request: SimRequest,
		rest: string[],
		detailed: boolean,
	): SimResponse {
		const now = t();
		const [id, sub, statementId, action, extra] = rest;
		if (id === undefined) {
			return request.method === 'GET'
				? page(
						visibleSessions(now)
							.toReversed()
							.map(session => sessionJson(session, detailed)),
						request.query,
					)
				: serviceError(405, 'Method not allowed');
		}

		const session = visibleSessions(now).find(item => String(item.id) === id);
		if (!session) {
			return serviceError(404, `Session ${id} not found`);
		}

		const ended = sessionEnd(session, now, cancelled) !== undefined;
		if (sub === undefined) {
			if (request.method === 'DELETE') {
				if (!ended) {
					cancelled.set(sessionKey(session.id), now);
				}

				return empty();
			}

			return answer(200, sessionJson(session, detailed));
		}

		if (sub !== 'statements' || extra !== undefined) {
			return serviceError(404, 'Not found');
		}

		if (ended) {
			return notRunning(session);
		}

		const statements = statementsAt(session, now, cancelled);
		if (statementId === undefined) {
			return answer(200, {
				total_statements: statements.length,
				statements: statements.map(statement => ({
					...statement,
					sourceId: 'default',
				})),
			});
		}

		const statement = statements.find(item => String(item.id) === statementId);
		if (!statement) {
			return serviceError(404, `Statement ${statementId} not found`);
		}

		if (action === 'cancel' && request.method === 'POST') {
			if (statement.state === 'waiting' || statement.state === 'running') {
				cancelled.set(statementKey(session.id, statement.id), now);
			}

			return answer(200, {msg: 'canceled'});
		}

		return action === undefined
			? answer(200, {...statement, sourceId: 'default'})
			: serviceError(404, 'Not found');
	}

	function batchRoute(
		request: SimRequest,
		rest: string[],
		detailed: boolean,
	): SimResponse {
		const now = t();
		const batches = batchesAt(now);
		const [id, extra] = rest;
		if (id === undefined) {
			return page(
				batches.map(batch => batchJson(batch, detailed)),
				request.query,
			);
		}

		const batch = batches.find(item => String(item.id) === id);
		if (!batch || extra !== undefined) {
			return serviceError(404, `Batch ${id} not found`);
		}

		if (request.method === 'DELETE') {
			if (batchStateAt(batch, now, cancelled).endedAt === undefined) {
				cancelled.set(batchKey(batch.id), now);
			}

			return empty();
		}

		return answer(200, batchJson(batch, detailed));
	}

	return request => {
		if (request.headers.authorization !== `Bearer ${token}`) {
			return {
				...json(401, {
					code: 'AuthenticationFailed',
					message:
						'Token Authentication failed - IDX10223: Lifetime validation failed.',
				}),
				headers: {
					'content-type': 'application/json; charset=utf-8',
					'www-authenticate': 'Bearer',
				},
			};
		}

		const parts = request.path.split('/').filter(Boolean);
		const [
			livyApi,
			versionsPart,
			version,
			poolsPart,
			poolName,
			collection,
			...rest
		] = parts;
		if (
			livyApi !== 'livyApi' ||
			versionsPart !== 'versions' ||
			poolsPart !== 'sparkPools'
		) {
			return serviceError(404, 'Not found');
		}

		if (!versions.has(version ?? '')) {
			return serviceError(
				400,
				`The livy API version '${version}' is not supported.`,
			);
		}

		if (poolName !== pool) {
			return serviceError(400, 'Spark Compute not Found');
		}

		const detailed = request.query.get('detailed') === 'true';
		if (collection === 'sessions') {
			return sessionRoute(request, rest, detailed);
		}

		if (collection === 'batches') {
			return batchRoute(request, rest, detailed);
		}

		return serviceError(404, 'Not found');
	};
}
