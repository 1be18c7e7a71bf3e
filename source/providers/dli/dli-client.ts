import type {Dispatcher} from 'undici';
import type {ErrorBodyFacts} from '../../http/error-body.js';
import {
	HttpClient,
	type HttpRequest,
	type OutgoingRequest,
	type Query,
} from '../../http/http-client.js';
import {NewestFirstWindow} from '../../http/newest-first-window.js';
import {defaultWindow, type Page, type Window} from '../../http/paging.js';
import {ProviderError} from '../../http/provider-error.js';
import {listedItems} from '../../model/run-list.js';
import {asArray, asNumber, asObject, asText} from '../../model/wire.js';
import {livyRunState} from '../livy/livy-states.js';
import type {CachedToken} from '../auth/bearer-token.js';
import type {CachedCredential} from '../auth/cached-credential.js';
import {type AkskCredentials, sdkDate, signAksk} from './aksk-signer.js';
import {dliSqlState} from './dli-states.js';

/** AK/SK signing, or an IAM token in X-Auth-Token. */
export type DliAuth =
	| {
			readonly kind: 'aksk';
			readonly credentials: CachedCredential<AkskCredentials>;
	  }
	| {readonly kind: 'token'; readonly token: CachedToken};

export type DliClientOptions = {
	readonly endpoint: string;
	readonly projectId: string;
	readonly auth: DliAuth;
	readonly dispatcher?: Dispatcher;
	readonly now?: () => number;
	/** Jobs per page: the API's maximum of 100 for SQL jobs. */
	readonly pageSize?: number;
	/** The newest jobs read of each list (`--max-runs`). */
	readonly window?: number;
};

/** Filters of the SQL job list, by wire name (`job-type`, `job-status`, `queue_name`, `start`...). */
export type SqlJobQuery = Readonly<Record<string, string | number | undefined>>;
/** Filters of the Spark batch list, by wire name (`cluster_name`, `state`, `job_name`...). */
export type BatchQuery = SqlJobQuery;

/**
 * Huawei Cloud DLI: SQL jobs (`/v1.0`, progress under `/v1`) and Spark batches (`/v2.0`), raw JSON
 * per operation. Every request is signed with AK/SK (or carries an IAM token); a 200 whose
 * envelope says `is_success: false` is an error too.
 */
export class DliClient {
	readonly http: HttpClient;
	private readonly projectId: string;
	private readonly pageSize: number;
	private readonly window: number;
	/** What each list last read: steady polls ask only for what can have changed. */
	private readonly windows = {
		sqlJobs: new NewestFirstWindow(),
		batches: new NewestFirstWindow(),
	};

	constructor(options: DliClientOptions) {
		const {auth, projectId} = options;
		const now = options.now ?? Date.now;
		this.projectId = projectId;
		this.pageSize = options.pageSize ?? 100;
		this.window = options.window ?? defaultWindow;
		this.http = new HttpClient({
			provider: 'dli',
			endpoint: options.endpoint,
			dispatcher: options.dispatcher,
			now,
			// The SDK sends (and signs) these on every call, GETs included.
			headers: () => ({
				'content-type': 'application/json',
				'x-project-id': projectId,
			}),
			authorize: async request => authorize(auth, request, now),
			secrets: () =>
				auth.kind === 'token'
					? auth.token.secrets()
					: auth.credentials.secrets(),
			readError: (_response, json) => readDliError(json),
			// Rotated keys, an expired security token or IAM token: fetch fresh ones next time.
			onHttpError(error) {
				if (error.status === 401) {
					(auth.kind === 'token' ? auth.token : auth.credentials).invalidate();
				}
			},
		});
	}

	/** The newest SQL jobs (listed newest first, by current-page / page-size, with `job_count`). */
	async listSqlJobs(query: SqlJobQuery, signal?: AbortSignal): Promise<Window> {
		return this.windows.sqlJobs.read({
			...this.listing(query),
			fetchPage: async (offset): Promise<Page> => {
				const body = asObject(
					await this.call({
						operation: 'listSqlJobs',
						path: `v1.0/${this.projectId}/jobs`,
						query: {
							...query,
							'page-size': this.pageSize,
							'current-page': offset / this.pageSize + 1,
						},
						signal,
					}),
				);
				return {
					items: asArray(body['jobs']),
					total: asNumber(body['job_count']),
				};
			},
			...listedItems('job_id', 'status', dliSqlState),
		});
	}

	async getSqlJobStatus(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.call({
			operation: 'showSqlJobStatus',
			path: `v1.0/${this.projectId}/jobs/${encode(id)}/status`,
			signal,
		});
	}

	/** Import and export jobs' data path, format and options. */
	async getSqlJobDetail(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.call({
			operation: 'showSqlJobDetail',
			path: `v1.0/${this.projectId}/jobs/${encode(id)}/detail`,
			signal,
		});
	}

	/** The one operation under `/v1`: progress with the Spark sub-jobs while the job runs. */
	async getSqlJobProgress(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.call({
			operation: 'showSqlJobProgress',
			path: `v1/${this.projectId}/jobs/${encode(id)}/progress`,
			signal,
		});
	}

	async cancelSqlJob(id: string, signal?: AbortSignal): Promise<void> {
		await this.call({
			operation: 'cancelSqlJob',
			method: 'DELETE',
			path: `v1.0/${this.projectId}/jobs/${encode(id)}`,
			signal,
		});
	}

	/** The newest Spark batches (listed newest first, by from / size, with `total`). */
	async listBatches(query: BatchQuery, signal?: AbortSignal): Promise<Window> {
		return this.windows.batches.read({
			...this.listing(query),
			fetchPage: async (from): Promise<Page> => {
				const body = asObject(
					await this.call({
						operation: 'listBatches',
						path: `v2.0/${this.projectId}/batches`,
						query: {...query, from, size: this.pageSize},
						signal,
					}),
				);
				return {
					items: asArray(body['sessions']),
					total: asNumber(body['total']),
				};
			},
			...listedItems('id', 'state', livyRunState),
		});
	}

	async getBatch(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.call({
			operation: 'showBatch',
			path: `v2.0/${this.projectId}/batches/${encode(id)}`,
			signal,
		});
	}

	async getBatchState(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.call({
			operation: 'showBatchState',
			path: `v2.0/${this.projectId}/batches/${encode(id)}/state`,
			signal,
		});
	}

	/** The driver log's last `size` lines: asks for the total first when the caller does not know it. */
	async getBatchLog(
		id: string,
		from: number,
		size: number,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.call({
			operation: 'showBatchLog',
			path: `v2.0/${this.projectId}/batches/${encode(id)}/log`,
			query: {from, size, type: 'driver'},
			signal,
		});
	}

	async cancelBatch(id: string, signal?: AbortSignal): Promise<void> {
		await this.call({
			operation: 'cancelBatch',
			method: 'DELETE',
			path: `v2.0/${this.projectId}/batches/${encode(id)}`,
			signal,
		});
	}

	/** How both lists are read: the same filters make the same list, whose total counts it all. */
	private listing(query: SqlJobQuery) {
		return {
			pageSize: this.pageSize,
			window: this.window,
			key: JSON.stringify(query),
			trustTotal: true,
		};
	}

	private async call(request: HttpRequest & {query?: Query}): Promise<unknown> {
		const body = await this.http.json(request);
		const envelope = asObject(body);
		if (envelope['is_success'] === false) {
			throw new ProviderError({
				kind: 'http',
				provider: 'dli',
				operation: request.operation,
				status: 200,
				code: asText(envelope['error_code']),
				message:
					asText(envelope['message']) ?? 'the service said is_success: false',
			});
		}

		return body;
	}
}

async function authorize(
	auth: DliAuth,
	request: OutgoingRequest,
	now: () => number,
): Promise<Record<string, string>> {
	if (auth.kind === 'token') {
		return {'x-auth-token': await auth.token.get()};
	}

	const credentials = await auth.credentials.get();
	const signed: Record<string, string> = {
		'content-type': request.headers['content-type'] ?? 'application/json',
		host: request.url.host,
		'x-project-id': request.headers['x-project-id'] ?? '',
		'x-sdk-date': sdkDate(now()),
		...(credentials.securityToken
			? {'x-security-token': credentials.securityToken}
			: {}),
	};
	const {authorization} = signAksk(
		{
			method: request.method,
			url: request.url,
			headers: signed,
			body: request.body,
		},
		credentials,
	);
	const {host, ...headers} = signed;
	return {...headers, authorization};
}

const throttlingCodes = new Set(['APIGW.0308', 'APIG.0308']);

/** `{error_code, error_msg, request_id}` from DLI and from the API gateway in front of it. */
export function readDliError(json: unknown): ErrorBodyFacts {
	const object = asObject(json);
	const code = asText(object['error_code']);
	const requestId = asText(object['request_id']);
	const message = asText(object['error_msg']) ?? asText(object['message']);
	return {
		code,
		// Documentation examples mask it as "******"; that is no id.
		requestId: requestId && /[^*]/v.test(requestId) ? requestId : undefined,
		message:
			code === 'APIGW.0301' || code === 'APIG.0301'
				? `the API gateway rejected the AK/SK signature (${message ?? 'no text'}); check the access key and secret key, and that this machine's clock is within 15 minutes of the real time`
				: message,
		throttled: code ? throttlingCodes.has(code) : undefined,
	};
}

function encode(id: string): string {
	return encodeURIComponent(id);
}
