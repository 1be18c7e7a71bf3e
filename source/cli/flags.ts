import type {ProviderModule, Setting} from '../providers/provider-module.js';
import {didYouMean} from '../text/closest.js';

/** `project-id` → `projectId`, as meow names a parsed flag. */
export function camelCase(flag: string): string {
	return flag.replaceAll(/-(\w)/gv, (_, letter: string) =>
		letter.toUpperCase(),
	);
}

/** `projectId` → `project-id`, as the flag is typed. */
export function kebabCase(name: string): string {
	return name.replaceAll(/[A-Z]/gv, letter => `-${letter.toLowerCase()}`);
}

type FlagSpec = {
	readonly type: 'string' | 'boolean' | 'number';
	readonly isMultiple?: boolean;
	readonly default?: boolean;
};

/** The flags of sparktop itself, as meow takes them (target settings are added from the providers). */
export const commonFlags = {
	demo: {type: 'boolean', default: false},
	profile: {type: 'string', isMultiple: true},
	provider: {type: 'string'},
	filter: {type: 'string', isMultiple: true},
	interval: {type: 'string'},
	maxRuns: {type: 'string'},
	timeout: {type: 'string'},
	once: {type: 'boolean', default: false},
	json: {type: 'boolean', default: false},
	write: {type: 'boolean', default: false},
	color: {type: 'boolean', default: true},
	utc: {type: 'boolean'},
	bell: {type: 'boolean'},
	ascii: {type: 'boolean', default: false},
	config: {type: 'string'},
	port: {type: 'string'},
} as const satisfies Readonly<Record<string, FlagSpec>>;

/** Every setting of every provider, once per flag: the flag a setting is given by on the command line. */
export function settingsByFlag(
	modules: readonly ProviderModule[],
): ReadonlyMap<string, Setting> {
	const byFlag = new Map<string, Setting>();
	for (const module of modules) {
		for (const setting of Object.values(module.settings)) {
			const known = byFlag.get(setting.flag);
			if (known && known.configKey !== setting.configKey) {
				throw new Error(
					`--${setting.flag} is the config key "${known.configKey}" in one provider and "${setting.configKey}" in ${module.id}`,
				);
			}

			byFlag.set(setting.flag, setting);
		}
	}

	return byFlag;
}

/** Every provider setting's flag, as meow takes them (all strings). */
export function settingFlags(
	modules: readonly ProviderModule[],
): Record<string, {readonly type: 'string'}> {
	return Object.fromEntries(
		[...settingsByFlag(modules).keys()].map(flag => [
			camelCase(flag),
			{type: 'string'} as const,
		]),
	);
}

/** The settings given as flags, by config key, for a target given with --provider. */
export function settingsFromFlags(
	modules: readonly ProviderModule[],
	flags: Readonly<Record<string, unknown>>,
): Record<string, string> {
	const settings: Record<string, string> = {};
	for (const [flag, setting] of settingsByFlag(modules)) {
		const value = flags[camelCase(flag)];
		if (typeof value === 'string') {
			settings[setting.configKey] = value;
		}
	}

	return settings;
}

/**
 * A usage error for the first flag sparktop does not know (`--intervl`, `--writ`), naming the
 * closest known one; undefined when every flag is known. A silently ignored typo could make a
 * read-only session out of a `--write` one, or poll at the wrong rate.
 */
export function unknownFlags(
	parsed: Readonly<Record<string, unknown>>,
	known: Readonly<Record<string, FlagSpec>>,
): string | undefined {
	const names = new Set([...Object.keys(known), 'help', 'version']);
	const typed = [...names].map(name => `--${kebabCase(name)}`);
	for (const name of Object.keys(parsed)) {
		if (!names.has(name)) {
			const flag = `--${kebabCase(name)}`;
			return `unknown flag ${flag}${didYouMean(flag, typed)}; see sparktop --help`;
		}
	}

	return undefined;
}
