import {formatJavaDate} from '../../model/loose-time.js';
import {type SimClock, scenarioTime} from '../sim-clock.js';
import type {SimRequest, SimResponse} from '../sim-server.js';
import {
	batchesAt,
	batchLog,
	batchState,
	type SimBatchJob,
	type SimSqlJob,
	sqlJobsAt,
	sqlJobState,
	subJobCounts,
} from './dli-scenario.js';
import {dliAnswer, dliGatewayRefusal} from './dli-gateway.js';

export const dliTestProjectId = '48cc2c48765f481480c7db940d6409d1';

export type DliSimulatorOptions = {
	readonly clock: SimClock;
	readonly startedAt?: number;
};

/** DLI's REST API over the scenario: signatures checked, DLI and API-gateway error bodies. */
export function dliSimulator(
	options: DliSimulatorOptions,
): (request: SimRequest) => SimResponse {
	const {clock} = options;
	const {t, at} = scenarioTime(clock, options.startedAt);
	const cancelled = new Map<string, number>();
	const dliError = (status: number, code: string, message: string) =>
		dliAnswer(status, {error_code: code, error_msg: message});

	function sqlJobJson(job: SimSqlJob) {
		const state = sqlJobState(job, t(), cancelled);
		const end = state.endedAt;
		return {
			job_id: job.id,
			job_type: job.type,
			queue_name: job.queue,
			owner: job.owner,
			start_time: at(job.startAt),
			duration: Math.round(((end ?? t()) - job.startAt) * 1000),
			status: state.status,
			input_size: 0,
			result_count: state.status === 'FINISHED' ? job.resultCount : 0,
			detail:
				job.type === 'QUERY'
					? '{"type":"struct","fields":[{"name":"region","type":"string","nullable":true,"metadata":{}},{"name":"revenue","type":"double","nullable":true,"metadata":{}}]}'
					: '',
			statement: job.statement,
			message: state.status === 'FAILED' ? (job.failsWith ?? '') : '',
			...(end === undefined ? {} : {end_time: at(end)}),
			engine_type: 'spark',
			tags: job.queue === 'etl' ? [{key: 'team', value: 'data-eng'}] : [],
		};
	}

	function listSqlJobs(query: URLSearchParams) {
		const now = t();
		const pageSize = Math.min(
			100,
			Math.max(1, Number(query.get('page-size') ?? 50) || 50),
		);
		const page = Math.max(1, Number(query.get('current-page') ?? 1) || 1);
		const type = query.get('job-type');
		const status = query.get('job-status');
		const queue = query.get('queue_name');
		const owner = query.get('owner');
		const pattern = query.get('sql_pattern')?.toLowerCase();
		const start = Number(query.get('start') ?? Number.NaN);
		const end = Number(query.get('end') ?? Number.NaN);
		const jobs = sqlJobsAt(now)
			.filter(job => !type || type === 'ALL' || job.type === type)
			.filter(job => !queue || job.queue === queue)
			.filter(job => !owner || job.owner === owner)
			.filter(job => !pattern || job.statement.toLowerCase().includes(pattern))
			.filter(job => Number.isNaN(start) || at(job.startAt) >= start)
			.filter(job => Number.isNaN(end) || at(job.startAt) <= end)
			.map(job => sqlJobJson(job))
			.filter(job => !status || job.status === status)
			.toReversed();
		return dliAnswer(200, {
			is_success: true,
			message: '',
			job_count: jobs.length,
			jobs: jobs.slice((page - 1) * pageSize, page * pageSize),
		});
	}

	function progressJson(job: SimSqlJob) {
		const state = sqlJobState(job, t(), cancelled);
		const counts = subJobCounts(job, state);
		const running = counts.find(item => item.running);
		const startOf = (index: number) =>
			job.startAt +
			2 +
			job.subJobs.slice(0, index).reduce((sum, item) => sum + item.seconds, 0);
		const todo = running
			? running.spec.tasks - (running.spec.skippedTasks ?? 0)
			: 1;
		return {
			is_success: true,
			message: '',
			job_id: job.id,
			status: state.status,
			...(running ? {sub_job_id: counts.length - 1} : {}),
			progress:
				state.status === 'FINISHED'
					? 1
					: running
						? running.completed / todo
						: 0,
			...(counts.length > 0
				? {
						sub_jobs: counts.map((item, index) => ({
							id: index,
							name: item.spec.name,
							// DLI writes Java Date.toString() here, in the server's zone.
							submission_time: formatJavaDate(at(startOf(index))),
							...(item.running
								? {}
								: {completion_time: formatJavaDate(at(startOf(index + 1)))}),
							stage_ids: Array.from(
								{length: item.spec.stages},
								(_, stage) => index * 10 + stage,
							),
							job_group: job.id,
							status: item.running ? 'RUNNING' : 'SUCCEEDED',
							num_tasks: item.spec.tasks,
							num_active_tasks: item.active,
							num_completed_tasks: item.completed,
							num_skipped_tasks: item.spec.skippedTasks ?? 0,
							num_failed_tasks: item.failed,
							num_killed_tasks: 0,
							num_completed_indices: item.completed,
							num_active_stages: item.activeStages,
							num_completed_stages: item.completedStages,
							num_skipped_stages: item.spec.skippedStages ?? 0,
							num_failed_stages: 0,
							killed_tasks_summary: {},
						})),
					}
				: {}),
		};
	}

	function batchJson(batch: SimBatchJob, withDuration: boolean) {
		const {state, endedAt} = batchState(batch, t(), cancelled);
		const started = t() >= batch.startAt + 4;
		return {
			id: batch.id,
			state,
			appId: started ? `application_1763700000000_${batch.id.slice(-4)}` : '',
			log: batchLog(batch, t(), cancelled).slice(-10),
			sc_type: 'A',
			cluster_name: batch.queue,
			queue: batch.queue,
			create_time: at(batch.startAt),
			update_time: at(endedAt ?? t()),
			name: batch.name,
			owner: batch.owner,
			proxyUser: batch.owner,
			kind: '',
			req_body: JSON.stringify({
				file: `obs://lake/jobs/${batch.name}.jar`,
				className: 'com.example.etl.Main',
				args: ['--date', '2026-11-21'],
				conf: {'spark.sql.shuffle.partitions': '200'},
				driverMemory: '4G',
				executorMemory: '8G',
				numExecutors: 6,
			}),
			...(withDuration
				? {duration: Math.round(((endedAt ?? t()) - batch.startAt) * 1000)}
				: {}),
		};
	}

	function listBatches(query: URLSearchParams) {
		const from = Math.max(0, Number(query.get('from') ?? 0) || 0);
		const size = Math.max(1, Number(query.get('size') ?? 100) || 100);
		const cluster = query.get('cluster_name') ?? query.get('queue_name');
		const state = query.get('state')?.toLowerCase();
		const name = query.get('job_name');
		const owner = query.get('owner');
		const start = Number(query.get('start') ?? Number.NaN);
		const end = Number(query.get('end') ?? Number.NaN);
		const batches = batchesAt(t())
			.filter(batch => !cluster || batch.queue === cluster)
			.filter(batch => !name || batch.name === name)
			.filter(batch => !owner || batch.owner === owner)
			.filter(batch => Number.isNaN(start) || at(batch.startAt) >= start)
			.filter(batch => Number.isNaN(end) || at(batch.startAt) <= end)
			.map(batch => batchJson(batch, true))
			.filter(batch => !state || batch.state === state)
			.toReversed();
		return dliAnswer(200, {
			from,
			total: batches.length,
			sessions: batches.slice(from, from + size),
			create_time: Date.now(),
		});
	}

	function sqlRoute(
		request: SimRequest,
		id: string,
		sub?: string,
	): SimResponse {
		const job = sqlJobsAt(t()).find(item => item.id === id);
		if (!job) {
			return dliError(400, 'DLI.0002', `There is no job with id ${id}`);
		}

		if (request.method === 'DELETE' && sub === undefined) {
			const {status} = sqlJobState(job, t(), cancelled);
			if (status !== 'LAUNCHING' && status !== 'RUNNING') {
				return dliError(
					400,
					'DLI.0999',
					`The job has ended (${status}) and cannot be cancelled.`,
				);
			}

			cancelled.set(job.id, t());
			return dliAnswer(200, {is_success: true, message: ''});
		}

		if (sub === 'status') {
			return dliAnswer(200, {
				is_success: true,
				...sqlJobJson(job),
				job_mode: 'async',
				database_name: 'sales',
				table_name: 'orders',
				user_conf: '{"spark.sql.shuffle.partitions":"200"}',
			});
		}

		if (sub === 'detail') {
			return dliAnswer(200, {
				is_success: true,
				message: '',
				job_id: job.id,
				owner: job.owner,
				start_time: at(job.startAt),
				duration: 4000,
				data_path: 'obs://lake/raw/events',
				data_type: 'parquet',
				database_name: 'ods',
				table_name: 'events',
				with_column_header: true,
			});
		}

		return dliError(404, 'DLI.0023', 'No related resource was found.');
	}

	function batchRoute(
		request: SimRequest,
		id: string | undefined,
		sub?: string,
	): SimResponse {
		if (id === undefined) {
			return listBatches(request.query);
		}

		const batch = batchesAt(t()).find(item => item.id === id);
		if (!batch) {
			return dliError(400, 'DLI.0002', `The batch job ${id} does not exist.`);
		}

		if (request.method === 'DELETE' && sub === undefined) {
			if (batchState(batch, t(), cancelled).endedAt === undefined) {
				cancelled.set(batch.id, t());
			}

			return dliAnswer(200, {msg: 'deleted'});
		}

		if (sub === undefined) {
			return dliAnswer(200, batchJson(batch, false));
		}

		if (sub === 'state') {
			return dliAnswer(200, {
				id: batch.id,
				state: batchState(batch, t(), cancelled).state,
			});
		}

		if (sub === 'log') {
			const lines = batchLog(batch, t(), cancelled);
			const from = Math.max(0, Number(request.query.get('from') ?? 0) || 0);
			const size = Math.max(1, Number(request.query.get('size') ?? 100) || 100);
			return dliAnswer(200, {
				id: batch.id,
				from,
				total: lines.length,
				log: lines.slice(from, from + size),
			});
		}

		return dliError(404, 'DLI.0023', 'No related resource was found.');
	}

	return request => {
		const refused = dliGatewayRefusal(request);
		if (refused) {
			return refused;
		}

		const [version, project, collection, id, sub, extra] = request.path
			.split('/')
			.filter(Boolean);
		if (project !== dliTestProjectId || extra !== undefined) {
			return dliError(404, 'DLI.0023', 'No related resource was found.');
		}

		if (version === 'v1' && collection === 'jobs' && id && sub === 'progress') {
			const job = sqlJobsAt(t()).find(item => item.id === id);
			return job
				? dliAnswer(200, progressJson(job))
				: dliError(400, 'DLI.0002', `There is no job with id ${id}`);
		}

		if (version === 'v1.0' && collection === 'jobs') {
			return id === undefined
				? listSqlJobs(request.query)
				: sqlRoute(request, id, sub);
		}

		if (version === 'v2.0' && collection === 'batches') {
			return batchRoute(request, id, sub);
		}

		return dliError(404, 'DLI.0023', 'No related resource was found.');
	};
}
