import type {ProviderModule} from '../providers/provider-module.js';
import {type ListFilters, parseFilterFlags} from '../providers/list-filters.js';
import {ConfigError} from './config-error.js';
import type {ConfigFile} from './config-file.js';
import {camelCase, settingsByFlag, settingsFromFlags} from './flags.js';
import type {TargetConfig} from './target-config.js';

export type TargetFlags = Readonly<Record<string, unknown>> & {
	readonly provider?: string;
	readonly filter?: readonly string[];
	readonly profile?: readonly string[];
};

/** The target flags given on the command line (--provider, --profile, settings, --filter). */
export function givenTargetFlags(
	modules: readonly ProviderModule[],
	flags: TargetFlags,
): string[] {
	return [
		...(flags.provider ? ['--provider'] : []),
		...((flags.profile?.length ?? 0) > 0 ? ['--profile'] : []),
		...[...settingsByFlag(modules).keys()]
			.filter(flag => typeof flags[camelCase(flag)] === 'string')
			.map(flag => `--${flag}`),
		...((flags.filter?.length ?? 0) > 0 ? ['--filter'] : []),
	];
}

/** Which targets to watch: an explicit --provider, else the named profiles, else every profile. */
export function resolveTargets(
	modules: readonly ProviderModule[],
	flags: TargetFlags,
	config: ConfigFile,
): TargetConfig[] {
	const settings = settingsFromFlags(modules, flags);
	if (flags.provider) {
		return [
			{
				name: flags.provider,
				provider: flags.provider,
				settings,
				filters: filtersFrom(flags.filter ?? []),
				source: {kind: 'flags'},
			},
		];
	}

	const given = givenTargetFlags(modules, flags).filter(
		flag => flag !== '--profile',
	);
	if (given.length > 0) {
		throw new ConfigError(
			`${given.join(', ')} ${given.length === 1 ? 'needs' : 'need'} --provider (${modules.map(module => module.id).join(', ')}); profiles take their settings from the config file`,
		);
	}

	const names = flags.profile?.length
		? flags.profile
		: [...config.profiles.keys()];
	if (names.length === 0) {
		throw new ConfigError(
			`nothing to watch: no profiles in ${config.path}. Try "sparktop --demo", or "sparktop --provider livy --endpoint http://livy:8998".`,
		);
	}

	return names.map(name => {
		const profile = config.profiles.get(name);
		if (!profile) {
			throw new ConfigError(
				`no profile "${name}" in ${config.path} (have: ${[...config.profiles.keys()].join(', ') || 'none'})`,
			);
		}

		return profile;
	});
}

function filtersFrom(flags: readonly string[]): ListFilters {
	try {
		return parseFilterFlags(flags);
	} catch (error) {
		throw new ConfigError((error as Error).message);
	}
}
