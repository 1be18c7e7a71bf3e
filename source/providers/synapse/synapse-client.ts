import type {Dispatcher} from 'undici';
import type {ErrorBodyFacts} from '../../http/error-body.js';
import type {HttpResponse} from '../../http/http-client.js';
import {asObject, asText} from '../../model/wire.js';
import type {CachedToken} from '../auth/bearer-token.js';
import {LivyClient} from '../livy/livy-client.js';

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
	/** How many of the newest sessions, and of the newest batches, a list reads. */
	readonly window?: number;
};

/**
 * Azure Synapse's data-plane livyApi for one Spark pool is Livy under a versioned pool path,
 * behind Entra ID: Livy's client with a bearer token, Synapse's error bodies, `detailed` asked
 * for sessions and batches (as the Azure CLI does), and pages of 20 read until a short one.
 */
export function createSynapseClient(options: SynapseClientOptions): LivyClient {
	const {token} = options;
	const root = options.endpoint.endsWith('/')
		? options.endpoint
		: `${options.endpoint}/`;
	const version = encodeURIComponent(
		options.apiVersion ?? defaultSynapseApiVersion,
	);
	return new LivyClient({
		endpoint: new URL(
			`livyApi/versions/${version}/sparkPools/${encodeURIComponent(options.pool)}`,
			root,
		).href,
		dispatcher: options.dispatcher,
		pageSize: options.pageSize ?? 20,
		window: options.window,
		runQuery: {detailed: true},
		trustTotal: false,
		http: {
			provider: 'synapse',
			headers: () => ({}),
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
		},
	});
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
