import {Buffer} from 'node:buffer';
import {parseLooseTime} from '../../model/loose-time.js';
import {asNumber, asObject, asText} from '../../model/wire.js';
import {
	CachedCredential,
	commandSource,
	type UserCommand,
} from './cached-credential.js';

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

/**
 * One bearer token shared by every request of a target (see CachedCredential), with the token's
 * own `exp` claim as its expiry where the source does not say.
 */
export class CachedToken extends CachedCredential<string> {
	constructor(
		source: TokenSource,
		provider: string,
		now: () => number = Date.now,
	) {
		super({
			source: {
				describe: source.describe,
				async fetch(signal) {
					const {token, expiresAt} = await source.fetch(signal);
					return {value: token, expiresAt: expiresAt ?? jwtExpiry(token)};
				},
			},
			provider,
			secretsOf: token => [token],
			now,
		});
	}

	/** Who the token speaks for, from its claims, for 401/403 messages. */
	identity(): string | undefined {
		return this.last === undefined ? undefined : tokenIdentity(this.last);
	}
}

/** A command that prints a token: a bare token, `Bearer <token>`, or the JSON of `az account get-access-token`. */
export function commandTokenSource(command: UserCommand): TokenSource {
	const source = commandSource(command, output => {
		const {token, expiresAt} = parseTokenOutput(output);
		return {value: token, expiresAt};
	});
	return {
		describe: source.describe,
		async fetch(signal) {
			const {value, expiresAt} = await source.fetch(signal);
			return {token: value, expiresAt};
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
