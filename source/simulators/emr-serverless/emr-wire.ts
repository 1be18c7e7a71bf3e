import {
	asArray,
	asNumber,
	asObject,
	asParsedJson,
	asText,
} from '../../model/wire.js';
import {
	type Cancellations,
	jobRunState,
	type SimJobRun,
	type SimSessionCluster,
	sessionState,
	workspaceId,
} from './emr-scenario.js';

/**
 * EMR Serverless bodies as the service writes them (job runs listed or in full, executors,
 * session clusters), and ListJobRuns' filters, for the scenario at time `t()`.
 */
export function emrWire(context: {
	readonly t: () => number;
	readonly at: (seconds: number) => number;
	readonly cancelled: Cancellations;
}) {
	const {t, at, cancelled} = context;
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

	return {jobRunJson, matches, clusterJson, executorsOf};
}
