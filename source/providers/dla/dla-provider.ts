import {keptRuns} from '../../model/run-list.js';
import {ProviderError} from '../../http/provider-error.js';
import type {AlibabaCredentials} from '../alibaba/acs3-signer.js';
import type {CachedCredential} from '../auth/cached-credential.js';
import {alibabaIdentity} from '../alibaba/alibaba-identity.js';
import {
	type FilterSpec,
	filterTime,
	type ListFilters,
} from '../list-filters.js';
import type {Provider} from '../provider.js';
import {DlaClient} from './dla-client.js';
import {
	mapDlaJob,
	mapDlaJobDetail,
	mapDlaLog,
	mapDlaStatement,
} from './dla-mapping.js';

export const dlaFilters: Readonly<Record<string, FilterSpec>> = {
	name: {help: 'job name'},
	status: {
		help: 'job status',
		value: ['starting', 'running', 'error', 'dead', 'killed', 'success'],
	},
	since: {
		help: 'created after: an ISO date, epoch ms, or an age such as 2h',
		value: 'time',
	},
};

export type DlaProviderOptions = {
	/** The newest runs read of each kind (`--max-runs`). */
	readonly maxRuns?: number;
	readonly target: string;
	readonly endpoint: string;
	readonly virtualCluster: string;
	readonly credentials: CachedCredential<AlibabaCredentials>;
	readonly filters?: ListFilters;
	readonly now?: () => number;
};

/** `yyyy-MM-dd HH:mm:ss` in China time, as DLA's conditions take it. */
function chinaTime(ms: number): string {
	return new Date(ms + 8 * 3_600_000)
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d+Z$/v, '');
}

export function createDlaProvider(options: DlaProviderOptions): Provider {
	const client = new DlaClient({...options, window: options.maxRuns});
	const {target} = options;
	const filters = options.filters ?? {};
	const now = options.now ?? Date.now;
	const condition = () => {
		const since = filters['since'] && filterTime(filters['since'], now());
		return Object.fromEntries(
			Object.entries({
				jobName: filters['name'],
				status: filters['status'],
				createTime: since ? chinaTime(since) : undefined,
			}).filter((entry): entry is [string, string] => entry[1] !== undefined),
		);
	};

	const jobRuns = keptRuns(body => [mapDlaJob(target, body)]);
	return {
		id: 'dla',
		kinds: ['batch', 'session'],
		target,
		endpoint: client.pop.http.endpoint.origin,
		identity: alibabaIdentity(options.credentials),
		async listRuns(signal) {
			const jobs = await client.listSparkJobs(condition(), signal);
			return jobRuns([jobs]);
		},
		async getRun(run, signal) {
			return mapDlaJobDetail(target, await client.getJobDetail(run.id, signal));
		},
		async listStatements(run, signal) {
			const statements = await client.listSparkStatements(run.id, signal);
			return statements.map(body => mapDlaStatement(run.key, body));
		},
		async getLog(run, signal) {
			return mapDlaLog(run.key, await client.getJobLog(run.id, signal));
		},
		async cancelRun(run, signal) {
			const answer = await client.killSparkJob(run.id, signal);
			if (String(answer) !== 'deleted') {
				throw new ProviderError({
					kind: 'http',
					provider: 'dla',
					operation: 'KillSparkJob',
					message: `the job was not killed (the service answered ${String(answer)})`,
				});
			}
		},
		async cancelStatement(run, statement, signal) {
			const answer = await client.cancelSparkStatement(
				run.id,
				statement.id,
				signal,
			);
			if (String(answer) !== 'true') {
				throw new ProviderError({
					kind: 'http',
					provider: 'dla',
					operation: 'CancelSparkStatement',
					message: `the statement was not cancelled (the service answered ${String(answer)})`,
				});
			}
		},
	};
}
