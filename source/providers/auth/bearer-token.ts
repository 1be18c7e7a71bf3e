import {Buffer} from 'node:buffer';
import {ProviderError} from '../../http/provider-error.js';
import {parseLooseTime} from '../../model/loose-time.js';
import {asNumber, asObject, asText} from '../../model/wire.js';
import {runCommand} from './run-command.js';

export type AccessToken = {
	readonly token: string;
	/** When to fetch a new one (epoch ms); unknown means "soon". */
	readonly expiresAt?: number;
};

/** Where bearer tokens come from, and how to name it in an error message. */
export type TokenSource = {
	readonly describe: string;
	fetch(signal?: AbortSignal): Promise<AccessToken>;
};

/** Fetch a new token this long before the old one expires, so no request goes out with a dying one. */
const refreshMarginMs = 5 * 60_000;
/** A token whose expiry nobody said is fetched again after this long. */
const unknownLifetimeMs = 10 * 60_000;

/**
 * One token shared by every request of a target: fetched once, reused until shortly before it
 * expires, fetched again after the server refused it. Concurrent callers share one fetch.
 */
export class CachedToken {
	private current?: {token: string; refreshAt: number};
	private pending?: Promise<string>;

	private readonly source: TokenSource;
	private readonly provider: string;
	private readonly now: () => number;

	constructor(
		source: TokenSource,
		provider: string,
		now: () => number = Date.now,
	) {
		this.source = source;
		this.provider = provider;
		this.now = now;
	}

	get describe(): string {
		return this.source.describe;
	}

	async get(): Promise<string> {
		if (this.current && this.now() < this.current.refreshAt) {
			return this.current.token;
		}

		this.pending ??= this.fetch().finally(() => {
			this.pending = undefined;
		});
		return this.pending;
	}

	/** The server said no: the next request fetches a fresh token. */
	invalidate(): void {
		this.current = undefined;
	}

	/** What must never appear in a message. */
	secrets(): string[] {
		return this.current ? [this.current.token] : [];
	}

	/** Who the token speaks for, from its claims, for 401/403 messages. */
	identity(): string | undefined {
		return this.current ? tokenIdentity(this.current.token) : undefined;
	}

	private async fetch(): Promise<string> {
		let fetched: AccessToken;
		try {
			fetched = await this.source.fetch();
		} catch (error) {
			throw new ProviderError({
				kind: 'auth',
				provider: this.provider,
				operation: 'getToken',
				message: `no token from ${this.source.describe}: ${firstLine(error instanceof Error ? error.message : String(error))}`,
			});
		}

		const now = this.now();
		const expiresAt = fetched.expiresAt ?? jwtExpiry(fetched.token);
		this.current = {
			token: fetched.token,
			refreshAt:
				expiresAt === undefined
					? now + unknownLifetimeMs
					: Math.max(
							now + 10_000,
							expiresAt - Math.min(refreshMarginMs, (expiresAt - now) / 2),
						),
		};
		return fetched.token;
	}
}

/** A command that prints a token: a bare token, `Bearer <token>`, or the JSON of `az account get-access-token`. */
export function commandTokenSource(command: string): TokenSource {
	return {
		describe: `--token-command (${command.split(/\s/v)[0] ?? command} …)`,
		async fetch(signal) {
			return parseTokenOutput(await runCommand(command, {signal}));
		},
	};
}

export function parseTokenOutput(output: string): AccessToken {
	const trimmed = output.trim();
	if (trimmed.startsWith('{')) {
		let object: Record<string, unknown>;
		try {
			object = asObject(JSON.parse(trimmed));
		} catch {
			throw new Error('printed something that looks like JSON but is not');
		}

		const token =
			asText(object['accessToken']) ?? asText(object['access_token']);
		if (!token) {
			throw new Error('printed JSON without an accessToken');
		}

		return {
			token,
			expiresAt:
				parseLooseTime(object['expires_on']) ??
				parseLooseTime(object['expiresOn']),
		};
	}

	const token = (trimmed.split(/\r?\n/v)[0] ?? '')
		.replace(/^bearer\s+/iv, '')
		.trim();
	if (token === '' || /\s/v.test(token)) {
		throw new Error('printed no token (expected one line)');
	}

	return {token};
}

function jwtClaims(token: string): Record<string, unknown> | undefined {
	const payload = token.split('.')[1];
	if (!payload) {
		return undefined;
	}

	try {
		return asObject(
			JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
		);
	} catch {
		return undefined;
	}
}

export function jwtExpiry(token: string): number | undefined {
	const exp = asNumber(jwtClaims(token)?.['exp']);
	return exp === undefined ? undefined : exp * 1000;
}

/** `user alice@contoso.com`, `app 0000… (tenant …)`: who a JWT speaks for; never the token itself. */
export function tokenIdentity(token: string): string | undefined {
	const claims = jwtClaims(token);
	if (!claims) {
		return undefined;
	}

	const user =
		asText(claims['upn']) ??
		asText(claims['unique_name']) ??
		asText(claims['preferred_username']);
	const app = asText(claims['appid']) ?? asText(claims['azp']);
	const tenant = asText(claims['tid']);
	const who = user ? `user ${user}` : app ? `app ${app}` : undefined;
	if (!who) {
		return undefined;
	}

	return tenant ? `${who} (tenant ${tenant})` : who;
}

function firstLine(text: string): string {
	const line = text.split('\n').find(part => part.trim() !== '') ?? text;
	return line.length > 600 ? `${line.slice(0, 599)}…` : line.trim();
}
