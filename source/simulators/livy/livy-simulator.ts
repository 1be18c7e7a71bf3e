import {Buffer} from 'node:buffer';
import type {SimClock} from '../sim-clock.js';
import {
	json,
	jettyErrorPage,
	type SimRequest,
	type SimResponse,
} from '../sim-server.js';
import {
	appIdOf,
	batchesAt,
	batchLogAt,
	batchStateAt,
	findSession,
	sessionLogAt,
	sessionStateAt,
	type SimBatch,
	type SimSession,
	statementsAt,
	visibleSessions,
} from './livy-scenario.js';

export type LivySimulatorOptions = {
	readonly clock: SimClock;
	readonly startedAt?: number;
	/** Where the Spark simulator answers for these runs' applications (YARN proxy style). */
	readonly sparkUrl?: string;
	/** When set, requests need this HTTP Basic user and password (Livy's LDAP auth). */
	readonly credentials?: {readonly username: string; readonly password: string};
};

/** Apache Livy's REST API over the scenario, with Livy's own bodies for errors. */
export function livySimulator(
	options: LivySimulatorOptions,
): (request: SimRequest) => SimResponse {
	const {clock} = options;
	const startedAt = options.startedAt ?? clock.now();
	const t = () => (clock.now() - startedAt) / 1000;
	const at = (seconds: number) => Math.round(startedAt + seconds * 1000);
	const expectedAuth = options.credentials
		? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
		: undefined;

	// Livy sends null for what it does not know yet.
	// eslint-disable-next-line @typescript-eslint/no-restricted-types
	function appInfo(appId: string | null) {
		const sparkUiUrl =
			appId === null
				? null
				: options.sparkUrl
					? `${options.sparkUrl}/proxy/${appId}/`
					: `http://rm-host:8088/proxy/${appId}/`;
		return {
			driverLogUrl:
				appId === null
					? null
					: `http://nm-host:8042/node/containerlogs/container_${appId.slice(12)}_01_000001/livy`,
			sparkUiUrl,
			executorLogUrls: null,
		};
	}

	function sessionJson(session: SimSession) {
		const state = sessionStateAt(session, t());
		const appId =
			state === 'not_started' || state === 'starting'
				? null
				: appIdOf('session', session.id);
		return {
			id: session.id,
			name: session.name,
			appId,
			owner: session.owner,
			proxyUser: session.owner,
			state,
			kind: session.kind,
			appInfo: appInfo(appId),
			log: sessionLogAt(session, t()).slice(-10),
			ttl: null,
			idleTimeout: '1h',
			driverMemory: '4g',
			driverCores: 2,
			executorMemory: '8g',
			executorCores: 4,
			conf: {
				'spark.dynamicAllocation.enabled': 'true',
				'spark.sql.adaptive.enabled': 'true',
			},
			archives: [],
			files: [],
			heartbeatTimeoutInSecond: 0,
			jars: [],
			numExecutors: 4,
			pyFiles: [],
			queue: 'default',
		};
	}

	function batchJson(batch: SimBatch) {
		const state = batchStateAt(batch, t());
		const appId = state === 'starting' ? null : appIdOf('batch', batch.id);
		return {
			id: batch.id,
			name: batch.name,
			owner: batch.owner,
			proxyUser: null,
			state,
			appId,
			appInfo: appInfo(appId),
			log: batchLogAt(batch, t()).slice(-10),
		};
	}

	function page(items: unknown[], query: URLSearchParams) {
		const from = Math.max(0, Number(query.get('from') ?? 0) || 0);
		const size = Number(query.get('size') ?? 100) || 100;
		return json(200, {
			from,
			total: items.length,
			sessions: items.slice(from, from + size),
		});
	}

	function log(lines: string[], id: number, query: URLSearchParams) {
		const size = Number(query.get('size') ?? 100);
		const fromParameter = query.get('from');
		const all = size < 0;
		const from =
			fromParameter === null
				? Math.max(0, lines.length - (all ? lines.length : size))
				: Number(fromParameter) || 0;
		const slice = all ? lines.slice(from) : lines.slice(from, from + size);
		return json(200, {id, from, total: lines.length, log: slice});
	}

	const notFound = (id: string) =>
		json(404, {msg: `Session '${id}' not found.`});

	return request => {
		if (expectedAuth && request.headers.authorization !== expectedAuth) {
			return {
				...jettyErrorPage(401, 'Unauthorized'),
				headers: {
					'content-type': 'text/html',
					'www-authenticate': 'Basic realm="livy"',
				},
			};
		}

		if (request.method !== 'GET') {
			return jettyErrorPage(405, 'HTTP method not allowed');
		}

		const parts = request.path.split('/').filter(Boolean);
		const [collection, id, sub, statementId, extra] = parts;
		const now = t();
		if (collection === 'version' && parts.length === 1) {
			return json(200, {
				version: '0.9.0-incubating',
				user: 'livy',
				revision: 'sim',
				branch: 'sim',
				date: '2026-01-01',
				url: 'sim',
			});
		}

		if (collection === 'sessions') {
			if (id === undefined) {
				return page(
					visibleSessions(now).map(session => sessionJson(session)),
					request.query,
				);
			}

			const session = findSession(Number(id), now);
			if (!session || !/^\d+$/v.test(id)) {
				return notFound(id);
			}

			if (sub === undefined) {
				return json(200, sessionJson(session));
			}

			if (sub === 'state' && statementId === undefined) {
				return json(200, {id: session.id, state: sessionStateAt(session, now)});
			}

			if (sub === 'log' && statementId === undefined) {
				return log(sessionLogAt(session, now), session.id, request.query);
			}

			if (sub === 'statements' && extra === undefined) {
				if (sessionStateAt(session, now) === 'dead') {
					return json(400, {msg: "requirement failed: Session isn't active."});
				}

				const statements = statementsAt(session, now).map(
					({submittedAt, started, completed, ...statement}) => ({
						...statement,
						started: started === 0 ? 0 : at(started),
						completed: completed === 0 ? 0 : at(completed),
					}),
				);
				if (statementId === undefined) {
					return json(200, {total_statements: statements.length, statements});
				}

				const statement = statements.find(
					item => String(item.id) === statementId,
				);
				return statement
					? json(200, statement)
					: json(404, 'Statement not found');
			}
		}

		if (collection === 'batches') {
			const batches = batchesAt(now);
			if (id === undefined) {
				return page(
					batches.map(batch => batchJson(batch)),
					request.query,
				);
			}

			const batch = batches.find(item => String(item.id) === id);
			if (!batch) {
				return notFound(id);
			}

			if (sub === undefined) {
				return json(200, batchJson(batch));
			}

			if (sub === 'state' && statementId === undefined) {
				return json(200, {id: batch.id, state: batchStateAt(batch, now)});
			}

			if (sub === 'log' && statementId === undefined) {
				return log(batchLogAt(batch, now), batch.id, request.query);
			}
		}

		return jettyErrorPage(404, 'Not Found');
	};
}
