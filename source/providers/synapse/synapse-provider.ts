import type {Run} from '../../model/types.js';
import {
	CachedToken,
	tokenIdentity,
	type TokenSource,
} from '../auth/bearer-token.js';
import {credentialIdentity} from '../auth/credential-identity.js';
import type {Provider} from '../provider.js';
import {keptRuns} from '../../model/run-list.js';
import {defaultAzureTokenSource} from './entra-token.js';
import {createSynapseClient} from './synapse-client.js';
import {
	mapSynapseDetail,
	mapSynapseRun,
	mapSynapseStatements,
} from './synapse-mapping.js';

export type SynapseProviderOptions = {
	readonly target: string;
	/** The workspace's development endpoint, `https://WORKSPACE.dev.azuresynapse.net`. */
	readonly endpoint: string;
	readonly pool: string;
	readonly apiVersion?: string;
	/** Where bearer tokens come from (a user's command); without it, DefaultAzureCredential. */
	readonly tokenSource?: TokenSource;
	/** The newest sessions, and batches, listed (`--max-runs`). */
	readonly maxRuns?: number;
};

export function createSynapseProvider(
	options: SynapseProviderOptions,
): Provider {
	const token = new CachedToken(
		options.tokenSource ?? defaultAzureTokenSource(),
		'synapse',
	);
	const client = createSynapseClient({
		...options,
		token,
		window: options.maxRuns,
	});
	const {target} = options;
	const kindOf = (run: Run) => (run.kind === 'batch' ? 'batch' : 'session');
	const listedRuns = keptRuns((body, index) => [
		mapSynapseRun(target, index === 0 ? 'session' : 'batch', body),
	]);
	return {
		id: 'synapse',
		kinds: ['session', 'batch'],
		target,
		endpoint: `${client.http.endpoint.origin} pool ${options.pool}`,
		identity: credentialIdentity(
			token,
			value => tokenIdentity(value) ?? 'a token without identity claims',
		),
		async listRuns(signal) {
			const [sessions, batches] = await Promise.all([
				client.listSessions(signal),
				client.listBatches(signal),
			]);
			return listedRuns([sessions, batches]);
		},
		async getRun(run, signal) {
			const body =
				run.kind === 'batch'
					? await client.getBatch(run.id, signal)
					: await client.getSession(run.id, signal);
			return mapSynapseDetail(target, kindOf(run), body);
		},
		async listStatements(run, signal) {
			if (run.kind !== 'session') {
				return [];
			}

			return mapSynapseStatements(
				run.key,
				await client.listStatements(run.id, signal),
			);
		},
		async cancelRun(run, signal) {
			await client.delete(
				run.kind === 'batch' ? 'batches' : 'sessions',
				run.id,
				signal,
			);
		},
		async cancelStatement(run, statement, signal) {
			await client.cancelStatement(run.id, statement.id, signal);
		},
	};
}
