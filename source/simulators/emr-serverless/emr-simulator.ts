import {randomUUID} from 'node:crypto';
import {
	asArray,
	asNumber,
	asObject,
	asText,
	asParsedJson,
} from '../../model/wire.js';
import {popError, popGatewayRefusal} from '../alibaba/pop-gateway.js';
import {type SimClock, scenarioTime} from '../sim-clock.js';
import {json, type SimRequest, type SimResponse} from '../sim-server.js';
import {
	driverLog,
	jobRunsAt,
	jobRunState,
	type SimJobRun,
	type SimSessionCluster,
	sessionClusters,
	sessionState,
	sqlStatements,
	workspaceId,
} from './emr-scenario.js';

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
	const ok = (body: Record<string, unknown>) =>
		json(200, {requestId: randomUUID().toUpperCase(), ...body});

	function jobRunJson(run: SimJobRun, detailed: boolean) {
		const {state, endAt, reason} = jobRunState(run, t(), cancelled);
		const seconds = Math.max(0, (endAt ?? t()) - run.submitAt);
		const logBase = `oss://emr-logs/${workspaceId}/${run.id}/driver`;
		return {
			workspaceId,
			jobRunId: run.id,
			name: run.name,
			state,
			stateChangeReason: reason ?? {code: '0', message: ''},
			submitTime: at(run.submitAt),
			...(endAt === undefined ? {} : {endTime: at(endAt)}),
			codeType: run.codeType,
			webUI: `https://emr-spark-ui.example.com/${run.id}`,
			executionTimeoutSeconds: 3600,
			...(detailed ? {resourceOwnerId: run.creator} : {creator: run.creator}),
			tags: run.tags,
			log: {
				driverStartup: `${logBase}/startup`,
				driverStdError: `${logBase}/stderr`,
				driverStdOut: `${logBase}/stdout`,
				driverSyslog: `${logBase}/syslog`,
			},
			releaseVersion: run.release.split(' ')[0],
			displayReleaseVersion: run.release,
			fusion: run.codeType === 'SQL',
			resourceQueueId: run.queue,
			priority: '5',
			...(detailed
				? {
						jobDriver: {
							sparkSubmit: {
								entryPoint:
									run.codeType === 'JAR'
										? `oss://jobs/${run.name}.jar`
										: `oss://jobs/${run.name}.${run.codeType === 'SQL' ? 'sql' : 'py'}`,
								entryPointArguments: ['--date', '2026-11-21'],
								sparkSubmitParameters:
									'--conf spark.executor.cores=4 --conf spark.executor.memory=16g',
							},
						},
						configurationOverrides: {
							configurations: [
								{
									configFileName: 'spark-defaults.conf',
									configItemKey: 'spark.sql.shuffle.partitions',
									configItemValue: '400',
								},
								{
									configFileName: 'common.conf',
									configItemKey: 'hive.metastore.type',
									configItemValue: 'DLF',
								},
							],
						},
						environmentId: 'env-cpv569tlhtgndjl8abcd',
					}
				: {
						cuHours: Math.round((seconds / 3600) * 16 * 1000) / 1000,
						vcoreSeconds: Math.round(seconds * 16),
						mbSeconds: Math.round(seconds * 65_536),
					}),
		};
	}

	function matches(run: SimJobRun, query: URLSearchParams): boolean {
		const {state, endAt} = jobRunState(run, t(), cancelled);
		const states = asArray(asParsedJson(query.get('states')));
		const tags = asArray(asParsedJson(query.get('tags'))).map(item =>
			asObject(item),
		);
		const started = asObject(asParsedJson(query.get('startTime')));
		const ended = asObject(asParsedJson(query.get('endTime')));
		const within = (ms: number | undefined, range: Record<string, unknown>) =>
			Object.keys(range).length === 0 ||
			(ms !== undefined &&
				ms >= (asNumber(range['startTime']) ?? -Infinity) &&
				ms <= (asNumber(range['endTime']) ?? Infinity));
		const minDuration = asNumber(query.get('minDuration'));
		const workflow = query.get('isWorkflow');
		const name = query.get('name');
		return (
			(states.length === 0 || states.includes(state)) &&
			(!name || run.name.includes(name)) &&
			(!query.get('creator') || run.creator === query.get('creator')) &&
			(!query.get('jobRunId') || run.id === query.get('jobRunId')) &&
			(!query.get('resourceQueueId') ||
				run.queue === query.get('resourceQueueId')) &&
			tags.every(tag =>
				run.tags.some(
					item =>
						item.key === asText(tag['key']) &&
						item.value === (asText(tag['value']) ?? ''),
				),
			) &&
			within(at(run.submitAt), started) &&
			within(endAt === undefined ? undefined : at(endAt), ended) &&
			(minDuration === undefined ||
				((endAt ?? t()) - run.submitAt) * 1000 >= minDuration) &&
			(workflow === null ||
				(workflow === 'true') ===
					run.tags.some(tag => tag.key === 'workflowId'))
		);
	}

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

	function clusterJson(cluster: SimSessionCluster) {
		const state = sessionState(cluster, t());
		return {
			workspaceId,
			sessionClusterId: cluster.id,
			name: cluster.name,
			userId: `uid-${cluster.user}`,
			userName: cluster.user,
			queueName: cluster.queue,
			kind: cluster.kind,
			state,
			stateChangeReason:
				state === 'Error'
					? {code: 'ERR-300001', message: cluster.error}
					: {code: '1000000', message: 'ok'},
			autoStartConfiguration: {enable: cluster.kind !== 'NOTEBOOK'},
			autoStopConfiguration: {
				enable: true,
				idleTimeoutMinutes: cluster.autoStopMinutes,
			},
			applicationConfigs: [
				{
					configFileName: 'spark-defaults.conf',
					configItemKey: 'spark.executor.instances',
					configItemValue: '4',
				},
			],
			releaseVersion: 'esr-4.0.0 (Spark 3.5.2, Scala 2.12)',
			displayReleaseVersion: 'esr-4.0.0 (Spark 3.5.2, Scala 2.12)',
			fusion: cluster.kind === 'SQL',
			domain:
				cluster.kind === 'THRIFT'
					? `${cluster.id}.emr-spark-gateway-cn-hangzhou.data.aliyun.com`
					: '',
			domainInner:
				cluster.kind === 'THRIFT'
					? `${cluster.id}.emr-spark-gateway-cn-hangzhou-internal.data.aliyuncs.com`
					: '',
			extra: JSON.stringify({owner_team: 'data-eng'}),
			gmtCreate: at(cluster.createdAt),
			startTime: at(cluster.createdAt + cluster.startingFor),
			webUI: `https://emr-spark-ui.example.com/${cluster.id}`,
		};
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

	function executorsOf(run: SimJobRun) {
		const running = jobRunState(run, t(), cancelled).endAt === undefined;
		return Array.from({length: 4}, (_, index) => ({
			workspaceId,
			jobRunId: run.id,
			executorId: index === 0 ? 'driver' : String(index),
			executorType: index === 0 ? 'driver' : 'executor',
			status: running ? 'Running' : 'Dead',
			hostPort: `10.0.0.${10 + index}:7337`,
			addTime: at(run.submitAt + 5),
			activeTasks: running && index > 0 ? 4 : 0,
			completedTasks: index === 0 ? 0 : 120 + index,
			failedTasks: index === 2 ? 1 : 0,
			totalTasks: index === 0 ? 0 : 125 + index,
			totalCores: 4,
			totalDuration: 90_000,
			totalGCTime: 1200,
			totalInputBytes: 1_073_741_824,
			totalShuffleRead: 268_435_456,
			totalShuffleWrite: 268_435_456,
			maxMemory: 17_179_869_184,
			memoryUsed: 4_294_967_296,
			diskUsed: 0,
			rddBlocks: 0,
		}));
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
			return page(
				'sessionClusters',
				visible
					.filter(
						cluster =>
							(!queue || cluster.queue === queue) &&
							(!kind || cluster.kind === kind),
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
