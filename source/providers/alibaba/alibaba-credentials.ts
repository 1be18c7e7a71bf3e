import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {parse as parseIni} from 'ini';
import {parseLooseTime} from '../../model/loose-time.js';
import {asArray, asObject, asText, type WireObject} from '../../model/wire.js';
import {
	commandJson,
	commandSource,
	type CredentialSource,
	type UserCommand,
} from '../auth/cached-credential.js';
import type {AlibabaCredentials} from './acs3-signer.js';

/**
 * Alibaba Cloud credentials found the way Alibaba's own tools find them, without the network:
 * an explicit credential command; `ALIBABA_CLOUD_ACCESS_KEY_ID` / `_SECRET` /
 * `ALIBABA_CLOUD_SECURITY_TOKEN`; the aliyun CLI's `~/.aliyun/config.json` (the profile named by
 * `ALIBABA_CLOUD_PROFILE`, else `current`; AK and StsToken modes); the SDK's INI file
 * `~/.alibabacloud/credentials` (`type = access_key`). Never the ECS metadata service.
 */

export type AlibabaCredentialOptions = {
	readonly credentialCommand?: UserCommand;
	readonly env: NodeJS.ProcessEnv;
	readonly home?: string;
};

export type AlibabaCredentialResult =
	| {
			readonly ok: true;
			readonly source: CredentialSource<AlibabaCredentials>;
	  }
	| {readonly ok: false; readonly reason: string};

function readText(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

const fixed = (
	describe: string,
	value: AlibabaCredentials,
): CredentialSource<AlibabaCredentials> => ({
	describe,
	fetch: async () => ({value}),
});

/**
 * What a credential command prints: the aliyun CLI's External-mode JSON (`mode`, `access_key_id`,
 * `access_key_secret`, `sts_token`), or STS's `{AccessKeyId, AccessKeySecret, SecurityToken,
 * Expiration}` (also inside `Credentials`).
 */
export function parseAlibabaCredentialOutput(output: string): {
	value: AlibabaCredentials;
	expiresAt?: number;
} {
	const object = commandJson(output, 'Credentials');
	const accessKeyId =
		asText(object['access_key_id']) ?? asText(object['AccessKeyId']);
	const accessKeySecret =
		asText(object['access_key_secret']) ?? asText(object['AccessKeySecret']);
	if (!accessKeyId || !accessKeySecret) {
		throw new Error('printed JSON without an AccessKey id and secret');
	}

	return {
		value: {
			accessKeyId,
			accessKeySecret,
			securityToken:
				asText(object['sts_token']) ?? asText(object['SecurityToken']),
		},
		expiresAt: parseLooseTime(object['Expiration']),
	};
}

/** The aliyun CLI's profile in use: the one named (ALIBABA_CLOUD_PROFILE), else `current`. */
function cliProfile(
	config: WireObject,
	profileName: string | undefined,
): {name: string; profile?: WireObject} {
	const name = profileName ?? asText(config['current']) ?? 'default';
	const profile = asArray(config['profiles'])
		.map(item => asObject(item))
		.find(item => asText(item['name']) === name);
	return {name, profile};
}

/** The region of the aliyun CLI profile in use (`region_id`), which the CLI itself defaults to. */
export function aliyunCliRegion(
	env: NodeJS.ProcessEnv,
	home: string = homedir(),
): string | undefined {
	const text = readText(path.join(home, '.aliyun', 'config.json'));
	try {
		const config = asObject(JSON.parse(text ?? ''));
		const {profile} = cliProfile(config, asText(env['ALIBABA_CLOUD_PROFILE']));
		return asText(profile?.['region_id']);
	} catch {
		return undefined;
	}
}

function fromCliConfig(
	file: string,
	profileName: string | undefined,
): AlibabaCredentialResult | undefined {
	const text = readText(file);
	if (text === undefined) {
		return undefined;
	}

	let config: WireObject;
	try {
		config = asObject(JSON.parse(text));
	} catch {
		return {ok: false, reason: `${file} is not valid JSON`};
	}

	const {name, profile} = cliProfile(config, profileName);
	if (!profile) {
		return profileName
			? {ok: false, reason: `no profile "${name}" in ${file}`}
			: undefined;
	}

	const mode = asText(profile['mode']) ?? 'AK';
	const accessKeyId = asText(profile['access_key_id']);
	const accessKeySecret = asText(profile['access_key_secret']);
	if (
		(mode !== 'AK' && mode !== 'StsToken') ||
		!accessKeyId ||
		!accessKeySecret
	) {
		return {
			ok: false,
			reason: `profile "${name}" in ${file} uses mode ${mode}; sparktop reads AK and StsToken profiles (use a credentialCommand for the others)`,
		};
	}

	return {
		ok: true,
		source: fixed(`${file} profile "${name}"`, {
			accessKeyId,
			accessKeySecret,
			securityToken:
				mode === 'StsToken' ? asText(profile['sts_token']) : undefined,
		}),
	};
}

function fromIniFile(
	file: string,
	profileName: string | undefined,
): AlibabaCredentialResult | undefined {
	const text = readText(file);
	if (text === undefined) {
		return undefined;
	}

	const name = profileName ?? 'default';
	const section = asObject(asObject(parseIni(text))[name]);
	const type = asText(section['type']) ?? 'access_key';
	const accessKeyId = asText(section['access_key_id']);
	const accessKeySecret = asText(section['access_key_secret']);
	if (type !== 'access_key' || !accessKeyId || !accessKeySecret) {
		return accessKeyId !== undefined || type !== 'access_key'
			? {
					ok: false,
					reason: `section [${name}] of ${file} is type ${type}; sparktop reads access_key sections`,
				}
			: undefined;
	}

	return {
		ok: true,
		source: fixed(`${file} [${name}]`, {accessKeyId, accessKeySecret}),
	};
}

/** The first place that has credentials; a reason when there is none or the first one is unusable. */
export function alibabaCredentialSource(
	options: AlibabaCredentialOptions,
): AlibabaCredentialResult {
	const {credentialCommand, env} = options;
	const home = options.home ?? homedir();
	if (credentialCommand) {
		return {
			ok: true,
			source: commandSource(credentialCommand, parseAlibabaCredentialOutput),
		};
	}

	const accessKeyId = asText(env['ALIBABA_CLOUD_ACCESS_KEY_ID']);
	const accessKeySecret = asText(env['ALIBABA_CLOUD_ACCESS_KEY_SECRET']);
	if (accessKeyId && accessKeySecret) {
		return {
			ok: true,
			source: fixed(
				'ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET',
				{
					accessKeyId,
					accessKeySecret,
					securityToken: asText(env['ALIBABA_CLOUD_SECURITY_TOKEN']),
				},
			),
		};
	}

	const profile = asText(env['ALIBABA_CLOUD_PROFILE']);
	const cliFile = path.join(home, '.aliyun', 'config.json');
	const iniFile =
		asText(env['ALIBABA_CLOUD_CREDENTIALS_FILE']) ??
		path.join(home, '.alibabacloud', 'credentials');
	const found =
		(env['ALIBABA_CLOUD_CLI_PROFILE_DISABLED'] === 'true'
			? undefined
			: fromCliConfig(cliFile, profile)) ?? fromIniFile(iniFile, profile);
	return (
		found ?? {
			ok: false,
			reason: `no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run "aliyun configure" (${cliFile}), write ${iniFile}, or give a credentialCommand`,
		}
	);
}
