import process from 'node:process';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {asNumber, asObject, asStringMap, asText} from '../model/wire.js';
import {
	commandGivesPassword,
	ConfigError,
	type TargetConfig,
} from '../providers/registry.js';

export type ConfigFile = {
	readonly path: string;
	readonly intervalSeconds?: number;
	readonly profiles: Readonly<Record<string, Profile>>;
};

/**
 * A profile as written in the config file. Its `credentialCommand` prints the password (Livy,
 * Spark) or the cloud credentials (the provider runs it when it needs them).
 */
export type Profile = Omit<TargetConfig, 'name' | 'password'>;

export function defaultConfigPath(
	env: NodeJS.ProcessEnv = process.env,
): string {
	// An empty XDG_CONFIG_HOME counts as unset, as the XDG spec says.
	const configured = env['XDG_CONFIG_HOME'];
	const base =
		configured === undefined || configured === ''
			? path.join(homedir(), '.config')
			: configured;
	return path.join(base, 'sparktop', 'config.json');
}

/** Reads the config file; a missing default file is an empty config, a missing named one is an error. */
export function readConfigFile(file: string, required: boolean): ConfigFile {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') {
			return {path: file, profiles: {}};
		}

		throw new ConfigError(
			`cannot read config file ${file}: ${(error as Error).message}`,
		);
	}

	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new ConfigError(
			`config file ${file} is not valid JSON: ${(error as Error).message}`,
		);
	}

	const object = asObject(json);
	const profiles: Record<string, Profile> = {};
	for (const [name, value] of Object.entries(asObject(object['profiles']))) {
		const profile = asObject(value);
		const provider = asText(profile['provider']);
		if (!provider) {
			throw new ConfigError(`profile "${name}" in ${file} has no "provider"`);
		}

		profiles[name] = {
			provider,
			endpoint: asText(profile['endpoint']),
			username: asText(profile['username']),
			region: asText(profile['region']),
			workspace: asText(profile['workspace']),
			pool: asText(profile['pool']),
			projectId: asText(profile['projectId']),
			credentialCommand: asText(profile['credentialCommand']),
			tokenCommand: asText(profile['tokenCommand']),
			apiVersion: asText(profile['apiVersion']),
			filters: asStringMap(profile['filters']),
		};
	}

	return {path: file, intervalSeconds: asNumber(object['interval']), profiles};
}

/** Turns a profile into a target, running its credential command (never echoing what it prints). */
export function profileTarget(
	name: string,
	profile: Profile,
	env: NodeJS.ProcessEnv = process.env,
): TargetConfig {
	if (!commandGivesPassword(profile.provider)) {
		return {...profile, name};
	}

	const {credentialCommand, ...rest} = profile;
	let password = env['SPARKTOP_PASSWORD'];
	if (credentialCommand) {
		try {
			password = execFileSync('/bin/sh', ['-c', credentialCommand], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
				timeout: 30_000,
			}).trim();
		} catch {
			throw new ConfigError(`profile "${name}": its credentialCommand failed`);
		}
	}

	return {...rest, name, password};
}
