import {noWindow} from '../../http/paging.js';
import {keptRuns} from '../../model/run-list.js';
import type {Progress, Run, SparkJob} from '../../model/types.js';
import {asObject, asText} from '../../model/wire.js';
import {readLogTail} from '../log-tail.js';
import {
	type FilterSpec,
	filterTime,
	type ListFilters,
} from '../list-filters.js';
import type {Provider} from '../provider.js';
import {tokenIdentity} from '../auth/bearer-token.js';
import {
	type CredentialIdentity,
	credentialIdentity,
	maskedKeyId,
} from '../auth/credential-identity.js';
import {type DliAuth, DliClient, type SqlJobQuery} from './dli-client.js';
import {
	mapDliBatch,
	mapDliBatchDetail,
	mapDliLog,
	mapDliProgress,
	mapDliSqlDetail,
	mapDliSqlJob,
} from './dli-mapping.js';

/** The list filters a user can give, and what each one filters. */
export const dliFilters: Readonly<Record<string, FilterSpec>> = {
	kind: {help: 'sql or batch: list only that kind', value: ['sql', 'batch']},
	'job-type': {
		help: 'SQL job type',
		value: [
			'DDL',
			'DCL',
			'IMPORT',
			'EXPORT',
			'QUERY',
			'INSERT',
			'DATA_MIGRATION',
			'UPDATE',
			'DELETE',
			'RESTART_QUEUE',
			'SCALE_QUEUE',
		],
	},
	'job-status': {
		help: 'SQL job status',
		value: [
			'LAUNCHING',
			'RUNNING',
			'SCALING',
			'FINISHED',
			'FAILED',
			'CANCELLED',
		],
	},
	queue: {help: 'queue name (SQL jobs and batches)'},
	owner: {help: 'who submitted it'},
	'sql-pattern': {help: 'a fragment of the SQL text (case-insensitive)'},
	since: {
		help: 'started after: an ISO date, epoch ms, or an age such as 2h or 7d',
		value: 'time',
	},
	until: {help: 'started before: same forms as since', value: 'time'},
	'batch-state': {
		help: 'Spark batch state',
		value: ['starting', 'running', 'dead', 'success', 'recovering'],
	},
	'batch-name': {help: 'Spark batch job name'},
};

export type DliProviderOptions = {
	/** The newest runs read of each kind (`--max-runs`). */
	readonly maxRuns?: number;
	readonly target: string;
	readonly endpoint: string;
	readonly projectId: string;
	readonly auth: DliAuth;
	readonly filters?: ListFilters;
	readonly now?: () => number;
	/** Log lines fetched for the log view. */
	readonly logLines?: number;
};

const maxRemembered = 64;

function dliIdentity(auth: DliAuth): CredentialIdentity {
	return auth.kind === 'token'
		? credentialIdentity(
				auth.token,
				token => tokenIdentity(token) ?? 'an IAM token',
			)
		: credentialIdentity(
				auth.credentials,
				({accessKey, securityToken}) =>
					`AK ${maskedKeyId(accessKey)}${securityToken ? ' with a security token' : ''}`,
			);
}

const importExport = new Set(['IMPORT', 'EXPORT']);

export function createDliProvider(options: DliProviderOptions): Provider {
	const client = new DliClient({...options, window: options.maxRuns});
	const {target} = options;
	const filters = options.filters ?? {};
	const now = options.now ?? Date.now;
	const logLines = options.logLines ?? 500;
	// DLI drops sub_jobs once a job ends; the Progress pane keeps showing them as last seen.
	const lastSubJobs = new Map<string, readonly SparkJob[]>();

	const time = (name: string) => {
		const value = filters[name];
		return value === undefined ? undefined : filterTime(value, now());
	};

	const sqlQuery = (): SqlJobQuery => ({
		'job-type': filters['job-type'],
		'job-status': filters['job-status'],
		queue_name: filters['queue'],
		owner: filters['owner'],
		sql_pattern: filters['sql-pattern'],
		start: time('since'),
		end: time('until'),
	});
	const batchQuery = (): SqlJobQuery => ({
		cluster_name: filters['queue'],
		state: filters['batch-state'],
		job_name: filters['batch-name'],
		owner: filters['owner'],
		start: time('since'),
		end: time('until'),
	});
	const wants = (kind: 'sql' | 'batch') =>
		filters['kind'] === undefined || filters['kind'] === kind;

	function remember(key: string, progress: Progress): Progress {
		if (progress.jobs.length > 0) {
			lastSubJobs.delete(key);
			lastSubJobs.set(key, progress.jobs);
			if (lastSubJobs.size > maxRemembered) {
				lastSubJobs.delete(lastSubJobs.keys().next().value!);
			}

			return progress;
		}

		const seen = lastSubJobs.get(key);
		return seen && progress.final
			? {
					...progress,
					jobs: seen,
					source: 'dli job progress (sub-jobs as last seen running)',
				}
			: progress;
	}

	const listedRuns = keptRuns((body, index) => [
		index === 0 ? mapDliSqlJob(target, body) : mapDliBatch(target, body),
	]);
	return {
		id: 'dli',
		kinds: ['sql', 'batch'],
		target,
		endpoint: `${client.http.endpoint.origin} project ${options.projectId}`,
		identity: dliIdentity(options.auth),
		async listRuns(signal) {
			const [jobs, batches] = await Promise.all([
				wants('sql') ? client.listSqlJobs(sqlQuery(), signal) : noWindow,
				wants('batch') ? client.listBatches(batchQuery(), signal) : noWindow,
			]);
			return listedRuns([jobs, batches]);
		},
		async getRun(run, signal) {
			if (run.kind === 'batch') {
				return mapDliBatchDetail(target, await client.getBatch(run.id, signal));
			}

			const status = await client.getSqlJobStatus(run.id, signal);
			const jobType = asText(asObject(status)['job_type'])?.toUpperCase();
			const detail = importExport.has(jobType ?? '')
				? await client.getSqlJobDetail(run.id, signal)
				: undefined;
			return mapDliSqlDetail(target, status, detail);
		},
		async getProgress(run, signal) {
			if (run.kind !== 'sql') {
				return {
					runKey: run.key,
					jobs: [],
					source: 'DLI reports Spark job progress for SQL jobs only',
				};
			}

			return remember(
				run.key,
				mapDliProgress(run.key, await client.getSqlJobProgress(run.id, signal)),
			);
		},
		async getLog(run, signal) {
			if (run.kind !== 'batch') {
				return {runKey: run.key, lines: [], total: 0};
			}

			const tail = await readLogTail(
				async (from, size) =>
					mapDliLog(
						run.key,
						await client.getBatchLog(run.id, from, size, signal),
					),
				logLines,
			);
			return {runKey: run.key, ...tail};
		},
		async cancelRun(run: Run, signal) {
			await (run.kind === 'batch'
				? client.cancelBatch(run.id, signal)
				: client.cancelSqlJob(run.id, signal));
		},
	};
}
