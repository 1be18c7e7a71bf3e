import {Buffer} from 'node:buffer';
import {type SimClock, scenarioTime} from '../sim-clock.js';
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
	readonly sparkUrl?: () => string | undefined;
	/** When set, requests need this HTTP Basic user and password (Livy's LDAP auth). */
	readonly credentials?: {readonly username: string; readonly password: string};
};

/** States in which Livy refuses a session's statements ("Session isn't active"). */
const inactiveStates = new Set([
	'shutting_down',
	'error',
	'dead',
	'killed',
	'success',
]);

/** A page of statements as Livy 0.8 serves it: `order=desc` first, then `from` and `size`. */
function statementsPage<T>(statements: readonly T[], query: URLSearchParams) {
	const ordered =
		query.get('order') === 'desc' ? statements.toReversed() : statements;
	const from = Number(query.get('from') ?? 0);
	const size = query.has('size') ? Number(query.get('size')) : ordered.length;
	return {
		total_statements: statements.length,
		statements: ordered.slice(from, from + size),
	};
}

/** Apache Livy's REST API over the scenario, with Livy's own bodies for errors. */
export function livySimulator(
	options: LivySimulatorOptions,
): (request: SimRequest) => SimResponse {
	const {clock} = options;
	const {t, at} = scenarioTime(clock, options.startedAt);
	const expectedAuth = options.credentials
		? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
		: undefined;

	// Livy sends null for what it does not know yet.
	// eslint-disable-next-line @typescript-eslint/no-restricted-types
	function appInfo(appId: string | null) {
		const sparkUrl = options.sparkUrl?.();
		const sparkUiUrl =
			appId === null
				? null
				: sparkUrl
					? `${sparkUrl}/proxy/${appId}/`
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

	// What users did through the API: deleted sessions and batches are gone, cancelled statements stop.
	const deleted = new Set<string>();
	const cancelled = new Map<string, number>();

	function liveSession(id: string, now: number): SimSession | undefined {
		return /^\d+$/v.test(id) && !deleted.has(`sessions/${id}`)
			? findSession(Number(id), now)
			: undefined;
	}

	function statementsOf(session: SimSession, now: number) {
		return statementsAt(session, now).map(
			({submittedAt, started, completed, ...statement}) => {
				const cancelledAt = cancelled.get(`${session.id}/${statement.id}`);
				const stopped =
					cancelledAt !== undefined &&
					(statement.state !== 'available' || completed > cancelledAt);
				return {
					...statement,
					...(stopped ? {state: 'cancelled', output: null} : {}),
					started: started === 0 ? 0 : at(started),
					completed: completed === 0 || stopped ? 0 : at(completed),
				};
			},
		);
	}

	/** DELETE of a session or batch, and a statement's cancel: Livy's CSRF filter wants X-Requested-By. */
	function mutate(request: SimRequest, parts: string[]): SimResponse {
		if (request.headers['x-requested-by'] === undefined) {
			return jettyErrorPage(
				400,
				'Missing Required Header for CSRF protection.',
			);
		}

		const [collection, id = '', sub, statementId, action] = parts;
		const now = t();
		if (request.method === 'DELETE' && sub === undefined) {
			const exists =
				collection === 'sessions'
					? liveSession(id, now) !== undefined
					: collection === 'batches' &&
						!deleted.has(`batches/${id}`) &&
						batchesAt(now).some(batch => String(batch.id) === id);
			if (!exists) {
				return notFound(id);
			}

			deleted.add(`${collection}/${id}`);
			return json(200, {msg: 'deleted'});
		}

		const session = liveSession(id, now);
		if (
			request.method === 'POST' &&
			collection === 'sessions' &&
			sub === 'statements' &&
			action === 'cancel' &&
			session
		) {
			const statement = statementsAt(session, now).find(
				item => String(item.id) === statementId,
			);
			if (!statement) {
				return json(404, 'Statement not found');
			}

			if (statement.state !== 'available') {
				cancelled.set(`${session.id}/${statement.id}`, now);
			}

			return json(200, {msg: 'canceled'});
		}

		return jettyErrorPage(405, 'HTTP method not allowed');
	}

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

		const parts = request.path.split('/').filter(Boolean);
		if (request.method !== 'GET') {
			return mutate(request, parts);
		}

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
					visibleSessions(now)
						.filter(session => !deleted.has(`sessions/${session.id}`))
						.map(session => sessionJson(session)),
					request.query,
				);
			}

			const session = liveSession(id, now);
			if (!session) {
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
				if (inactiveStates.has(sessionStateAt(session, now))) {
					return json(400, {msg: "requirement failed: Session isn't active."});
				}

				const statements = statementsOf(session, now);
				if (statementId === undefined) {
					return json(200, statementsPage(statements, request.query));
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
			const batches = batchesAt(now).filter(
				batch => !deleted.has(`batches/${batch.id}`),
			);
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
