import {asArray, asParsedJson} from '../model/wire.js';
import {json, type SimHandler, type SimResponse} from './sim-server.js';

/** A list wire served at a scale the scenario simulators do not reach. */
export type ListWire = 'dli' | 'dla' | 'emr';

export type ManyJobs = {
	readonly handler: SimHandler;
	/** The list requests (path and paging) and the bytes answered since the last call. */
	poll(): {requests: string[]; bytes: number};
};

type Job = {readonly id: string; readonly running: boolean};

/**
 * A server holding `count` jobs, a few of them running, listed newest first as DLI's SQL job list,
 * DLA's ListSparkJob or EMR Serverless's ListJobRuns (with its `states` and `jobRunId` filters)
 * page them, counting what each poll asks for. Signatures are not checked: it measures paging.
 */
export function manyJobs(
	wire: ListWire,
	count: number,
	running: readonly number[] = [],
): ManyJobs {
	const jobs: Job[] = Array.from({length: count}, (_, index) => {
		const id = count - 1 - index;
		return {
			id: `job-${String(id).padStart(6, '0')}`,
			running: running.includes(id),
		};
	});
	const asked: string[] = [];
	let bytes = 0;
	const answer = (response: SimResponse) => {
		bytes += response.body.length;
		return response;
	};

	return {
		handler(request) {
			const {query} = request;
			if (wire === 'dli') {
				const size = Number(query.get('page-size') ?? 50);
				const page = Number(query.get('current-page') ?? 1);
				asked.push(`${request.path}?current-page=${page}`);
				const items = jobs.slice((page - 1) * size, page * size);
				return answer(
					json(200, {
						is_success: true,
						message: '',
						job_count: jobs.length,
						jobs: items.map(job => ({
							job_id: job.id,
							status: job.running ? 'RUNNING' : 'FINISHED',
							statement: `SELECT count(*) FROM ods.events -- ${job.id}`,
							queue_name: 'default',
						})),
					}),
				);
			}

			if (wire === 'dla') {
				const size = Number(query.get('PageSize'));
				const page = Number(query.get('PageNumber'));
				asked.push(`ListSparkJob?PageNumber=${page}`);
				const items = jobs.slice((page - 1) * size, page * size);
				return answer(
					json(200, {
						RequestId: 'many-jobs',
						DataResult: {
							PageNumber: String(page),
							PageSize: String(size),
							TotalCount: String(jobs.length),
							JobList: items.map(job => ({
								JobId: job.id,
								JobName: job.id,
								Status: job.running ? 'running' : 'success',
							})),
						},
					}),
				);
			}

			const size = Number(query.get('maxResults') ?? 20);
			const from = Number(query.get('nextToken') ?? 0) || 0;
			const states = asArray(asParsedJson(query.get('states')));
			const id = query.get('jobRunId');
			asked.push(
				`${request.path}?nextToken=${from}${states.length > 0 ? '&states' : ''}${id ? `&jobRunId=${id}` : ''}`,
			);
			const listed = jobs
				.map(job => ({
					jobRunId: job.id,
					name: job.id,
					state: job.running ? 'Running' : 'Success',
				}))
				.filter(
					run =>
						(states.length === 0 || states.includes(run.state)) &&
						(!id || run.jobRunId === id),
				);
			const items = listed.slice(from, from + size);
			const next = from + items.length;
			return answer(
				json(200, {
					requestId: 'many-jobs',
					nextToken: next < listed.length ? String(next) : '',
					maxResults: size,
					totalCount: listed.length,
					jobRuns: items,
				}),
			);
		},
		poll() {
			const seen = {requests: [...asked], bytes};
			asked.length = 0;
			bytes = 0;
			return seen;
		},
	};
}
