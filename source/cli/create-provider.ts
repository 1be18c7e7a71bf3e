import process from 'node:process';
import {filterProblem} from '../providers/list-filters.js';
import type {Provider} from '../providers/provider.js';
import {
	type ProviderModule,
	type Setting,
	SetupError,
} from '../providers/provider-module.js';
import {providerModule, providerModules} from '../providers/registry.js';
import {didYouMean} from '../text/closest.js';
import {ConfigError} from './config-error.js';
import type {TargetConfig} from './target-config.js';

/** How a setting is named where it was written: `--project-id` on the command line, `projectId` in a profile. */
export function settingName(target: TargetConfig, setting: Setting): string {
	switch (target.source.kind) {
		case 'flags': {
			return `--${setting.flag}`;
		}

		case 'profile': {
			return `"${setting.configKey}" of profile "${target.source.name}"`;
		}

		case 'demo': {
			return `the demo's ${setting.configKey}`;
		}
	}
}

/** The module of a provider id, or a usage error naming the known ones. */
export function moduleOf(id: string): ProviderModule {
	const module = providerModule(id);
	if (!module) {
		const known = providerModules.map(item => item.id);
		throw new ConfigError(
			`unknown provider "${id}"${didYouMean(id, known)} (known: ${known.join(', ')})`,
		);
	}

	return module;
}

/** Looks every setting up (given, environment, vendor config) and checks it. */
function resolveSettings(
	target: TargetConfig,
	module: ProviderModule,
	env: NodeJS.ProcessEnv,
): Record<string, string> {
	const label = `target "${target.name}" (${module.id})`;
	const resolved: Record<string, string> = {};
	for (const [key, setting] of Object.entries(module.settings)) {
		const given = target.settings[setting.configKey];
		const fromEnv = setting.env === undefined ? undefined : env[setting.env];
		const value =
			given ??
			(fromEnv === undefined || fromEnv === '' ? undefined : fromEnv) ??
			setting.fallback?.(env);
		if (value === undefined) {
			continue;
		}

		const problem =
			value.trim() === '' ? 'is empty' : setting.validate?.(value);
		if (problem !== undefined) {
			const where =
				given === undefined ? setting.env : settingName(target, setting);
			throw new ConfigError(`${label}: ${where} "${value}": ${problem}`);
		}

		resolved[key] = value;
	}

	return resolved;
}

/** What to give for a missing setting, and where else it is looked for. */
function missingText(target: TargetConfig, setting: Setting): string {
	const elsewhere = [
		...(setting.env ? [setting.env] : []),
		...(setting.fallbackFrom ? [setting.fallbackFrom] : []),
	];
	return `${settingName(target, setting)} (${setting.help})${elsewhere.length > 0 ? `; it is also read from ${elsewhere.join(', or ')}` : ''}`;
}

/** A URL an HTTP client may be pointed at: http or https, with no credentials inside. */
function checkEndpoint(label: string, endpoint: string): void {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		throw new ConfigError(`${label}: endpoint "${endpoint}" is not a URL`);
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new ConfigError(
			`${label}: endpoint "${endpoint}" must be an http:// or https:// URL`,
		);
	}

	if (url.username || url.password) {
		throw new ConfigError(
			`${label}: put credentials in the profile or environment, not in the endpoint URL`,
		);
	}
}

function checkGiven(target: TargetConfig, module: ProviderModule): void {
	const keys = new Set(
		Object.values(module.settings).map(setting => setting.configKey),
	);
	for (const key of Object.keys(target.settings)) {
		if (!keys.has(key)) {
			const name = target.source.kind === 'flags' ? `--${flagOf(key)}` : key;
			throw new ConfigError(
				`${module.id} has no setting ${name}; its settings: ${Object.values(
					module.settings,
				)
					.map(setting =>
						target.source.kind === 'flags'
							? `--${setting.flag}`
							: setting.configKey,
					)
					.join(', ')}`,
			);
		}
	}

	const filters = Object.keys(module.filters);
	for (const [name, value] of Object.entries(target.filters)) {
		const spec = module.filters[name];
		if (!spec) {
			throw new ConfigError(
				filters.length === 0
					? `target "${target.name}" (${module.id}) has no list filters`
					: `target "${target.name}" (${module.id}) has no filter "${name}"${didYouMean(name, filters)} (known: ${filters.join(', ')})`,
			);
		}

		const problem = filterProblem(spec, value);
		if (problem !== undefined) {
			throw new ConfigError(
				`target "${target.name}" (${module.id}): filter ${name}=${value} ${problem}`,
			);
		}
	}
}

/** The flag of a config key, whichever provider declares it. */
function flagOf(configKey: string): string {
	for (const module of providerModules) {
		for (const setting of Object.values(module.settings)) {
			if (setting.configKey === configKey) {
				return setting.flag;
			}
		}
	}

	return configKey;
}

/** A target's settings looked up and checked, with the endpoint they give; a ConfigError says what is missing or wrong. */
export function resolveTarget(
	target: TargetConfig,
	env: NodeJS.ProcessEnv = process.env,
): {
	readonly module: ProviderModule;
	readonly settings: Record<string, string>;
	readonly endpoint: string;
} {
	const module = moduleOf(target.provider);
	const label = `target "${target.name}" (${module.id})`;
	checkGiven(target, module);
	const settings = resolveSettings(target, module, env);
	const endpoint =
		settings['endpoint'] ?? module.defaultEndpoint?.(settings) ?? undefined;
	for (const [key, setting] of Object.entries(module.settings)) {
		const missing =
			key === 'endpoint' ? endpoint === undefined : settings[key] === undefined;
		if (missing && (setting.required === true || key === 'endpoint')) {
			throw new ConfigError(`${label} needs ${missingText(target, setting)}`);
		}
	}

	checkEndpoint(label, endpoint!);
	return {module, settings, endpoint: endpoint!};
}

/** Builds the provider of a target, or says exactly what is missing or wrong (exit 2). */
export function createProvider(
	target: TargetConfig,
	options: {readonly maxRuns?: number} = {},
	env: NodeJS.ProcessEnv = process.env,
): Provider {
	const {module, settings, endpoint} = resolveTarget(target, env);
	const label = `target "${target.name}" (${module.id})`;
	try {
		return module.create({
			name: target.name,
			endpoint,
			settings,
			filters: target.filters,
			maxRuns: options.maxRuns,
			env,
			origin(key) {
				const setting = module.settings[key];
				return setting ? settingName(target, setting) : key;
			},
		});
	} catch (error) {
		if (error instanceof SetupError) {
			throw new ConfigError(`${label}: ${error.message}`);
		}

		throw error;
	}
}
