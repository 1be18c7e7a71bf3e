import type {DefaultAzureCredential} from '@azure/identity';
import type {TokenSource} from '../auth/bearer-token.js';

/** The Synapse data plane's OAuth scope (hard-coded in every Azure SDK). */
export const synapseScope = 'https://dev.azuresynapse.net/.default';

/**
 * Microsoft Entra ID tokens through @azure/identity's DefaultAzureCredential: an environment
 * service principal, workload identity, managed identity, then the developer logins (Azure CLI...).
 * `AZURE_TOKEN_CREDENTIALS` narrows the chain, as in every Azure SDK. The library is loaded on the
 * first token request, so targets that never need it do not pay its start-up.
 */
export function defaultAzureTokenSource(): TokenSource {
	let credential: Promise<DefaultAzureCredential> | undefined;
	return {
		describe: 'DefaultAzureCredential',
		async fetch(signal) {
			credential ??= import('@azure/identity').then(
				identity => new identity.DefaultAzureCredential(),
			);
			const chain = await credential;
			const token = await chain
				.getToken(synapseScope, {abortSignal: signal})
				.catch((error: unknown) => {
					throw new Error(chainFailure(error));
				});
			if (!token) {
				throw new Error('no credential in the chain returned a token');
			}

			return {
				token: token.token,
				expiresAt: token.refreshAfterTimestamp ?? token.expiresOnTimestamp,
			};
		},
	};
}

/** The chain's failure says "authentication failed" first; why each credential failed is what helps. */
function chainFailure(error: unknown): string {
	const inner = (error as {errors?: unknown[]} | undefined)?.errors;
	if (Array.isArray(inner) && inner.length > 0) {
		return inner
			.map(
				item =>
					(item instanceof Error ? item.message : String(item)).split('\n')[0],
			)
			.join('; ');
	}

	return error instanceof Error ? error.message : String(error);
}
