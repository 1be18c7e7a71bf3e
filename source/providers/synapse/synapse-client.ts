import type {Dispatcher} from 'undici';
import type {ErrorBodyFacts} from '../../http/error-body.js';
import {
	HttpClient,
	type HttpRequest,
	type HttpResponse,
} from '../../http/http-client.js';
import {collectPages} from '../../http/paging.js';
import {asObject, asText} from '../../model/wire.js';
import type {CachedToken} from '../auth/bearer-token.js';
import {mapLivyPage} from '../livy/livy-mapping.js';

export const synapseApiVersions = ['2019-11-01-preview', '2020-12-01'] as const;
export const defaultSynapseApiVersion = synapseApiVersions[0];

export type SynapseClientOptions = {
	readonly endpoint: string;
	readonly pool: string;
	readonly token: CachedToken;
	readonly apiVersion?: string;
	readonly dispatcher?: Dispatcher;
	/** The service caps pages at 20. */
	readonly pageSize?: number;
	readonly maxPages?: number;
};

type Collection = 'sessions' | 'batches';

/**
 * Azure Synapse's data-plane livyApi for one Spark pool: raw JSON per operation.
 * Sessions and batches are always asked for `detailed`, as the Azure CLI does.
 */
export class SynapseClient {
	readonly http: HttpClient;
	private readonly base: string;
	private readonly pageSize: number;
	private readonly maxPages: number;

	constructor(options: SynapseClientOptions) {
		const {token} = options;
		this.pageSize = options.pageSize ?? 20;
		this.maxPages = options.maxPages ?? 50;
		this.base = `livyApi/versions/${encodeURIComponent(options.apiVersion ?? defaultSynapseApiVersion)}/sparkPools/${encodeURIComponent(options.pool)}`;
		this.http = new HttpClient({
			provider: 'synapse',
			endpoint: options.endpoint,
			dispatcher: options.dispatcher,
			async authorize() {
				return {authorization: `Bearer ${await token.get()}`};
			},
			secrets: () => token.secrets(),
			// A refused token may be a revoked or rotated one: fetch a fresh one next time.
			onHttpError(error) {
				if (error.status === 401) {
					token.invalidate();
				}
			},
			readError: (response, json) => readSynapseError(response, json, token),
		});
	}

	async listSessions(signal?: AbortSignal): Promise<unknown[]> {
		return this.listAll('sessions', 'listSessions', signal);
	}

	async listBatches(signal?: AbortSignal): Promise<unknown[]> {
		return this.listAll('batches', 'listBatches', signal);
	}

	async getSession(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.call({
			operation: 'getSession',
			path: `sessions/${encode(id)}`,
			query: {detailed: true},
			signal,
		});
	}

	async getBatch(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.call({
			operation: 'getBatch',
			path: `batches/${encode(id)}`,
			query: {detailed: true},
			signal,
		});
	}

	async listStatements(
		sessionId: string,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.call({
			operation: 'listStatements',
			path: `sessions/${encode(sessionId)}/statements`,
			signal,
		});
	}

	async getStatement(
		sessionId: string,
		statementId: string,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.call({
			operation: 'getStatement',
			path: `sessions/${encode(sessionId)}/statements/${encode(statementId)}`,
			signal,
		});
	}

	/** POST …/cancel; the service answers `{"msg":"canceled"}`. */
	async cancelStatement(
		sessionId: string,
		statementId: string,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.call({
			operation: 'cancelStatement',
			method: 'POST',
			path: `sessions/${encode(sessionId)}/statements/${encode(statementId)}/cancel`,
			signal,
		});
	}

	/** DELETE a session or batch; the service answers 200 with an empty body. */
	async cancel(
		collection: Collection,
		id: string,
		signal?: AbortSignal,
	): Promise<void> {
		await this.call({
			operation: collection === 'sessions' ? 'cancelSession' : 'cancelBatch',
			method: 'DELETE',
			path: `${collection}/${encode(id)}`,
			signal,
		});
	}

	/** Pages with from/size until a short page; `total` is not trusted (it has been the page length). */
	private async listAll(
		collection: Collection,
		operation: string,
		signal?: AbortSignal,
	): Promise<unknown[]> {
		return collectPages(
			async from =>
				mapLivyPage(
					await this.call({
						operation,
						path: collection,
						query: {from, size: this.pageSize, detailed: true},
						signal,
					}),
				),
			{pageSize: this.pageSize, maxPages: this.maxPages, trustTotal: false},
		);
	}

	private async call(request: HttpRequest): Promise<unknown> {
		return this.http.json({...request, path: `${this.base}/${request.path}`});
	}
}

/**
 * Synapse's own error body is PascalCase `{TraceId, Message}`; 401 and 403 bodies are undocumented,
 * so those get a message saying which identity was used and what to check.
 */
export function readSynapseError(
	response: HttpResponse,
	json: unknown,
	token: Pick<CachedToken, 'describe' | 'identity'>,
): ErrorBodyFacts {
	const object = asObject(json);
	const traceId = asText(object['TraceId'])?.split('|')[0]?.trim();
	const requestId = traceId ?? response.headers['x-ms-request-id'];
	const identity = `${token.identity() ?? 'an unknown identity'}, token from ${token.describe}`;
	if (response.status === 401) {
		return {
			requestId,
			message: `the token was refused (${identity}); check it is for https://dev.azuresynapse.net (az account get-access-token --resource https://dev.azuresynapse.net), for this tenant, and not expired`,
		};
	}

	if (response.status === 403) {
		return {
			requestId,
			message: `access denied for ${identity}; it needs a Synapse RBAC role on this workspace or pool (Synapse Monitoring Operator to watch, Synapse Compute Operator to cancel)`,
		};
	}

	return {requestId};
}

function encode(id: string): string {
	return encodeURIComponent(id);
}
