import {NewestFirstWindow} from '../../http/newest-first-window.js';
import {defaultWindow, type Page, type Window} from '../../http/paging.js';
import {listedItems} from '../../model/run-list.js';
import {asArray, asNumber, asObject} from '../../model/wire.js';
import {PopClient, type PopClientOptions} from '../alibaba/pop-client.js';
import {dlaJobState} from './dla-states.js';

export const dlaApiVersion = '2018-06-19';

export type DlaClientOptions = Omit<
	PopClientOptions,
	'provider' | 'version'
> & {
	/** The virtual cluster (VcName) the jobs run in; every job action names it. */
	readonly virtualCluster: string;
	readonly pageSize?: number;
	/** The newest jobs read (`--max-runs`). */
	readonly window?: number;
};

/**
 * Data Lake Analytics serverless Spark (openanalytics-open 2018-06-19, RPC): every action is a
 * POST to `/` with its parameters in a form body, except ListSparkJob, which takes them in the query.
 */
export class DlaClient {
	readonly pop: PopClient;
	private readonly virtualCluster: string;
	private readonly pageSize: number;
	private readonly window: number;
	/** What the list last read: steady polls ask only for what can have changed. */
	private readonly jobs = new NewestFirstWindow();

	constructor(options: DlaClientOptions) {
		this.pop = new PopClient({
			...options,
			provider: 'dla',
			version: dlaApiVersion,
		});
		this.virtualCluster = options.virtualCluster;
		this.pageSize = options.pageSize ?? 100;
		this.window = options.window ?? defaultWindow;
	}

	/**
	 * The newest jobs (listed newest first, by PageNumber / PageSize, with TotalCount); `Condition`
	 * is a JSON string (`{"jobName": …, "createTime": …}`).
	 */
	async listSparkJobs(
		condition: Readonly<Record<string, string>>,
		signal?: AbortSignal,
	): Promise<Window> {
		const {pageSize} = this;
		return this.jobs.read({
			pageSize,
			window: this.window,
			key: JSON.stringify(condition),
			trustTotal: true,
			...listedItems('JobId', 'Status', dlaJobState),
			fetchPage: async (offset): Promise<Page> => {
				const result = asObject(
					asObject(
						await this.pop.call({
							action: 'ListSparkJob',
							method: 'POST',
							path: '/',
							query: {
								VcName: this.virtualCluster,
								PageNumber: offset / pageSize + 1,
								PageSize: pageSize,
								Condition:
									Object.keys(condition).length > 0
										? JSON.stringify(condition)
										: undefined,
							},
							signal,
						}),
					)['DataResult'],
				);
				return {
					items: asArray(result['JobList']),
					total: asNumber(result['TotalCount']),
				};
			},
		});
	}

	async getJobDetail(jobId: string, signal?: AbortSignal): Promise<unknown> {
		return this.form('GetJobDetail', {JobId: jobId}, 'JobDetail', signal);
	}

	async getJobStatus(jobId: string, signal?: AbortSignal): Promise<unknown> {
		return this.form('GetJobStatus', {JobId: jobId}, 'Status', signal);
	}

	/** The driver log as one string. */
	async getJobLog(jobId: string, signal?: AbortSignal): Promise<unknown> {
		return this.form('GetJobLog', {JobId: jobId}, 'Data', signal);
	}

	async listSparkStatements(
		jobId: string,
		signal?: AbortSignal,
	): Promise<readonly unknown[]> {
		return asArray(
			await this.form(
				'ListSparkStatements',
				{JobId: jobId},
				'Statements',
				signal,
			),
		);
	}

	async getSparkStatement(
		jobId: string,
		statementId: string,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.form(
			'GetSparkStatement',
			{JobId: jobId, StatementId: statementId},
			'Data',
			signal,
		);
	}

	/** Answers `Data: "true"` when the statement was cancelled. */
	async cancelSparkStatement(
		jobId: string,
		statementId: string,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.form(
			'CancelSparkStatement',
			{JobId: jobId, StatementId: statementId},
			'Data',
			signal,
		);
	}

	/** Kills a job; answers `Data: "deleted"` when it did. */
	async killSparkJob(jobId: string, signal?: AbortSignal): Promise<unknown> {
		return this.form('KillSparkJob', {JobId: jobId}, 'Data', signal);
	}

	/** A form-body RPC call, and the one field of its answer the caller wants. */
	private async form(
		action: string,
		parameters: Readonly<Record<string, string>>,
		field: string,
		signal?: AbortSignal,
	): Promise<unknown> {
		// Job actions name the virtual cluster; statement actions take only the job id.
		const body = new URLSearchParams({
			...parameters,
			...(statementActions.has(action) ? {} : {VcName: this.virtualCluster}),
		}).toString();
		const answer = await this.pop.call({
			action,
			method: 'POST',
			path: '/',
			headers: {'content-type': 'application/x-www-form-urlencoded'},
			body,
			signal,
		});
		return asObject(answer)[field];
	}
}

const statementActions = new Set([
	'ListSparkStatements',
	'GetSparkStatement',
	'CancelSparkStatement',
]);
