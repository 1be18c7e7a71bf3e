import {ProviderError} from '../../http/provider-error.js';
import {asObject, type WireObject} from '../../model/wire.js';
import {runCommand} from './run-command.js';

/** A credential as fetched, with when it expires where the source says. */
export type Fetched<T> = {
	readonly value: T;
	readonly expiresAt?: number;
};

/** Where credentials come from, and how to name it in an error message. */
export type CredentialSource<T> = {
	readonly describe: string;
	fetch(signal?: AbortSignal): Promise<Fetched<T>>;
};

/** A command the user configured, with where it was given (`--token-command`, a profile). */
export type UserCommand = {
	readonly command: string;
	readonly origin: string;
};

/**
 * A user's command that prints a credential, read by `parse`. It is named by where it was given,
 * never by its text, which may itself hold a secret (`VAULT_TOKEN=… vault read …`).
 */
export function commandSource<T>(
	command: UserCommand,
	parse: (output: string) => Fetched<T>,
): CredentialSource<T> {
	return {
		describe: `the command of ${command.origin}`,
		async fetch(signal) {
			return parse(await runCommand(command.command, {signal}));
		},
	};
}

/**
 * The JSON object a credential command printed, unwrapped from the envelope a vendor's API puts
 * around it (`Credentials` from STS, `credential` from IAM). Its text is never echoed.
 */
export function commandJson(output: string, envelope: string): WireObject {
	let json: unknown;
	try {
		json = JSON.parse(output);
	} catch {
		throw new Error('did not print JSON credentials');
	}

	const outer = asObject(json);
	return outer[envelope] ? asObject(outer[envelope]) : outer;
}

/** Fetch anew this long before expiry, so no request goes out with a dying credential. */
const refreshMarginMs = 5 * 60_000;
/** A credential whose expiry nobody said is fetched again after this long. */
const unknownLifetimeMs = 10 * 60_000;

/**
 * One credential shared by every request of a target: fetched once, reused until shortly before
 * it expires, fetched again after the server refused it. Concurrent callers share one fetch.
 * A failing source becomes an `auth` ProviderError that says how it failed, never what it printed.
 */
export class CachedCredential<T> {
	private current?: {value: T; refreshAt: number};
	private pending?: Promise<T>;
	private readonly source: CredentialSource<T>;
	private readonly provider: string;
	private readonly secretsOf: (value: T) => readonly string[];
	private readonly now: () => number;

	constructor(options: {
		source: CredentialSource<T>;
		provider: string;
		/** The parts of a credential that must never appear in a message. */
		secretsOf: (value: T) => readonly string[];
		now?: () => number;
	}) {
		this.source = options.source;
		this.provider = options.provider;
		this.secretsOf = options.secretsOf;
		this.now = options.now ?? Date.now;
	}

	get describe(): string {
		return this.source.describe;
	}

	/** The credential last fetched, if any (for naming its identity in messages). */
	get last(): T | undefined {
		return this.current?.value;
	}

	async get(): Promise<T> {
		if (this.current && this.now() < this.current.refreshAt) {
			return this.current.value;
		}

		this.pending ??= this.fetch().finally(() => {
			this.pending = undefined;
		});
		return this.pending;
	}

	/** The server said no: the next request fetches a fresh credential. */
	invalidate(): void {
		this.current = undefined;
	}

	secrets(): readonly string[] {
		return this.current ? this.secretsOf(this.current.value) : [];
	}

	private async fetch(): Promise<T> {
		let fetched: Fetched<T>;
		try {
			fetched = await this.source.fetch();
		} catch (error) {
			throw new ProviderError({
				kind: 'auth',
				provider: this.provider,
				operation: 'getCredentials',
				message: `no credentials from ${this.source.describe}: ${firstLine(error instanceof Error ? error.message : String(error))}`,
			});
		}

		const now = this.now();
		const {expiresAt} = fetched;
		this.current = {
			value: fetched.value,
			refreshAt:
				expiresAt === undefined
					? now + unknownLifetimeMs
					: Math.max(
							now + 10_000,
							expiresAt - Math.min(refreshMarginMs, (expiresAt - now) / 2),
						),
		};
		return fetched.value;
	}
}

function firstLine(text: string): string {
	const line = text.split('\n').find(part => part.trim() !== '') ?? text;
	return line.length > 600 ? `${line.slice(0, 599)}…` : line.trim();
}
