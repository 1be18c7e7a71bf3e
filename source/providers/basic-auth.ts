import {Buffer} from 'node:buffer';
import process from 'node:process';
import type {UserCommand} from './auth/cached-credential.js';
import type {CredentialIdentity} from './auth/credential-identity.js';
import {SetupError, type Setting, type TargetSetup} from './provider-module.js';

export type BasicCredentials = {
	readonly username: string;
	readonly password: string;
	/** Where the password came from, for `sparktop doctor`. */
	readonly passwordFrom?: string;
};

/** Whom HTTP Basic credentials name and where their password came from; none without credentials. */
export function basicIdentity(
	credentials: BasicCredentials | undefined,
): CredentialIdentity | undefined {
	if (credentials === undefined) {
		return undefined;
	}

	const {username, password, passwordFrom = 'the configuration'} = credentials;
	return {
		source: password === '' ? `no password (${passwordFrom})` : passwordFrom,
		resolve: async () => `user ${username}`,
	};
}

export function basicAuthHeader(
	credentials: BasicCredentials | undefined,
): Record<string, string> {
	if (!credentials) {
		return {};
	}

	const token = Buffer.from(
		`${credentials.username}:${credentials.password}`,
	).toString('base64');
	return {authorization: `Basic ${token}`};
}

/**
 * Credentials configured for `endpoint`, for a URL a server named: only when it is the same
 * origin (scheme, host and port), so they never reach another host, nor go over http where the
 * endpoint is https.
 */
export function credentialsForOrigin(
	url: string,
	endpoint: string,
	credentials: BasicCredentials | undefined,
): BasicCredentials | undefined {
	try {
		return new URL(url).origin === new URL(endpoint).origin
			? credentials
			: undefined;
	} catch {
		return undefined;
	}
}

/** What must never show in an error message for these credentials. */
export function basicAuthSecrets(
	credentials: BasicCredentials | undefined,
): string[] {
	if (!credentials) {
		return [];
	}

	return [
		credentials.password,
		Buffer.from(`${credentials.username}:${credentials.password}`).toString(
			'base64',
		),
	];
}

/**
 * HTTP Basic credentials of a Livy or Spark target: the user it names, with the password its
 * credential command prints or, without one, SPARKTOP_PASSWORD. None without a user.
 */
export function basicCredentialsOf(
	setup: TargetSetup<'user' | 'credentialCommand'>,
): BasicCredentials | undefined {
	const {user, credentialCommand} = setup.settings;
	if (user === undefined) {
		return undefined;
	}

	return {
		username: user,
		...(credentialCommand === undefined
			? {
					password: setup.env['SPARKTOP_PASSWORD'] ?? '',
					passwordFrom:
						setup.env['SPARKTOP_PASSWORD'] === undefined
							? 'SPARKTOP_PASSWORD is not set'
							: 'SPARKTOP_PASSWORD in the environment',
				}
			: {
					password: commandPassword({
						command: credentialCommand,
						origin: setup.origin('credentialCommand'),
					}),
					passwordFrom: `the command of ${setup.origin('credentialCommand')}`,
				}),
	};
}

/** What a password command prints, trimmed; it runs once, when the target is set up. */
function commandPassword(command: UserCommand): string {
	try {
		// Loaded only here: child_process is some 3 ms of a start-up that rarely needs it.
		const {execFileSync} = process.getBuiltinModule('node:child_process');
		return execFileSync('/bin/sh', ['-c', command.command], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			timeout: 30_000,
		}).trim();
	} catch (error) {
		const {status} = error as {status?: number | undefined};
		throw new SetupError(
			`the command of ${command.origin} failed${typeof status === 'number' ? ` (exit status ${status})` : ''}`,
		);
	}
}

/** The settings of a provider that speaks HTTP Basic (Livy, Spark). */
export const basicAuthSettings = {
	user: {
		flag: 'user',
		configKey: 'username',
		placeholder: 'NAME',
		help: 'HTTP Basic user (Livy behind LDAP or Knox); the password comes from the credential command or SPARKTOP_PASSWORD',
	},
	credentialCommand: {
		flag: 'credential-command',
		configKey: 'credentialCommand',
		placeholder: 'CMD',
		help: 'a command that prints the HTTP Basic password',
	},
} as const satisfies Readonly<Record<string, Setting>>;
