import {formatBytes, formatDuration} from '../../model/format.js';
import {parseLooseTime} from '../../model/loose-time.js';
import {groupDigits} from '../../text/group-digits.js';
import {isTerminalRunState} from '../../model/states.js';
import {livyRunState} from '../livy/livy-states.js';
import type {
	LogTail,
	Progress,
	Run,
	Session,
	SparkJob,
} from '../../model/types.js';
import {
	asArray,
	asNumber,
	asObject,
	asString,
	asStringMap,
	asStrings,
	asText,
	asTagMap,
	presentFields,
	asParsedJson,
} from '../../model/wire.js';
import {runKey} from '../provider.js';
import {mapSparkJob} from '../spark/spark-mapping.js';
import {dliSqlState} from './dli-states.js';

function firstLine(text: string | undefined): string | undefined {
	return text
		?.split('\n')
		.map(line => line.trim())
		.find(Boolean);
}

/** A SQL job (list entry or status answer) as a run: named by its statement's first line. */
export function mapDliSqlJob(targetName: string, body: unknown): Run {
	const job = asObject(body);
	const id = asString(job['job_id']) ?? '?';
	const rawState = asString(job['status']) ?? '';
	const state = dliSqlState(rawState);
	const startedAt = parseLooseTime(job['start_time']);
	const duration = asNumber(job['duration']);
	const endedAt =
		parseLooseTime(job['end_time']) ??
		(isTerminalRunState(state) &&
		startedAt !== undefined &&
		duration !== undefined
			? startedAt + duration
			: undefined);
	const message = asText(job['message']);
	return {
		target: targetName,
		kind: 'sql',
		id,
		key: runKey(targetName, 'sql', id),
		provider: 'dli',
		name: firstLine(asText(job['statement'])) ?? asText(job['job_type']) ?? id,
		state,
		rawState,
		submittedAt: startedAt,
		startedAt,
		endedAt,
		owner: asText(job['owner']),
		queue: asText(job['queue_name']),
		errorMessage: state === 'failed' ? message : undefined,
		tags: asTagMap(job['tags']),
	};
}

/** The `detail` string of a SQL job: the result schema, as `name type` pairs. */
function resultSchema(detail: unknown): string | undefined {
	const text = asText(detail);
	if (!text) {
		return undefined;
	}

	try {
		const fields = asArray(asObject(JSON.parse(text))['fields']);
		const columns = fields.flatMap(item => {
			const field = asObject(item);
			const name = asText(field['name']);
			return name ? [`${name} ${asString(field['type']) ?? '?'}`] : [];
		});
		return columns.length > 0 ? columns.join(', ') : undefined;
	} catch {
		return text;
	}
}

const importExportFields = [
	['Data path', 'data_path'],
	['Data type', 'data_type'],
	['Export mode', 'export_mode'],
	['Column header', 'with_column_header'],
	['Delimiter', 'delimiter'],
	['Quote char', 'quote_char'],
	['Escape char', 'escape_char'],
	['Date format', 'date_format'],
	['Timestamp format', 'timestamp_format'],
	['Compression', 'compress'],
] as const;

/** A SQL job's status answer, with the import/export detail where the job has one. */
export function mapDliSqlDetail(
	targetName: string,
	status: unknown,
	detail?: unknown,
): Session {
	const run = mapDliSqlJob(targetName, status);
	const job = asObject(status);
	const extra = asObject(detail);
	const count = (value: unknown) => {
		const number = asNumber(value);
		return number === undefined ? undefined : groupDigits(number);
	};

	return {
		...run,
		fields: presentFields([
			['Job type', job['job_type']],
			['Mode', job['job_mode']],
			['Engine', job['engine_type']],
			['Database', job['database_name']],
			['Table', job['table_name']],
			['Run time', formatDuration(asNumber(job['duration']))],
			['Result rows', count(job['result_count'])],
			['Input rows', count(job['input_row_count'])],
			['Bad rows', count(job['bad_row_count'])],
			['Input size', formatBytes(asNumber(job['input_size']))],
			['Result schema', resultSchema(job['detail'])],
			['Result format', job['result_format']],
			['Result path', job['result_path']],
			['Execution details', job['execution_details_path']],
			['Message', job['message']],
			...importExportFields.map(
				([label, name]) => [label, extra[name]] as const,
			),
			[
				'Tags',
				Object.entries(run.tags ?? {})
					.map(([key, value]) => `${key}=${value}`)
					.join(', '),
			],
		]),
		timeline: [],
		config: asStringMap(asObject(asParsedJson(job['user_conf']))),
		errors: run.errorMessage ? [{message: run.errorMessage}] : [],
		logTail: [],
		links: {},
		code: asText(job['statement']),
	};
}

/** A Spark batch (Livy-derived, so mixed casing: `appId`, `proxyUser`, `create_time`). */
export function mapDliBatch(targetName: string, body: unknown): Run {
	const batch = asObject(body);
	const id = asString(batch['id']) ?? '?';
	const rawState = asString(batch['state']) ?? '';
	// Spark batches speak Livy's states (lower case in the enum, `Success` in the documented example).
	const state = livyRunState(rawState);
	const request = asObject(asParsedJson(batch['req_body']));
	const createdAt = parseLooseTime(batch['create_time']);
	const duration = asNumber(batch['duration']);
	return {
		target: targetName,
		kind: 'batch',
		id,
		key: runKey(targetName, 'batch', id),
		provider: 'dli',
		name: asText(batch['name']) ?? asText(request['name']) ?? id,
		state,
		rawState,
		submittedAt: createdAt,
		startedAt: createdAt,
		endedAt: isTerminalRunState(state)
			? duration !== undefined && createdAt !== undefined
				? createdAt + duration
				: parseLooseTime(batch['update_time'])
			: undefined,
		owner: asText(batch['owner']) ?? asText(batch['proxyUser']),
		queue: asText(batch['cluster_name']) ?? asText(batch['queue']),
		appId: asText(batch['appId']),
		updatedAt: parseLooseTime(batch['update_time']),
	};
}

export function mapDliBatchDetail(targetName: string, body: unknown): Session {
	const run = mapDliBatch(targetName, body);
	const batch = asObject(body);
	const request = asObject(asParsedJson(batch['req_body']));
	return {
		...run,
		sessionKind: asText(batch['kind']),
		fields: presentFields([
			['Compute spec', batch['sc_type']],
			['Image', batch['image']],
			['Proxy user', batch['proxyUser']],
			['File', request['file']],
			['Class', request['className']],
			['Arguments', asStrings(request['args']).join(' ')],
			['Driver', request['driverMemory']],
			['Executors', request['numExecutors']],
			['Executor memory', request['executorMemory']],
		]),
		timeline: [],
		config: asStringMap(request['conf']),
		errors: [],
		logTail: asStrings(batch['log']),
		links: {},
	};
}

export function mapDliLog(runKeyValue: string, body: unknown): LogTail {
	const log = asObject(body);
	return {
		runKey: runKeyValue,
		lines: asStrings(log['log']),
		total: asNumber(log['total']),
	};
}

/** DLI's snake_case sub-job fields and the Spark JobData names they re-case, one for one. */
const subJobFields: Readonly<Record<string, string>> = {
	id: 'jobId',
	name: 'name',
	description: 'description',
	submission_time: 'submissionTime',
	completion_time: 'completionTime',
	stage_ids: 'stageIds',
	job_group: 'jobGroup',
	status: 'status',
	num_tasks: 'numTasks',
	num_active_tasks: 'numActiveTasks',
	num_completed_tasks: 'numCompletedTasks',
	num_skipped_tasks: 'numSkippedTasks',
	num_failed_tasks: 'numFailedTasks',
	num_killed_tasks: 'numKilledTasks',
	num_completed_indices: 'numCompletedIndices',
	num_active_stages: 'numActiveStages',
	num_completed_stages: 'numCompletedStages',
	num_skipped_stages: 'numSkippedStages',
	num_failed_stages: 'numFailedStages',
	killed_tasks_summary: 'killedTasksSummary',
};

/** A DLI sub-job is Spark's JobData re-cased: rename the fields back and map it as Spark's. */
export function mapDliSubJob(body: unknown): SparkJob {
	const renamed = Object.fromEntries(
		Object.entries(asObject(body)).map(([name, value]) => [
			subJobFields[name] ?? name,
			value,
		]),
	);
	return mapSparkJob(renamed);
}

/** The progress answer: the overall figure, and the sub-jobs as Spark jobs while the job runs. */
export function mapDliProgress(runKeyValue: string, body: unknown): Progress {
	const progress = asObject(body);
	const overall = asNumber(progress['progress']);
	const state = dliSqlState(asString(progress['status']));
	return {
		runKey: runKeyValue,
		jobs: asArray(progress['sub_jobs'])
			.map(item => mapDliSubJob(item))
			.toSorted((a, b) => b.id - a.id),
		overall:
			overall === undefined ? undefined : Math.min(1, Math.max(0, overall)),
		source: 'dli job progress',
		final: isTerminalRunState(state),
	};
}
