import {randomUUID} from 'node:crypto';
import {asObject, asText} from '../../model/wire.js';
import {popError, popGatewayRefusal} from '../alibaba/pop-gateway.js';
import {statementTemplates} from '../livy/livy-scenario.js';
import {type SimClock, scenarioTime} from '../sim-clock.js';
import {json, type SimRequest, type SimResponse} from '../sim-server.js';

/**
 * DLA serverless Spark (RPC) over a small scenario: batch jobs that run to success, error or dead,
 * and interactive jobs whose statements go waiting -> running -> available | error, cancellable.
 * Pure functions of time plus the cancellations received.
 */

type SimDlaJob = {
	readonly id: string;
	readonly name: string;
	readonly interactive: boolean;
	readonly startAt: number;
	readonly runFor: number;
	readonly ends: 'success' | 'error' | 'dead';
};

const product = 'openanalytics-open';
export const dlaTestVirtualCluster = 'MyCluster';

function jobsAt(t: number): SimDlaJob[] {
	const jobs: SimDlaJob[] = [];
	for (let index = 0; index < 24; index++) {
		jobs.push({
			id: `j20261121${String(index).padStart(4, '0')}hangzhouf742a4330000${String(900 + index)}`,
			name: index % 3 === 0 ? 'SparkPi' : `nightly-${index % 5}`,
			interactive: false,
			startAt: -1200 * (24 - index),
			runFor: 300,
			ends: index % 7 === 2 ? 'error' : index % 11 === 5 ? 'dead' : 'success',
		});
	}

	jobs.push(
		{
			id: 'j202611210900hangzhouinteractive0001',
			name: 'notebook-alice',
			interactive: true,
			startAt: 0,
			runFor: 100_000,
			ends: 'success',
		},
		{
			id: 'j202611210900hangzhouinteractive0002',
			name: 'notebook-bob',
			interactive: true,
			startAt: -60,
			runFor: 100_000,
			ends: 'success',
		},
	);
	for (let index = 0; index * 30 <= t && index < 300; index++) {
		jobs.push({
			id: `j20261121live${String(index).padStart(4, '0')}hangzhouf742a43300`,
			name: 'SparkPi',
			interactive: false,
			startAt: index * 30,
			runFor: 25,
			ends: index % 4 === 3 ? 'error' : 'success',
		});
	}

	return jobs;
}

/** A job's status at `t`, given when (if ever) it was killed. */
function jobStatus(job: SimDlaJob, t: number, killedAt?: number): string {
	if (killedAt !== undefined && killedAt < job.startAt + job.runFor) {
		return 'killed';
	}

	if (t >= job.startAt + job.runFor) {
		return job.ends;
	}

	return t < job.startAt + 3 ? 'starting' : 'running';
}

const statementEvery = 12;
const statementRun = 6;

export type DlaSimulatorOptions = {
	readonly clock: SimClock;
	readonly startedAt?: number;
};

export function dlaSimulator(
	options: DlaSimulatorOptions,
): (request: SimRequest) => SimResponse {
	const {clock} = options;
	const {t, at} = scenarioTime(clock, options.startedAt);
	const cancelled = new Map<string, number>();
	const killed = new Map<string, number>();
	const statusOf = (job: SimDlaJob) => jobStatus(job, t(), killed.get(job.id));
	const nonces = new Set<string>();
	const ok = (body: Record<string, unknown>) =>
		json(200, {RequestId: randomUUID().toUpperCase(), ...body});
	const chinaTime = (seconds: number) =>
		new Date(at(seconds) + 8 * 3_600_000)
			.toISOString()
			.replace('T', ' ')
			.replace(/\.\d+Z$/v, '');

	function jobJson(job: SimDlaJob, detailed: boolean) {
		const status = statusOf(job);
		const end = Math.min(t(), job.startAt + job.runFor);
		return {
			JobId: job.id,
			JobName: job.name,
			Status: status,
			VcName: dlaTestVirtualCluster,
			Detail: JSON.stringify(
				job.interactive
					? {
							name: job.name,
							conf: {
								'spark.dla.connectors': 'oss',
								'spark.executor.instances': 2,
							},
						}
					: {
							args: ['100'],
							name: job.name,
							className: 'org.apache.spark.examples.SparkPi',
							conf: {
								'spark.driver.resourceSpec': 'medium',
								'spark.executor.instances': 5,
								'spark.executor.resourceSpec': 'medium',
							},
							file: 'local:///tmp/spark-examples.jar',
						},
			),
			SparkUI: `https://dlaui-cn-hangzhou.aliyuncs.com/?token=${job.id.slice(-6)}`,
			DriverResourceSpec: 'medium',
			ExecutorResourceSpec: 'medium',
			ExecutorInstances: '5',
			CreateTime: chinaTime(job.startAt),
			CreateTimeValue: String(at(job.startAt)),
			SubmitTime: chinaTime(job.startAt),
			SubmitTimeValue: String(at(job.startAt)),
			UpdateTime: chinaTime(end),
			UpdateTimeValue: String(at(end)),
			...(detailed ? {LastJobAttemptId: `${job.id}-0001`} : {}),
		};
	}

	function statementsOf(job: SimDlaJob) {
		const now = t();
		const count = Math.max(
			0,
			Math.floor((now - job.startAt - 2) / statementEvery) + 1,
		);
		return Array.from({length: Math.min(count, 50)}, (_, id) => {
			const template =
				statementTemplates[
					(id + (job.name === 'notebook-bob' ? 2 : 0)) %
						statementTemplates.length
				]!;
			const submitted = job.startAt + 2 + id * statementEvery;
			const started = submitted + 1;
			const done = started + statementRun;
			const cancelAt = cancelled.get(`${job.id}/${id}`);
			const state =
				cancelAt !== undefined && cancelAt < done
					? 'cancelled'
					: now >= done
						? template.output['status'] === 'error'
							? 'error'
							: 'available'
						: now >= started
							? 'running'
							: 'waiting';
			return {
				Id: id,
				Code: template.code,
				State: state,
				Output:
					state === 'available' || state === 'error'
						? JSON.stringify({...template.output, execution_count: id})
						: '',
				Progress:
					state === 'running'
						? Math.round(((now - started) / statementRun) * 100) / 100
						: state === 'waiting'
							? 0
							: 1,
				StartedTime: state === 'waiting' ? 0 : at(started),
				CompletedTime:
					state === 'available' || state === 'error' ? at(done) : 0,
			};
		});
	}

	/** The actions on one job, once the gateway and the job id have been checked. */
	function jobAction(
		action: string,
		job: SimDlaJob,
		form: URLSearchParams,
		host: string,
	): SimResponse {
		switch (action) {
			case 'GetJobDetail': {
				return ok({JobDetail: jobJson(job, true)});
			}

			case 'KillSparkJob': {
				const status = statusOf(job);
				if (status !== 'starting' && status !== 'running') {
					return popError(
						{host, product},
						400,
						'InvalidJob.Status',
						`The job is ${status}, it cannot be killed.`,
					);
				}

				killed.set(job.id, t());
				return ok({Data: 'deleted'});
			}

			case 'GetJobStatus': {
				return ok({Status: statusOf(job)});
			}

			case 'GetJobLog': {
				const seconds = Math.max(
					0,
					Math.floor(Math.min(t(), job.startAt + job.runFor) - job.startAt),
				);
				const lines = Array.from(
					{length: Math.min(seconds, 200)},
					(_, index) =>
						`26/11/21 09:00:${String(index % 60).padStart(2, '0')} INFO SparkContext: step ${index}`,
				);
				if (statusOf(job) === 'error') {
					lines.push(
						'Exception in thread "main" java.lang.IllegalArgumentException: Pi needs a positive slice count',
					);
				}

				return ok({Data: lines.join('\n')});
			}

			case 'ListSparkStatements':
			case 'GetSparkStatement':
			case 'CancelSparkStatement': {
				if (!job.interactive) {
					return popError(
						{host, product},
						400,
						'InvalidJob.NotInteractive',
						'The job is not an interactive job.',
					);
				}

				const statements = statementsOf(job);
				if (action === 'ListSparkStatements') {
					return ok({Statements: statements});
				}

				const statement = statements.find(
					item => String(item.Id) === form.get('StatementId'),
				);
				if (!statement) {
					return popError(
						{host, product},
						400,
						'InvalidStatement.NotFound',
						'The statement does not exist.',
					);
				}

				if (action === 'GetSparkStatement') {
					// This one answers `Process` where the list says `Progress`, as the SDK documents.
					const {Progress, ...rest} = statement;
					return ok({Data: {...rest, Process: Progress}});
				}

				const active =
					statement.State === 'waiting' || statement.State === 'running';
				if (active) {
					cancelled.set(`${job.id}/${statement.Id}`, t());
				}

				return ok({Data: String(active)});
			}

			default: {
				return popError(
					{host, product},
					400,
					'InvalidAction.NotFound',
					`Specified api ${action} is not found.`,
				);
			}
		}
	}

	return request => {
		const host = String(request.headers.host ?? '');
		const refused = popGatewayRefusal(
			request,
			{version: '2018-06-19', product},
			nonces,
		);
		if (refused) {
			return refused;
		}

		if (request.method !== 'POST' || request.path !== '/') {
			return popError(
				{host, product},
				404,
				'InvalidApi.NotFound',
				'Specified api is not found, please check your url and method.',
			);
		}

		const action = String(request.headers['x-acs-action'] ?? '');
		const form = new URLSearchParams(request.body);
		const jobs = jobsAt(t()).filter(job => t() >= job.startAt);
		const missing = (name: string) =>
			popError(
				{host, product},
				400,
				`Missing${name}`,
				`${name} is mandatory for this action.`,
			);

		if (action === 'ListSparkJob') {
			const pageNumber = Number(request.query.get('PageNumber'));
			const pageSize = Number(request.query.get('PageSize'));
			if (!pageNumber || !pageSize) {
				return missing(pageNumber ? 'PageSize' : 'PageNumber');
			}

			let condition: Record<string, unknown> = {};
			try {
				condition = asObject(
					JSON.parse(request.query.get('Condition') ?? '{}'),
				);
			} catch {
				return popError(
					{host, product},
					400,
					'InvalidParameter',
					'Condition is not valid JSON.',
				);
			}

			const name = asText(condition['jobName']);
			const status = asText(condition['status']);
			const createTime = asText(condition['createTime']);
			const list = jobs
				.filter(job => !name || job.name === name)
				.filter(job => !status || statusOf(job) === status)
				.filter(job => !createTime || chinaTime(job.startAt) >= createTime)
				.toReversed()
				.map(job => jobJson(job, false));
			return ok({
				DataResult: {
					PageNumber: String(pageNumber),
					PageSize: String(pageSize),
					TotalCount: String(list.length),
					JobList: list.slice(
						(pageNumber - 1) * pageSize,
						pageNumber * pageSize,
					),
				},
			});
		}

		const jobId = form.get('JobId');
		if (!jobId) {
			return missing('JobId');
		}

		// Job actions name their virtual cluster; statement actions do not.
		if (
			!action.includes('Statement') &&
			form.get('VcName') !== dlaTestVirtualCluster
		) {
			return form.get('VcName')
				? popError(
						{host, product},
						400,
						'InvalidVirtualCluster.NotFound',
						`The virtual cluster ${form.get('VcName')} does not exist.`,
					)
				: missing('VcName');
		}

		const job = jobs.find(item => item.id === jobId);
		if (!job) {
			return popError(
				{host, product},
				400,
				'InvalidJob.NotFound',
				`The job ${jobId} does not exist.`,
			);
		}

		return jobAction(action, job, form, host);
	};
}
