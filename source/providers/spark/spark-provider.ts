import {ProviderError, toProviderError} from '../../http/provider-error.js';
import {runList} from '../../model/run-list.js';
import type {Progress, Run, SparkStage} from '../../model/types.js';
import {type BasicCredentials, basicIdentity} from '../basic-auth.js';
import type {Provider} from '../provider.js';
import {asArray} from '../../model/wire.js';
import {type ApplicationRef, SparkRestClient} from './spark-client.js';
import {
	mapSparkApplication,
	mapSparkApplicationDetail,
	mapSparkExecutors,
	mapSparkJob,
	mapSparkProperties,
	mapSparkStage,
	mapTaskTimes,
} from './spark-mapping.js';

export type SparkProviderOptions = {
	readonly target: string;
	readonly endpoint: string;
	readonly credentials?: BasicCredentials;
	/** How many applications to list, newest first (`--max-runs`; a History Server can hold thousands). */
	readonly maxRuns?: number;
};

/** Applications listed at most: the API has no paging, so every poll reads them all. */
const maxLimit = 500;

export function createSparkProvider(options: SparkProviderOptions): Provider {
	const client = new SparkRestClient(options);
	const {target} = options;
	return {
		id: 'spark',
		kinds: ['application'],
		target,
		endpoint: client.uiUrl,
		identity: basicIdentity(options.credentials),
		async listRuns(signal) {
			const limit = Math.min(options.maxRuns ?? maxLimit, maxLimit);
			const body = asArray(await client.listApplications({limit}, signal));
			// A full answer says nothing of how many more there are: the title says `N+`.
			return runList(
				body.map(item => mapSparkApplication(target, item, client.uiUrl)),
				body.length,
				body.length >= limit,
			);
		},
		async getRun(run, signal) {
			const app = appOf(run);
			const [body, executors, environment] = await Promise.all([
				client.getApplication(app.appId, signal),
				client.listExecutors(app, signal).catch(() => undefined),
				client.getEnvironment(app, signal).catch(() => undefined),
			]);
			const detail = mapSparkApplicationDetail(
				target,
				body,
				executors === undefined ? undefined : mapSparkExecutors(executors),
				client.uiUrl,
			);
			return {
				...detail,
				config:
					environment === undefined ? {} : mapSparkProperties(environment),
			};
		},
		async getProgress(run, signal) {
			return sparkProgress(client, run, appOf(run), signal);
		},
	};
}

function appOf(run: Run): ApplicationRef {
	return {appId: run.appId ?? run.id, attemptId: run.attemptId};
}

/**
 * Jobs of one application with its active and failed stages: the Progress pane's data.
 * Shared with providers that find a Spark UI behind their runs (Livy's `sparkUiUrl`).
 */
/** Active stages at once whose task times are asked for, each poll, while they are active. */
const maxSummarizedStages = 4;

/** Active stages with their task time quantiles; a stage whose summary fails just goes without. */
async function withTaskTimes(
	client: SparkRestClient,
	app: ApplicationRef,
	stages: SparkStage[],
	signal?: AbortSignal,
): Promise<SparkStage[]> {
	const active = new Set(
		stages
			.filter(stage => stage.status === 'active')
			.slice(0, maxSummarizedStages),
	);
	return Promise.all(
		stages.map(async stage => {
			if (!active.has(stage)) {
				return stage;
			}

			const summary = await client
				.getTaskSummary(app, stage, signal)
				.catch(() => undefined);
			const taskTimes =
				summary === undefined ? undefined : mapTaskTimes(summary);
			return taskTimes ? {...stage, taskTimes} : stage;
		}),
	);
}

export async function sparkProgress(
	client: SparkRestClient,
	run: Run,
	app: ApplicationRef,
	signal?: AbortSignal,
): Promise<Progress> {
	// The jobs are the progress; stages only add to them, so their failure costs only themselves.
	const [jobs, stages] = await Promise.all([
		client.listJobs(app, {}, signal),
		client
			.listStages(app, {status: ['active', 'failed']}, signal)
			.catch((error: unknown) => toProviderError(error, 'spark', 'listStages')),
	]);
	const stagesFailed = stages instanceof ProviderError;
	return {
		runKey: run.key,
		jobs: asArray(jobs).map(item => mapSparkJob(item)),
		stages: stagesFailed
			? undefined
			: await withTaskTimes(
					client,
					app,
					asArray(stages).map(item => mapSparkStage(item)),
					signal,
				),
		source: `spark-rest ${client.uiUrl}`,
		note: stagesFailed ? `stages not shown: ${stages.summary()}` : undefined,
	};
}
