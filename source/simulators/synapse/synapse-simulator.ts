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
	type SimSynapseSession,
	statementKey,
	statementsAt,
	visibleSessions,
} from './synapse-scenario.js';
import {synapseTestWorkspace, synapseWire} from './synapse-wire.js';

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
	const {sessionJson, batchJson} = synapseWire({t, at, pool, cancelled});
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

		if (sub === 'reset-timeout' && statementId === undefined) {
			if (request.method !== 'PUT') {
				return serviceError(405, 'Method not allowed');
			}

			return ended ? notRunning(session) : empty();
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
