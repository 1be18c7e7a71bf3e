import {collectPages, type Window} from '../../http/paging.js';
import type {Query} from '../../http/http-client.js';
import {asArray, asNumber, asObject, asText} from '../../model/wire.js';
import {rfc3986} from '../auth/rfc3986.js';
import {PopClient, type PopClientOptions} from '../alibaba/pop-client.js';

export const emrApiVersion = '2023-08-08';

export type EmrClientOptions = Omit<
	PopClientOptions,
	'provider' | 'version'
> & {
	readonly workspaceId: string;
	readonly regionId?: string;
	/** ListJobRuns allows 100 per page. */
	readonly pageSize?: number;
	readonly maxPages?: number;
};

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
	private readonly maxPages: number;

	constructor(options: EmrClientOptions) {
		this.pop = new PopClient({
			...options,
			provider: 'emr-serverless',
			version: emrApiVersion,
		});
		this.workspace = rfc3986(options.workspaceId);
		this.regionId = options.regionId;
		this.pageSize = options.pageSize ?? 100;
		this.maxPages = options.maxPages ?? 20;
	}

	async listJobRuns(query: Query, signal?: AbortSignal): Promise<Window> {
		return this.listAll(
			{
				action: 'ListJobRuns',
				path: `api/v1/workspaces/${this.workspace}/jobRuns`,
				key: 'jobRuns',
			},
			query,
			signal,
		);
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
			{pageSize: this.pageSize, maxPages: this.maxPages},
		);
	}
}

/** Path parameters are percent-encoded the RFC 3986 way, as the SDKs do (`*` too). */
function encode(id: string): string {
	return rfc3986(id);
}
