import {ActiveRunsWindow} from '../../http/active-runs-window.js';
import type {Query} from '../../http/http-client.js';
import {collectPages, defaultWindow, type Window} from '../../http/paging.js';
import {listedItems} from '../../model/run-list.js';
import {isTerminalRunState} from '../../model/states.js';
import {asArray, asNumber, asObject, asText} from '../../model/wire.js';
import {rfc3986} from '../auth/rfc3986.js';
import {PopClient, type PopClientOptions} from '../alibaba/pop-client.js';
import {emrJobRunState, emrJobRunStates} from './emr-states.js';

export const emrApiVersion = '2023-08-08';

export type EmrClientOptions = Omit<
	PopClientOptions,
	'provider' | 'version'
> & {
	readonly workspaceId: string;
	readonly regionId?: string;
	/** ListJobRuns allows 100 per page. */
	readonly pageSize?: number;
	/** The newest job runs, and session clusters, read (`--max-runs`). */
	readonly window?: number;
};

/** The job run states a run can still leave, as the wire spells them (`Running`). */
const activeStates = JSON.stringify(
	Object.entries(emrJobRunStates)
		.filter(([, state]) => !isTerminalRunState(state))
		.map(([raw]) => raw.charAt(0).toUpperCase() + raw.slice(1)),
);

/** Filters under which a run joins or leaves the list while it runs. */
const movingFilters = ['states', 'endTime', 'minDuration'];

/** Executors of a run read at most (20 pages). */
const maxExecutorPages = 20;

/**
 * EMR Serverless Spark (ROA, 2023-08-08): job runs, their executors and logs, session clusters
 * and SQL statements of one workspace. Array and object filters go as JSON strings, as the
 * official SDKs send them.
 */
export class EmrServerlessClient {
	readonly pop: PopClient;
	private readonly workspace: string;
	private readonly regionId?: string;
	private readonly pageSize: number;
	private readonly window: number;
	/** What the job run list last read: steady polls ask only for what can have changed. */
	private readonly jobRuns = new ActiveRunsWindow();

	constructor(options: EmrClientOptions) {
		this.pop = new PopClient({
			...options,
			provider: 'emr-serverless',
			version: emrApiVersion,
		});
		this.workspace = rfc3986(options.workspaceId);
		this.regionId = options.regionId;
		this.pageSize = options.pageSize ?? 100;
		this.window = options.window ?? defaultWindow;
	}

	/**
	 * The newest job runs. After the first read a poll asks for the newest page, the runs still
	 * active (the list filtered by state), and each run that finished since (the list filtered by
	 * its id).
	 */
	async listJobRuns(query: Query, signal?: AbortSignal): Promise<Window> {
		const list = {
			action: 'ListJobRuns',
			path: `api/v1/workspaces/${this.workspace}/jobRuns`,
			key: 'jobRuns',
		};
		const pages = Math.ceil(this.window / this.pageSize);
		return this.jobRuns.read({
			key: JSON.stringify(query),
			pageSize: this.pageSize,
			window: this.window,
			readAll: async () => this.listAll(list, query, pages, signal),
			newestPage: async () => this.listAll(list, query, 1, signal),
			activeRuns: async () =>
				this.listAll(list, {...query, states: activeStates}, pages, signal),
			// The list filtered by id answers the run as the list shows it (GetJobRun's has other fields).
			oneRun: async id => {
				const {items} = await this.listAll(
					list,
					{...query, jobRunId: id},
					1,
					signal,
				);
				return items[0];
			},
			...listedItems('jobRunId', 'state', emrJobRunState),
			readWhole: movingFilters.some(name => query[name] !== undefined),
		});
	}

	async getJobRun(id: string, signal?: AbortSignal): Promise<unknown> {
		return asObject(
			await this.get(
				'GetJobRun',
				`api/v1/workspaces/${this.workspace}/jobRuns/${encode(id)}`,
				{},
				signal,
			),
		)['jobRun'];
	}

	async cancelJobRun(id: string, signal?: AbortSignal): Promise<void> {
		await this.pop.call({
			action: 'CancelJobRun',
			method: 'DELETE',
			path: `api/v1/workspaces/${this.workspace}/jobRuns/${encode(id)}`,
			query: this.region({}),
			signal,
		});
	}

	/** The run's executors; the API's list key really is spelled `exexutors`. */
	async listJobExecutors(id: string, signal?: AbortSignal): Promise<unknown[]> {
		const {items} = await this.listAll(
			{
				action: 'ListJobExecutors',
				path: `api/v1/workspaces/${this.workspace}/jobRuns/${encode(id)}/executors`,
				key: 'exexutors',
			},
			{},
			maxExecutorPages,
			signal,
		);
		return [...items];
	}

	/** Lines `offset` .. `offset + length` of a log file named by a run's `log` paths. */
	async listLogContents(
		fileName: string,
		offset: number,
		length: number,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.get(
			'ListLogContents',
			`api/v1/workspaces/${this.workspace}/action/listLogContents`,
			{fileName, offset, length},
			signal,
		);
	}

	async listSessionClusters(
		query: Query,
		signal?: AbortSignal,
	): Promise<Window> {
		return this.listAll(
			{
				action: 'ListSessionClusters',
				path: `api/v1/workspaces/${this.workspace}/sessionClusters`,
				key: 'sessionClusters',
			},
			query,
			Math.ceil(this.window / this.pageSize),
			signal,
		);
	}

	async getSessionCluster(id: string, signal?: AbortSignal): Promise<unknown> {
		return asObject(
			await this.get(
				'GetSessionCluster',
				`api/v1/workspaces/${this.workspace}/sessionClusters/${encode(id)}`,
				{},
				signal,
			),
		)['sessionCluster'];
	}

	/** One SQL statement by id (there is no list operation); note the singular `workspace`. */
	async getSqlStatement(id: string, signal?: AbortSignal): Promise<unknown> {
		return asObject(
			await this.get(
				'GetSqlStatement',
				`api/interactive/v1/workspace/${this.workspace}/statement/${encode(id)}`,
				{},
				signal,
			),
		)['data'];
	}

	private region(query: Query): Query {
		return this.regionId ? {...query, regionId: this.regionId} : query;
	}

	private async get(
		action: string,
		path: string,
		query: Query,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.pop.call({action, path, query: this.region(query), signal});
	}

	/** NextToken / maxResults paging: until no nextToken, the totalCount, or a short page. */
	private async listAll(
		{action, path, key}: {action: string; path: string; key: string},
		query: Query,
		maxPages: number,
		signal?: AbortSignal,
	): Promise<Window> {
		let nextToken: string | undefined;
		return collectPages(
			async (_offset, pageNumber) => {
				if (pageNumber > 0 && !nextToken) {
					return {items: []};
				}

				const body = asObject(
					await this.get(
						action,
						path,
						{...query, maxResults: this.pageSize, nextToken},
						signal,
					),
				);
				nextToken = asText(body['nextToken']);
				return {
					items: asArray(body[key]),
					total: asNumber(body['totalCount']),
				};
			},
			{pageSize: this.pageSize, maxPages},
		);
	}
}

/** Path parameters are percent-encoded the RFC 3986 way, as the SDKs do (`*` too). */
function encode(id: string): string {
	return rfc3986(id);
}
