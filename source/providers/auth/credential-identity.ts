import type {CachedCredential} from './cached-credential.js';

/** Where a target's credentials come from and whom they name: what `sparktop doctor` reports, never a secret. */
export type CredentialIdentity = {
	/** `ALIBABA_CLOUD_ACCESS_KEY_ID in the environment`, `the command of --token-command`. */
	readonly source: string;
	/** Fetches the credentials (runs a command, asks Azure) and names whom they speak for. */
	readonly resolve: () => Promise<string>;
};

export function credentialIdentity<T>(
	credential: CachedCredential<T>,
	who: (value: T) => string,
): CredentialIdentity {
	return {
		source: credential.describe,
		resolve: async () => who(await credential.get()),
	};
}

/** An access key id with its middle hidden: enough to tell keys apart, as the consoles show them. */
export function maskedKeyId(id: string): string {
	return id.length <= 8
		? `${id.slice(0, 2)}…`
		: `${id.slice(0, 4)}…${id.slice(-4)}`;
}
