import {randomUUID} from 'node:crypto';
import {asObject, asText} from '../../model/wire.js';
import {popError, popGatewayRefusal} from '../alibaba/pop-gateway.js';
import {statementTemplates} from '../livy/statement-templates.js';
import {type SimClock, scenarioTime} from '../sim-clock.js';
import {json, type SimRequest, type SimResponse} from '../sim-server.js';
import {jobStatus, jobsAt, type SimDlaJob} from './dla-scenario.js';

/**
 * DLA serverless Spark (RPC) over its scenario (dla-scenario.ts): interactive jobs' statements go
 * waiting -> running -> available | error, cancellable. Pure functions of time plus the
 * cancellations received.
 */

const product = 'openanalytics-open';
export const dlaTestVirtualCluster = 'MyCluster';

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
