import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {parse as parseIni} from 'ini';
import {parseLooseTime} from '../../model/loose-time.js';
import {asObject, asText} from '../../model/wire.js';
import {
	commandJson,
	commandSource,
	type CredentialSource,
	type UserCommand,
} from '../auth/cached-credential.js';
import type {AkskCredentials} from './aksk-signer.js';

/**
 * Huawei Cloud credentials the way the official SDKs find them: an explicit credential command
 * first, then `HUAWEICLOUD_SDK_AK` / `_SK` / `_SECURITY_TOKEN`, then the `[basic]` section of
 * `~/.huaweicloud/credentials` (or `HUAWEICLOUD_SDK_CREDENTIALS_FILE`).
 */

export type HuaweiFileProfile = {
	readonly ak?: string;
	readonly sk?: string;
	readonly securityToken?: string;
	readonly projectId?: string;
	readonly path: string;
};

export function credentialsFilePath(env: NodeJS.ProcessEnv): string {
	return (
		asText(env['HUAWEICLOUD_SDK_CREDENTIALS_FILE']) ??
		path.join(homedir(), '.huaweicloud', 'credentials')
	);
}

/** The `[basic]` section of the SDK credentials file; a missing or unreadable file is empty. */
export function readCredentialsFile(env: NodeJS.ProcessEnv): HuaweiFileProfile {
	const file = credentialsFilePath(env);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return {path: file};
	}

	const basic = asObject(asObject(parseIni(text))['basic']);
	return {
		path: file,
		ak: asText(basic['ak']),
		sk: asText(basic['sk']),
		securityToken: asText(basic['security_token']),
		projectId: asText(basic['project_id']),
	};
}

/**
 * What a credential command prints: `{"ak", "sk", "security_token"}` as in the SDK files, or the
 * IAM temporary-credential answer `{"credential": {"access", "secret", "securitytoken", "expires_at"}}`.
 */
export function parseCredentialOutput(output: string): {
	value: AkskCredentials;
	expiresAt?: number;
} {
	const object = commandJson(output, 'credential');
	const accessKey = asText(object['ak']) ?? asText(object['access']);
	const secretKey = asText(object['sk']) ?? asText(object['secret']);
	if (!accessKey || !secretKey) {
		throw new Error('printed JSON without an access key and secret key');
	}

	return {
		value: {
			accessKey,
			secretKey,
			securityToken:
				asText(object['security_token']) ?? asText(object['securitytoken']),
		},
		expiresAt: parseLooseTime(object['expires_at']),
	};
}

export type HuaweiCredentialOptions = {
	readonly credentialCommand?: UserCommand;
	readonly env: NodeJS.ProcessEnv;
	readonly file: HuaweiFileProfile;
};

/** The first place that has credentials, as a source; undefined when there are none anywhere. */
export function huaweiCredentialSource(
	options: HuaweiCredentialOptions,
): CredentialSource<AkskCredentials> | undefined {
	const {credentialCommand, env, file} = options;
	if (credentialCommand) {
		return commandSource(credentialCommand, parseCredentialOutput);
	}

	const accessKey = asText(env['HUAWEICLOUD_SDK_AK']);
	const secretKey = asText(env['HUAWEICLOUD_SDK_SK']);
	if (accessKey && secretKey) {
		const value: AkskCredentials = {
			accessKey,
			secretKey,
			securityToken: asText(env['HUAWEICLOUD_SDK_SECURITY_TOKEN']),
		};
		return {
			describe: 'HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK',
			fetch: async () => ({value}),
		};
	}

	if (file.ak && file.sk) {
		const value = {
			accessKey: file.ak,
			secretKey: file.sk,
			securityToken: file.securityToken,
		};
		return {describe: file.path, fetch: async () => ({value})};
	}

	return undefined;
}
