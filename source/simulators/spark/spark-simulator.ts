import {type SimClock, scenarioTime} from '../sim-clock.js';
import {
	json,
	jettyErrorPage,
	type SimRequest,
	type SimResponse,
	text,
} from '../sim-server.js';
import {
	isRunningAt,
	jobsAt,
	type SimApplication,
	type SimJob,
} from './spark-scenario.js';

/** Spark's REST date form: `2015-02-03T16:42:40.000GMT`. */
export function sparkDate(ms: number): string {
	return new Date(ms).toISOString().replace('Z', 'GMT');
}

const notRunningDate = '1969-12-31T23:59:59.999GMT';

/**
 * Spark's monitoring REST API over a set of simulated applications. Answers under `/api/v1`
 * as a History Server does, and under `/proxy/{appId}/api/v1` as YARN's proxy to a live driver does.
 */
export function sparkSimulator(
	apps: readonly SimApplication[],
	clock: SimClock,
	startedAt = clock.now(),
): (request: SimRequest) => SimResponse {
	const {t: elapsed, at} = scenarioTime(clock, startedAt);

	function attemptsOf(app: SimApplication) {
		const t = elapsed();
		const running = isRunningAt(app, t);
		const start = at(app.startAt);
		const end = running ? -1 : at(app.startAt + (app.runFor ?? 0));
		const count = app.attempts ?? 1;
		return Array.from({length: count}, (_, index) => {
			const number = count - index;
			const attemptStart = start - index * 3_600_000;
			const attemptEnd = index === 0 ? end : attemptStart + 60_000;
			return {
				...(count > 1 ? {attemptId: String(number)} : {}),
				startTime: sparkDate(attemptStart),
				endTime: attemptEnd < 0 ? notRunningDate : sparkDate(attemptEnd),
				lastUpdated: sparkDate(clock.now()),
				duration: attemptEnd < 0 ? -1 : attemptEnd - attemptStart,
				sparkUser: app.user,
				completed: attemptEnd >= 0,
				appSparkVersion: app.sparkVersion ?? '3.5.1',
				...(attemptEnd >= 0 && index === 0 && app.exitCode !== undefined
					? {exitCode: app.exitCode}
					: {}),
				startTimeEpoch: attemptStart,
				endTimeEpoch: attemptEnd,
				lastUpdatedEpoch: clock.now(),
			};
		});
	}

	function appJson(app: SimApplication) {
		return {id: app.id, name: app.name, attempts: attemptsOf(app)};
	}

	function jobGroupOf(app: SimApplication, job: SimJob) {
		const group = app.jobGroupAt
			? app.jobGroupAt(app.startAt + job.submittedAt)
			: `${app.id}-group`;
		return group === undefined ? {} : {jobGroup: group};
	}

	/**
	 * `stages/{id}/{attempt}/taskSummary`: task time quantiles. Every fourth stage has a straggler,
	 * one task far slower than the rest, as skewed data or a slow node makes.
	 */
	function taskSummaryJson(app: SimApplication, stageId: number) {
		const stage = jobsAt(app, elapsed())
			.flatMap(job => job.stages)
			.find(item => item.stageId === stageId);
		if (!stage) {
			return undefined;
		}

		const running =
			stage.submittedAt === undefined
				? 0
				: elapsed() - app.startAt - stage.submittedAt;
		const median = 1800 + (stageId % 5) * 100;
		const slowest =
			stageId % 4 === 1 ? median + Math.max(0, running) * 1000 : median * 2;
		return {
			quantiles: [0.5, 1],
			duration: [median + 50, slowest + 50],
			executorRunTime: [median, slowest],
			executorDeserializeTime: [5, 40],
			jvmGcTime: [20, 300],
		};
	}

	function jobJson(app: SimApplication, job: SimJob) {
		return {
			jobId: job.jobId,
			name: job.name,
			description: job.description,
			submissionTime: sparkDate(at(app.startAt + job.submittedAt)),
			...(job.endedAt === undefined
				? {}
				: {completionTime: sparkDate(at(app.startAt + job.endedAt))}),
			stageIds: job.stageIds,
			...jobGroupOf(app, job),
			jobTags: [],
			status: job.status,
			numTasks: job.numTasks,
			numActiveTasks: job.active,
			numCompletedTasks: job.completed + job.killed,
			numSkippedTasks: job.skippedTasks,
			numFailedTasks: job.failed,
			numKilledTasks: job.killed,
			numCompletedIndices: job.completed,
			numActiveStages: job.stages.filter(stage => stage.status === 'ACTIVE')
				.length,
			numCompletedStages: job.stages.filter(
				stage => stage.status === 'COMPLETE',
			).length,
			numSkippedStages: job.stages.filter(stage => stage.status === 'SKIPPED')
				.length,
			numFailedStages: job.stages.filter(stage => stage.status === 'FAILED')
				.length,
			killedTasksSummary:
				job.killed > 0 ? {'another attempt succeeded': job.killed} : {},
		};
	}

	function stagesJson(app: SimApplication, statuses: string[]) {
		const wanted = new Set(statuses.map(status => status.toUpperCase()));
		return jobsAt(app, elapsed()).flatMap(job =>
			[...job.stages]
				.toReversed()
				.filter(stage => wanted.size === 0 || wanted.has(stage.status))
				.map(stage => ({
					status: stage.status,
					stageId: stage.stageId,
					attemptId: 0,
					numTasks: stage.numTasks,
					numActiveTasks: stage.active,
					numCompleteTasks: stage.completed,
					numFailedTasks: stage.failed,
					numKilledTasks: stage.killed,
					numCompletedIndices: stage.completed,
					...(stage.submittedAt === undefined
						? {}
						: {submissionTime: sparkDate(at(app.startAt + stage.submittedAt))}),
					...(stage.completedAt === undefined
						? {}
						: {completionTime: sparkDate(at(app.startAt + stage.completedAt))}),
					...(stage.failureReason ? {failureReason: stage.failureReason} : {}),
					inputBytes: stage.completed * 1_048_576,
					shuffleReadBytes: stage.completed * 65_536,
					shuffleWriteBytes: stage.completed * 32_768,
					diskBytesSpilled: 0,
					name: stage.name,
				})),
		);
	}

	/** `/executors` lists the active ones; `/allexecutors` adds the dead, with why they went. */
	function executorsJson(app: SimApplication, all: boolean) {
		const running = isRunningAt(app, elapsed());
		const jobs = jobsAt(app, elapsed());
		const active = jobs.reduce((sum, job) => sum + job.active, 0);
		const completed = jobs.reduce((sum, job) => sum + job.completed, 0);
		const failed = jobs.reduce((sum, job) => sum + job.failed, 0);
		const seconds = Math.max(0, elapsed() - app.startAt);
		const dead = {
			id: '5',
			hostPort: 'worker-5.cluster.internal:40005',
			isActive: false,
			totalCores: 2,
			maxTasks: 2,
			activeTasks: 0,
			completedTasks: 3,
			failedTasks: 2,
			totalDuration: 41_000,
			totalGCTime: 9000,
			memoryUsed: 0,
			maxMemory: 2_147_483_648,
			addTime: sparkDate(at(app.startAt)),
			removeTime: sparkDate(at(app.startAt + 5)),
			removeReason:
				'Container killed by YARN for exceeding physical memory limits. 4.4 GB of 4 GB physical memory used.',
		};
		const listed = ['driver', '1', '2', '3', '4'].map((id, index) => ({
			id,
			hostPort: `worker-${index}.cluster.internal:${40_000 + index}`,
			isActive: running || id === 'driver',
			totalDuration: id === 'driver' ? 0 : Math.round(seconds * 1500),
			totalGCTime: id === 'driver' ? 0 : Math.round(seconds * 60),
			totalCores: id === 'driver' ? 0 : 2,
			maxTasks: id === 'driver' ? 0 : 2,
			activeTasks: id === 'driver' ? 0 : Math.ceil(active / 4),
			completedTasks: id === 'driver' ? 0 : Math.floor(completed / 4),
			failedTasks: id === 'driver' ? 0 : Math.floor(failed / 4),
			memoryUsed: 150_000_000 + index * 10_000_000,
			maxMemory: 2_147_483_648,
			addTime: sparkDate(at(app.startAt)),
		}));
		return all ? [...listed, dead] : listed;
	}

	return request => {
		if (request.method !== 'GET') {
			return text(405, 'HTTP method not allowed');
		}

		const path = request.path.replace(/^\/proxy\/[^\/]+/v, '');
		if (path === '/api/v1/version') {
			return json(200, {spark: '3.5.1'});
		}

		if (path === '/api/v1/applications') {
			const statuses = request.query
				.getAll('status')
				.map(status => status.toLowerCase());
			const limit = Number(
				request.query.get('limit') ?? Number.POSITIVE_INFINITY,
			);
			const t = elapsed();
			const listed = apps
				.filter(app => t >= app.startAt)
				.filter(app => {
					const state = isRunningAt(app, t) ? 'running' : 'completed';
					return statuses.length === 0 || statuses.includes(state);
				})
				.toSorted((a, b) => b.startAt - a.startAt)
				.slice(0, Number.isFinite(limit) ? limit : undefined)
				.map(app => appJson(app));
			return json(200, listed);
		}

		const summary =
			/^\/api\/v1\/applications\/([^\/]+)(?:\/\d+)?\/stages\/(\d+)\/\d+\/taskSummary$/v.exec(
				path,
			);
		if (summary) {
			const app = apps.find(
				item =>
					item.id === decodeURIComponent(summary[1] ?? '') &&
					elapsed() >= item.startAt,
			);
			const body = app && taskSummaryJson(app, Number(summary[2]));
			return body ? json(200, body) : text(404, 'unknown stage');
		}

		const match =
			/^\/api\/v1\/applications\/([^\/]+)(?:\/(\d+))?(?:\/(jobs|stages|executors|allexecutors|environment)(?:\/(\d+))?)?\/?$/v.exec(
				path,
			);
		if (!match) {
			return jettyErrorPage(404, 'Not Found');
		}

		const [, appId = '', , resource, itemId] = match;
		const app = apps.find(
			item =>
				item.id === decodeURIComponent(appId) && elapsed() >= item.startAt,
		);
		if (!app) {
			return text(404, `unknown app: ${decodeURIComponent(appId)}`);
		}

		switch (resource) {
			case undefined: {
				return json(200, appJson(app));
			}

			case 'jobs': {
				const jobs = jobsAt(app, elapsed());
				if (itemId !== undefined) {
					const job = jobs.find(item => item.jobId === Number(itemId));
					return job
						? json(200, jobJson(app, job))
						: text(404, `unknown job: ${itemId}`);
				}

				const statuses = request.query
					.getAll('status')
					.map(status => status.toUpperCase());
				return json(
					200,
					jobs
						.filter(
							job => statuses.length === 0 || statuses.includes(job.status),
						)
						.map(job => jobJson(app, job)),
				);
			}

			case 'stages': {
				return json(200, stagesJson(app, request.query.getAll('status')));
			}

			case 'executors':
			case 'allexecutors': {
				return json(200, executorsJson(app, resource === 'allexecutors'));
			}

			default: {
				return json(200, {
					runtime: {
						javaVersion: '17.0.10',
						javaHome: '/usr/lib/jvm/java-17',
						scalaVersion: 'version 2.12.18',
					},
					sparkProperties: [
						['spark.app.id', app.id],
						['spark.app.name', app.name],
						['spark.executor.instances', '4'],
						['spark.executor.memory', '2g'],
						['spark.sql.shuffle.partitions', '200'],
					],
				});
			}
		}
	};
}
