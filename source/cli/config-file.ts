import process from 'node:process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {providerModules} from '../providers/registry.js';
import {didYouMean} from '../text/closest.js';
import {jsonErrorPlace} from '../text/json-error-place.js';
import {ConfigError} from './config-error.js';
import {moduleOf} from './create-provider.js';
import type {Bounded} from './bounded-number.js';
import {parseInterval} from './interval.js';
import {parseMaxRuns} from './max-runs.js';
import {xdgFolder} from './xdg-folder.js';
import type {TargetConfig} from './target-config.js';

export type ConfigFile = {
	readonly path: string;
	readonly intervalSeconds?: number;
	/** The newest runs of each kind a list reads (`maxRuns`). */
	readonly maxRuns?: number;
	/** Times in UTC rather than the local zone. */
	readonly utc?: boolean;
	/** Ring the terminal bell when a watched run turns failed. */
	readonly bell?: boolean;
	/** Targets by profile name, in the order the file lists them. */
	readonly profiles: ReadonlyMap<string, TargetConfig>;
};

const topKeys = ['interval', 'maxRuns', 'utc', 'bell', 'profiles'];

export function defaultConfigPath(
	env: NodeJS.ProcessEnv = process.env,
): string {
	return path.join(xdgFolder(env, 'XDG_CONFIG_HOME', '.config'), 'config.json');
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
	return value === null
		? 'null'
		: Array.isArray(value)
			? 'a list'
			: typeof value;
}

/** A profile's keys, each checked against its provider's settings; the target it describes. */
function readProfile(file: string, name: string, value: unknown): TargetConfig {
	const where = `profile "${name}" in ${file}`;
	if (!isObject(value)) {
		throw new ConfigError(`${where} must be an object`);
	}

	const {provider} = value;
	if (typeof provider !== 'string') {
		throw new ConfigError(
			`${where} needs "provider" (${providerModules.map(module => module.id).join(', ')})`,
		);
	}

	const module = moduleOf(provider);
	const keys = Object.values(module.settings).map(setting => setting.configKey);
	const settings: Record<string, string> = {};
	let filters: Record<string, string> = {};
	for (const [key, item] of Object.entries(value)) {
		if (key === 'provider') {
			continue;
		}

		if (key === 'filters') {
			filters = readFilters(where, item);
			continue;
		}

		if (!keys.includes(key)) {
			throw new ConfigError(
				`${where}: ${provider} has no setting "${key}"${didYouMean(key, [...keys, 'filters'])}; its settings: ${keys.join(', ')}, filters`,
			);
		}

		if (typeof item !== 'string') {
			throw new ConfigError(
				`${where}: "${key}" must be a string, not ${typeName(item)}`,
			);
		}

		settings[key] = item;
	}

	return {
		name,
		provider,
		settings,
		filters,
		source: {kind: 'profile', name},
	};
}

function readFilters(where: string, value: unknown): Record<string, string> {
	if (!isObject(value)) {
		throw new ConfigError(
			`${where}: "filters" must be an object of NAME: "VALUE"`,
		);
	}

	const filters: Record<string, string> = {};
	for (const [name, item] of Object.entries(value)) {
		if (typeof item !== 'string') {
			throw new ConfigError(
				`${where}: filter "${name}" must be a string, not ${typeName(item)}`,
			);
		}

		filters[name] = item;
	}

	return filters;
}

/** Reads and checks the config file; a missing default file is an empty config, a missing named one is an error. */
export function readConfigFile(file: string, required: boolean): ConfigFile {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') {
			return {path: file, profiles: new Map()};
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
			`config file ${file} is not valid JSON (${jsonErrorPlace(text) ?? 'at the end'}): ${(error as Error).message}`,
		);
	}

	if (!isObject(json)) {
		throw new ConfigError(`config file ${file} must hold a JSON object`);
	}

	for (const key of Object.keys(json)) {
		if (!topKeys.includes(key)) {
			throw new ConfigError(
				`config file ${file}: unknown key "${key}"${didYouMean(key, topKeys)} (known: ${topKeys.join(', ')})`,
			);
		}
	}

	const number = (
		key: 'interval' | 'maxRuns',
		parse: (value: unknown) => Bounded,
	): number | undefined => {
		if (json[key] === undefined) {
			return undefined;
		}

		const parsed = parse(json[key]);
		if (!parsed.ok) {
			throw new ConfigError(`config file ${file}: "${key}": ${parsed.problem}`);
		}

		return parsed.value;
	};

	const flag = (key: 'utc' | 'bell'): boolean | undefined => {
		const value = json[key];
		if (value !== undefined && typeof value !== 'boolean') {
			throw new ConfigError(
				`config file ${file}: "${key}" must be true or false, not ${typeName(value)}`,
			);
		}

		return value;
	};

	const profiles = json['profiles'] ?? {};
	if (!isObject(profiles)) {
		throw new ConfigError(
			`config file ${file}: "profiles" must be an object of NAME: {provider, …}`,
		);
	}

	return {
		path: file,
		intervalSeconds: number('interval', parseInterval),
		maxRuns: number('maxRuns', parseMaxRuns),
		utc: flag('utc'),
		bell: flag('bell'),
		profiles: new Map(
			Object.entries(profiles).map(([name, value]) => [
				name,
				readProfile(file, name, value),
			]),
		),
	};
}
