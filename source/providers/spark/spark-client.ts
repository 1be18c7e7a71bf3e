import type {Dispatcher} from 'undici';
import {HttpClient, type Query} from '../../http/http-client.js';
import {
	basicAuthHeader,
	basicAuthSecrets,
	type BasicCredentials,
} from '../basic-auth.js';

export type SparkClientOptions = {
	/** A driver UI (`:4040`), a History Server (`:18080`) or a proxy in front of one; `/api/v1` is added. */
	readonly endpoint: string;
	readonly credentials?: BasicCredentials;
	readonly dispatcher?: Dispatcher;
};

export type ApplicationRef = {
	readonly appId: string;
	readonly attemptId?: string;
};

/** Spark's monitoring REST API (`/api/v1`), the same on a live driver and a History Server. */
export class SparkRestClient {
	readonly http: HttpClient;
	readonly uiUrl: string;

	constructor(options: SparkClientOptions) {
		const base = options.endpoint.replace(/\/+$/v, '');
		this.uiUrl = base.replace(/\/api\/v1$/v, '');
		this.http = new HttpClient({
			provider: 'spark',
			endpoint: `${this.uiUrl}/api/v1`,
			dispatcher: options.dispatcher,
			headers: () => basicAuthHeader(options.credentials),
			secrets: () => basicAuthSecrets(options.credentials),
		});
	}

	async listApplications(
		query: {status?: 'completed' | 'running'; limit?: number} = {},
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation: 'listApplications',
			path: 'applications',
			query,
			signal,
		});
	}

	async getApplication(appId: string, signal?: AbortSignal): Promise<unknown> {
		return this.http.json({
			operation: 'getApplication',
			path: `applications/${encodeURIComponent(appId)}`,
			signal,
		});
	}

	async listJobs(
		app: ApplicationRef,
		query: Query = {},
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation: 'listJobs',
			path: appPath(app, 'jobs'),
			query,
			signal,
		});
	}

	async listStages(
		app: ApplicationRef,
		query: Query = {},
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation: 'listStages',
			path: appPath(app, 'stages'),
			query,
			signal,
		});
	}

	/** Task time quantiles of one stage attempt: the median and the slowest. */
	async getTaskSummary(
		app: ApplicationRef,
		stage: {readonly id: number; readonly attemptId: number},
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation: 'getTaskSummary',
			path: appPath(app, `stages/${stage.id}/${stage.attemptId}/taskSummary`),
			query: {quantiles: '0.5,1.0'},
			signal,
		});
	}

	async listExecutors(
		app: ApplicationRef,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation: 'listExecutors',
			// All of them: the dead ones carry why they were removed.
			path: appPath(app, 'allexecutors'),
			signal,
		});
	}

	async getEnvironment(
		app: ApplicationRef,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation: 'getEnvironment',
			path: appPath(app, 'environment'),
			signal,
		});
	}
}

/** YARN cluster-mode applications have attempts, and every per-app path then names one. */
function appPath(app: ApplicationRef, resource: string): string {
	const attempt = app.attemptId ? `/${encodeURIComponent(app.attemptId)}` : '';
	return `applications/${encodeURIComponent(app.appId)}${attempt}/${resource}`;
}
