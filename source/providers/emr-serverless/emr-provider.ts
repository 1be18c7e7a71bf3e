import {noWindow} from '../../http/paging.js';
import {keptRuns} from '../../model/run-list.js';
import type {Query} from '../../http/http-client.js';
import type {LogTail, Run, Statement} from '../../model/types.js';
import type {AlibabaCredentials} from '../alibaba/acs3-signer.js';
import type {CachedCredential} from '../auth/cached-credential.js';
import {alibabaIdentity} from '../alibaba/alibaba-identity.js';
import {
	durationMs,
	type FilterSpec,
	filterTime,
	type ListFilters,
	listItems,
} from '../list-filters.js';
import {readLogTail} from '../log-tail.js';
import type {Provider} from '../provider.js';
import {EmrServerlessClient} from './emr-client.js';
import {
	mapEmrJobRun,
	mapEmrJobRunDetail,
	mapEmrLog,
	mapEmrSessionCluster,
	mapEmrSessionDetail,
	mapEmrSqlStatement,
} from './emr-mapping.js';

/** Every ListJobRuns filter, plus the session-cluster ones, by the name a user gives. */
export const emrFilters: Readonly<Record<string, FilterSpec>> = {
	kind: {
		help: 'batch (job runs) or session (session clusters): list only that kind',
		value: ['batch', 'session'],
	},
	state: {
		help: 'job run states, comma-separated',
		value: [
			'Submitted',
			'Pending',
			'Running',
			'Success',
			'Failed',
			'Cancelling',
			'Cancelled',
			'CancelFailed',
		],
	},
	name: {help: 'job run name'},
	creator: {help: 'account id of who submitted the run'},
	'job-run-id': {help: 'one job run id'},
	queue: {help: 'resource queue (job runs and session clusters)'},
	tag: {help: 'tags, comma-separated key=value pairs'},
	'started-after': {
		help: 'run started after: an ISO date, epoch ms, or an age such as 2h',
		value: 'time',
	},
	'started-before': {help: 'run started before: same forms', value: 'time'},
	'ended-after': {help: 'run ended after: same forms', value: 'time'},
	'ended-before': {help: 'run ended before: same forms', value: 'time'},
	'min-duration': {
		help: 'runs that took at least this long: ms, or 30s, 10m, 2h',
		value: 'duration',
	},
	workflow: {
		help: 'true or false: runs started by a workflow, or not',
		value: 'boolean',
	},
	'session-kind': {
		help: 'session cluster kind',
		value: ['SQL', 'NOTEBOOK', 'THRIFT'],
	},
	'session-cluster': {help: 'one session cluster id'},
	statements: {
		help: 'SQL statement ids to show in Statements (there is no list operation), comma-separated',
	},
};

export type EmrProviderOptions = {
	/** The newest runs read of each kind (`--max-runs`). */
	readonly maxRuns?: number;
	readonly target: string;
	readonly endpoint: string;
	readonly workspaceId: string;
	readonly regionId?: string;
	readonly credentials: CachedCredential<AlibabaCredentials>;
	readonly filters?: ListFilters;
	readonly now?: () => number;
	/** Lines fetched per driver log stream for the log view. */
	readonly logLines?: number;
};

export function createEmrServerlessProvider(
	options: EmrProviderOptions,
): Provider {
	const client = new EmrServerlessClient({...options, window: options.maxRuns});
	const {target} = options;
	const filters = options.filters ?? {};
	const now = options.now ?? Date.now;
	const logLines = options.logLines ?? 300;
	// Statement ids the user asked to watch, per session cluster; the filter's apply to every one.
	const watched = new Map<string, string[]>();

	function range(after: string, before: string): string | undefined {
		const from = filters[after];
		const to = filters[before];
		if (from === undefined && to === undefined) {
			return undefined;
		}

		return JSON.stringify({
			...(from === undefined ? {} : {startTime: filterTime(from, now())}),
			...(to === undefined ? {} : {endTime: filterTime(to, now())}),
		});
	}

	function jobRunQuery(): Query {
		const states = listItems(filters['state']);
		const tags = listItems(filters['tag']).map(pair => {
			const at = pair.indexOf('=');
			return at === -1
				? {key: pair, value: ''}
				: {key: pair.slice(0, at), value: pair.slice(at + 1)};
		});
		const minDuration = filters['min-duration'];
		return {
			name: filters['name'],
			creator: filters['creator'],
			jobRunId: filters['job-run-id'],
			resourceQueueId: filters['queue'],
			states: states.length > 0 ? JSON.stringify(states) : undefined,
			tags: tags.length > 0 ? JSON.stringify(tags) : undefined,
			startTime: range('started-after', 'started-before'),
			endTime: range('ended-after', 'ended-before'),
			minDuration:
				minDuration === undefined ? undefined : durationMs(minDuration, 'ms'),
			isWorkflow: filters['workflow'],
		};
	}

	const wants = (kind: 'batch' | 'session') =>
		filters['kind'] === undefined || filters['kind'] === kind;

	const listedRuns = keptRuns((body, index) => [
		index === 0
			? mapEmrJobRun(target, body)
			: mapEmrSessionCluster(target, body),
	]);
	return {
		id: 'emr-serverless',
		kinds: ['batch', 'session'],
		target,
		endpoint: `${client.pop.http.endpoint.origin} workspace ${options.workspaceId}`,
		identity: alibabaIdentity(options.credentials),
		async listRuns(signal) {
			const [runs, sessions] = await Promise.all([
				wants('batch') ? client.listJobRuns(jobRunQuery(), signal) : noWindow,
				wants('session')
					? client.listSessionClusters(
							{
								queueName: filters['queue'],
								kind: filters['session-kind'],
								sessionClusterId: filters['session-cluster'],
							},
							signal,
						)
					: noWindow,
			]);
			return listedRuns([runs, sessions]);
		},
		async getRun(run, signal) {
			if (run.kind === 'session') {
				return mapEmrSessionDetail(
					target,
					await client.getSessionCluster(run.id, signal),
				);
			}

			const [body, executors] = await Promise.all([
				client.getJobRun(run.id, signal),
				client.listJobExecutors(run.id, signal),
			]);
			return mapEmrJobRunDetail(target, body, executors);
		},
		async listStatements(run: Run, signal): Promise<Statement[]> {
			const ids = [
				...new Set([
					...listItems(filters['statements']),
					...(watched.get(run.key) ?? []),
				]),
			];
			return Promise.all(
				ids.map(async id =>
					mapEmrSqlStatement(run.key, await client.getSqlStatement(id, signal)),
				),
			);
		},
		watchStatement(run, statementId) {
			watched.set(run.key, [...(watched.get(run.key) ?? []), statementId]);
		},
		async getLog(run, signal): Promise<LogTail> {
			if (run.kind !== 'batch') {
				return {runKey: run.key, lines: []};
			}

			// The listed run names its log files; ask for the run only when it does not.
			const files =
				run.logFiles ??
				mapEmrJobRun(target, await client.getJobRun(run.id, signal)).logFiles ??
				{};
			const streams = await Promise.all(
				Object.entries(files).map(async ([label, fileName]) => {
					const tail = await readLogTail(
						async (from, size) =>
							mapEmrLog(
								run.key,
								await client.listLogContents(fileName, from, size, signal),
							),
						logLines,
					);
					return {
						name: `driver ${label}`,
						lines: tail.lines,
						total: tail.total,
					};
				}),
			);
			return {
				runKey: run.key,
				lines: streams.flatMap(stream => [
					`── ${stream.name}${stream.total === undefined ? '' : ` (last ${stream.lines.length} of ${stream.total})`} ──`,
					...stream.lines,
				]),
				streams,
			};
		},
		async cancelRun(run, signal) {
			await client.cancelJobRun(run.id, signal);
		},
	};
}
