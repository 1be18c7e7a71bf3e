import {randomUUID} from 'node:crypto';
import {popError, popGatewayRefusal} from '../alibaba/pop-gateway.js';
import {type SimClock, scenarioTime} from '../sim-clock.js';
import {json, type SimRequest, type SimResponse} from '../sim-server.js';
import {
	driverLog,
	jobRunsAt,
	jobRunState,
	sessionClusters,
	sqlStatements,
	workspaceId,
} from './emr-scenario.js';
import {emrWire} from './emr-wire.js';

export {workspaceId as emrTestWorkspace} from './emr-scenario.js';

export type EmrSimulatorOptions = {
	readonly clock: SimClock;
	readonly startedAt?: number;
};

const product = 'emr-serverless-spark';

/** EMR Serverless Spark's ROA API over the scenario, behind a POP gateway that checks signatures. */
export function emrServerlessSimulator(
	options: EmrSimulatorOptions,
): (request: SimRequest) => SimResponse {
	const {clock} = options;
	const {t, at} = scenarioTime(clock, options.startedAt);
	const cancelled = new Map<string, number>();
	const nonces = new Set<string>();
	const {jobRunJson, matches, clusterJson, executorsOf} = emrWire({
		t,
		at,
		cancelled,
	});
	const ok = (body: Record<string, unknown>) =>
		json(200, {requestId: randomUUID().toUpperCase(), ...body});

	/** NextToken is the offset as a string; the last page answers an empty one. */
	function page(
		key: string,
		items: unknown[],
		query: URLSearchParams,
		host: string,
	) {
		const maxResults = Number(query.get('maxResults') ?? 20);
		if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
			return popError(
				{host, product},
				400,
				'InvalidParameter',
				'maxResults must be between 1 and 100.',
			);
		}

		const from = Number(query.get('nextToken') ?? 0) || 0;
		const slice = items.slice(from, from + maxResults);
		const next = from + slice.length;
		return ok({
			nextToken: next < items.length ? String(next) : '',
			maxResults,
			totalCount: items.length,
			[key]: slice,
		});
	}

	function statementJson(id: string, host: string): SimResponse {
		const statement = sqlStatements.find(item => item.id === id);
		if (!statement) {
			return popError(
				{host, product},
				400,
				'InvalidParameter',
				`The statement ${id} does not exist.`,
			);
		}

		const done = t() >= statement.submitAt + statement.runFor;
		const doneAt = statement.submitAt + statement.runFor;
		return ok({
			data: {
				statementId: statement.id,
				state: done ? (statement.error ? 'error' : 'available') : 'running',
				executionTime: done
					? [at(statement.submitAt), at(doneAt)]
					: [at(statement.submitAt)],
				...(done && statement.error
					? {
							sqlErrorCode: statement.error.code,
							sqlErrorMessage: statement.error.message,
						}
					: {}),
				sqlOutputs:
					done && !statement.error
						? [
								{
									rows: JSON.stringify(
										statement.rows.map(values => ({values})),
									),
									schema: statement.schema,
									rowsFilePath: '',
								},
							]
						: [],
			},
		});
	}

	type Route = {
		readonly request: SimRequest;
		readonly host: string;
		readonly action: string;
		readonly id?: string;
		readonly sub?: string;
	};
	const notFound = (host: string) =>
		popError(
			{host, product},
			404,
			'InvalidApi.NotFound',
			'Specified api is not found, please check your url and method.',
		);

	function jobRunsRoute({request, host, action, id, sub}: Route): SimResponse {
		const runs = jobRunsAt(t());
		if (id === undefined && action === 'ListJobRuns') {
			return page(
				'jobRuns',
				runs
					.filter(run => matches(run, request.query))
					.toReversed()
					.map(run => jobRunJson(run, false)),
				request.query,
				host,
			);
		}

		const run = runs.find(item => item.id === id);
		if (!run) {
			return popError(
				{host, product},
				404,
				'JobRun.NotFound',
				`The job run ${id} does not exist.`,
			);
		}

		if (
			sub === undefined &&
			request.method === 'DELETE' &&
			action === 'CancelJobRun'
		) {
			if (
				jobRunState(run, t(), cancelled).endAt === undefined &&
				!cancelled.has(run.id)
			) {
				cancelled.set(run.id, t());
			}

			return ok({jobRunId: run.id});
		}

		if (sub === undefined && action === 'GetJobRun') {
			return ok({jobRun: jobRunJson(run, true)});
		}

		return sub === 'executors' && action === 'ListJobExecutors'
			? page('exexutors', executorsOf(run), request.query, host)
			: notFound(host);
	}

	function logRoute({request, host}: Route): SimResponse {
		const fileName = request.query.get('fileName') ?? '';
		const match = /^oss:\/\/emr-logs\/[^\/]+\/([^\/]+)\/driver\/(\w+)$/v.exec(
			fileName,
		);
		const run = match && jobRunsAt(t()).find(item => item.id === match[1]);
		if (!match || !run) {
			return popError(
				{host, product},
				400,
				'InvalidParameter',
				`The log file ${fileName} does not exist.`,
			);
		}

		const lines = driverLog(run, match[2]!, t(), cancelled);
		const offset = Number(request.query.get('offset') ?? 0) || 0;
		const length = Number(request.query.get('length') ?? 100) || 100;
		return ok({
			listLogContent: {
				totalLength: lines.length,
				contents: lines
					.slice(offset, offset + length)
					.map(line => ({LineContent: line})),
			},
		});
	}

	function sessionClustersRoute({
		request,
		host,
		action,
		id,
	}: Route): SimResponse {
		const visible = sessionClusters.filter(cluster => t() >= cluster.createdAt);
		if (id === undefined && action === 'ListSessionClusters') {
			const queue = request.query.get('queueName');
			const kind = request.query.get('kind');
			const only = request.query.get('sessionClusterId');
			return page(
				'sessionClusters',
				visible
					.filter(
						cluster =>
							(!queue || cluster.queue === queue) &&
							(!kind || cluster.kind === kind) &&
							(!only || cluster.id === only),
					)
					.map(cluster => clusterJson(cluster)),
				request.query,
				host,
			);
		}

		const cluster = visible.find(item => item.id === id);
		if (cluster && action === 'GetSessionCluster') {
			return ok({
				sessionCluster: {
					...clusterJson(cluster),
					envId: 'env-cpv569tlhtgndjl8abcd',
				},
			});
		}

		return popError(
			{host, product},
			404,
			'SessionCluster.NotFound',
			`The session cluster ${id} does not exist.`,
		);
	}

	// /api/v1/workspaces/{w}/… and /api/interactive/v1/workspace/{w}/statement/{id}
	return request => {
		const host = String(request.headers.host ?? '');
		const refused = popGatewayRefusal(
			request,
			{version: '2023-08-08', product},
			nonces,
		);
		if (refused) {
			return refused;
		}

		const action = String(request.headers['x-acs-action'] ?? '');
		const parts = request.path.split('/').filter(Boolean);
		const interactive = parts[1] === 'interactive';
		const [workspace, collection, id, sub] = parts.slice(interactive ? 4 : 3);
		if (parts[0] !== 'api') {
			return notFound(host);
		}

		if (workspace !== workspaceId) {
			return popError(
				{host, product},
				404,
				'InvalidWorkspace.NotFound',
				`The workspace ${workspace} does not exist.`,
			);
		}

		const route = {request, host, action, id, sub};
		if (interactive) {
			return collection === 'statement' && id && action === 'GetSqlStatement'
				? statementJson(id, host)
				: notFound(host);
		}

		if (collection === 'jobRuns') {
			return jobRunsRoute(route);
		}

		if (collection === 'sessionClusters') {
			return sessionClustersRoute(route);
		}

		return collection === 'action' &&
			id === 'listLogContents' &&
			action === 'ListLogContents'
			? logRoute(route)
			: notFound(host);
	};
}
