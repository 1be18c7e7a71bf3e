import {parseLooseTime} from '../../model/loose-time.js';
import type {
	ExecutorInfo,
	LogTail,
	Run,
	Session,
	Statement,
	StatementOutput,
} from '../../model/types.js';
import {
	asArray,
	asNumber,
	asObject,
	asString,
	asStrings,
	asText,
	asTagMap,
	presentFields,
	type WireObject,
	asParsedJson,
} from '../../model/wire.js';
import {runKey} from '../provider.js';
import {executorSummary} from '../spark/spark-mapping.js';
import {
	emrJobRunState,
	emrSessionState,
	emrSqlStatementState,
} from './emr-states.js';

/** Why the state changed; none for the service's placeholders (`{code: '0', message: ''}`, `1000000: ok`). */
function reason(object: WireObject): string | undefined {
	const change = asObject(object['stateChangeReason']);
	const code = asText(change['code']);
	const message = asText(change['message']);
	if (
		(code === undefined || /^(?:0|1000000)$/v.test(code)) &&
		(message === undefined || /^ok$/iv.test(message))
	) {
		return undefined;
	}

	return [code, message].filter(Boolean).join(': ');
}

/** `[{configFileName, configItemKey, configItemValue}]` as one map; keys outside spark-defaults name their file. */
function configItems(value: unknown): Record<string, string> {
	const config: Record<string, string> = {};
	for (const item of asArray(value)) {
		const entry = asObject(item);
		const key = asText(entry['configItemKey']);
		if (!key) {
			continue;
		}

		const file = asText(entry['configFileName']);
		const named =
			file && !/^spark-defaults?\.conf$/v.test(file) ? `${file}: ${key}` : key;
		config[named] = asString(entry['configItemValue']) ?? '';
	}

	return config;
}

/** A job run from ListJobRuns or GetJobRun (`creator` in one, `resourceOwnerId` in the other). */
export function mapEmrJobRun(target: string, body: unknown): Run {
	const run = asObject(body);
	const id = asString(run['jobRunId']) ?? '?';
	const rawState = asString(run['state']) ?? '';
	const state = emrJobRunState(rawState);
	const cuHours = asNumber(run['cuHours']);
	const vcoreSeconds = asNumber(run['vcoreSeconds']);
	const mbSeconds = asNumber(run['mbSeconds']);
	return {
		target,
		kind: 'batch',
		id,
		key: runKey(target, 'batch', id),
		provider: 'emr-serverless',
		name: asText(run['name']),
		state,
		rawState,
		submittedAt: parseLooseTime(run['submitTime']),
		endedAt:
			state === 'succeeded' || state === 'failed' || state === 'cancelled'
				? parseLooseTime(run['endTime'])
				: undefined,
		owner: asText(run['creator']) ?? asText(run['resourceOwnerId']),
		queue: asText(run['resourceQueueId']),
		sparkUiUrl: asText(run['webUI']),
		errorMessage: state === 'failed' ? reason(run) : undefined,
		cost:
			cuHours === undefined &&
			vcoreSeconds === undefined &&
			mbSeconds === undefined
				? undefined
				: {cuHours, vcoreSeconds, mbSeconds},
		tags: asTagMap(run['tags']),
		release:
			asText(run['displayReleaseVersion']) ?? asText(run['releaseVersion']),
		codeType: asText(run['codeType']),
		logFiles: logFilesOf(run['log']),
	};
}

/** The driver's log streams in the order the log view shows them: stderr last, where Spark logs. */
const driverStreams = [
	['syslog', 'driverSyslog'],
	['stdout', 'driverStdOut'],
	['stderr', 'driverStdError'],
] as const;

function logFilesOf(value: unknown): Record<string, string> | undefined {
	const log = asObject(value);
	const files: Record<string, string> = {};
	for (const [stream, field] of driverStreams) {
		const file = asText(log[field]);
		if (file) {
			files[stream] = file;
		}
	}

	return Object.keys(files).length > 0 ? files : undefined;
}

/** ListJobExecutors' items: Spark's executor summary under EMR's names. */
export function mapEmrExecutors(items: readonly unknown[]): ExecutorInfo[] {
	return items.map(item => {
		const executor = asObject(item);
		const status = asText(executor['status']) ?? '';
		return executorSummary(executor, {
			id: asString(executor['executorId']) ?? '?',
			driver: asText(executor['executorType']) === 'driver',
			active: !/dead|removed|lost/iv.test(status),
		});
	});
}

/** GetJobRun with its executors: driver, overrides, reason, tags, log paths and the Spark UI. */
export function mapEmrJobRunDetail(
	target: string,
	body: unknown,
	executors: readonly unknown[] = [],
): Session {
	const run = mapEmrJobRun(target, body);
	const object = asObject(body);
	const submit = asObject(asObject(object['jobDriver'])['sparkSubmit']);
	const log = asObject(object['log']);
	return {
		...run,
		fields: presentFields([
			['Code type', run.codeType],
			['Release', run.release],
			['Priority', object['priority']],
			['Fusion', object['fusion']],
			['Timeout (s)', object['executionTimeoutSeconds']],
			['State reason', reason(object)],
			['Entry point', submit['entryPoint']],
			['Arguments', asStrings(submit['entryPointArguments']).join(' ')],
			['spark-submit', submit['sparkSubmitParameters']],
			['Environment', object['environmentId']],
			['Workspace', object['workspaceId']],
			[
				'Tags',
				Object.entries(run.tags ?? {})
					.map(([key, value]) => `${key}=${value}`)
					.join(', '),
			],
			['Driver startup log', log['driverStartup']],
			['Driver stdout', log['driverStdOut']],
			['Driver stderr', log['driverStdError']],
			['Driver syslog', log['driverSyslog']],
		]),
		timeline: [],
		config: configItems(
			asObject(object['configurationOverrides'])['configurations'],
		),
		errors: run.errorMessage ? [{message: run.errorMessage}] : [],
		executors: executors.length > 0 ? mapEmrExecutors(executors) : undefined,
		logTail: [],
		links: Object.fromEntries(
			[
				['Spark UI', asText(object['webUI'])],
				['Notebook', asText(object['notebookAccessUrl'])],
			].filter((pair): pair is [string, string] => pair[1] !== undefined),
		),
	};
}

/** A session cluster (SQL, NOTEBOOK or THRIFT) as a run of kind session. */
export function mapEmrSessionCluster(target: string, body: unknown): Run {
	const cluster = asObject(body);
	const id = asString(cluster['sessionClusterId']) ?? '?';
	const rawState = asString(cluster['state']) ?? '';
	const state = emrSessionState(rawState);
	return {
		target,
		kind: 'session',
		id,
		key: runKey(target, 'session', id),
		provider: 'emr-serverless',
		name: asText(cluster['name']),
		state,
		rawState,
		submittedAt: parseLooseTime(cluster['gmtCreate']),
		startedAt: parseLooseTime(cluster['startTime']),
		owner: asText(cluster['userName']) ?? asText(cluster['userId']),
		queue: asText(cluster['queueName']),
		sparkUiUrl: asText(cluster['webUI']),
		errorMessage: state === 'failed' ? reason(cluster) : undefined,
		release:
			asText(cluster['displayReleaseVersion']) ??
			asText(cluster['releaseVersion']),
		codeType: asText(cluster['kind']),
	};
}

export function mapEmrSessionDetail(target: string, body: unknown): Session {
	const run = mapEmrSessionCluster(target, body);
	const cluster = asObject(body);
	const autoStop = asObject(cluster['autoStopConfiguration']);
	const idle = asNumber(autoStop['idleTimeoutMinutes']);
	const extra = Object.entries(asObject(asParsedJson(cluster['extra'])));
	return {
		...run,
		sessionKind: run.codeType,
		fields: presentFields([
			['Release', run.release],
			['Fusion', cluster['fusion']],
			['Auto start', asObject(cluster['autoStartConfiguration'])['enable']],
			[
				'Auto stop',
				autoStop['enable'] === true
					? `after ${idle ?? '?'} min idle`
					: autoStop['enable'] === false
						? `off (idle timeout ${idle ?? '?'} min)`
						: undefined,
			],
			['Thrift endpoint', cluster['domain']],
			['Thrift endpoint (VPC)', cluster['domainInner']],
			['Public endpoint', cluster['publicEndpointEnabled']],
			['State reason', reason(cluster)],
			['Draft', cluster['draftId']],
			['Environment', cluster['envId']],
			...extra.map(([key, value]) => [key, value] as const),
		]),
		timeline: [],
		config: configItems(cluster['applicationConfigs']),
		errors: run.errorMessage ? [{message: run.errorMessage}] : [],
		logTail: [],
		links: run.sparkUiUrl ? {'Spark UI': run.sparkUiUrl} : {},
	};
}

/** One SQL output: Spark's StructType schema and rows as `[{values: [...]}]`, both JSON strings. */
function sqlOutput(body: unknown): StatementOutput {
	const output = asObject(body);
	const rows = asArray(asParsedJson(output['rows'])).map(row =>
		asArray(asObject(row)['values']),
	);
	return {
		status: 'ok',
		data: {
			'application/json': {schema: asParsedJson(output['schema']), data: rows},
		},
		traceback: [],
	};
}

/** GetSqlStatement's `data`: state, execution time, rows and schema, error code and message. */
export function mapEmrSqlStatement(
	sessionKey: string,
	body: unknown,
): Statement {
	const data = asObject(body);
	const rawState = asString(data['state']) ?? '';
	const state = emrSqlStatementState(rawState);
	const times = asArray(data['executionTime']).map(value =>
		parseLooseTime(value),
	);
	const outputs = asArray(data['sqlOutputs']);
	const errorCode = asText(data['sqlErrorCode']);
	const errorMessage = asText(data['sqlErrorMessage']);
	const failed = state === 'error' || (outputs.length === 0 && errorMessage);
	return {
		id: asString(data['statementId']) ?? '?',
		sessionKey,
		code: '',
		state,
		rawState,
		startedAt: times[0],
		completedAt: times[1],
		output: failed
			? {
					status: 'error',
					errorName: errorCode,
					errorValue: errorMessage,
					data: {},
					traceback: [],
				}
			: outputs.length > 0
				? sqlOutput(outputs.at(-1))
				: undefined,
		fields: presentFields([
			['Rows file', asObject(outputs.at(-1))['rowsFilePath']],
		]),
	};
}

/** ListLogContents: `{listLogContent: {totalLength, contents: [{LineContent}]}}` (capitalised key). */
export function mapEmrLog(runKeyValue: string, body: unknown): LogTail {
	const content = asObject(asObject(body)['listLogContent']);
	return {
		runKey: runKeyValue,
		lines: asArray(content['contents']).flatMap(item => {
			const line = asString(asObject(item)['LineContent']);
			return line === undefined ? [] : [line.replace(/\r?\n$/v, '')];
		}),
		total: asNumber(content['totalLength']),
	};
}
