import process from 'node:process';
import {
	ConfigError,
	providerIds,
	type TargetConfig,
} from '../providers/registry.js';
import {type ListFilters, parseFilterFlags} from '../providers/list-filters.js';
import {type ConfigFile, profileTarget} from './config-file.js';

export type TargetFlags = {
	readonly provider?: string;
	readonly endpoint?: string;
	readonly user?: string;
	readonly region?: string;
	readonly workspace?: string;
	readonly pool?: string;
	readonly projectId?: string;
	readonly tokenCommand?: string;
	readonly apiVersion?: string;
	readonly credentialCommand?: string;
	readonly filter?: readonly string[];
	readonly profile?: readonly string[];
};

/** Which targets to watch: an explicit --provider, else the named profiles, else every profile. */
export function resolveTargets(
	flags: TargetFlags,
	config: ConfigFile,
	env: NodeJS.ProcessEnv = process.env,
): TargetConfig[] {
	if (flags.provider) {
		return [
			{
				name: flags.provider,
				provider: flags.provider,
				endpoint: flags.endpoint,
				username: flags.user,
				password:
					flags.user === undefined ? undefined : env['SPARKTOP_PASSWORD'],
				region: flags.region,
				workspace: flags.workspace,
				pool: flags.pool,
				projectId: flags.projectId,
				tokenCommand: flags.tokenCommand,
				apiVersion: flags.apiVersion,
				credentialCommand: flags.credentialCommand,
				filters: filtersFrom(flags.filter ?? []),
			},
		];
	}

	if (flags.endpoint) {
		throw new ConfigError(
			`--endpoint needs --provider (${providerIds.join(', ')})`,
		);
	}

	const names = flags.profile?.length
		? flags.profile
		: Object.keys(config.profiles);
	if (names.length === 0) {
		throw new ConfigError(
			`nothing to watch: no profiles in ${config.path}. Try "sparktop --demo", or "sparktop --provider livy --endpoint http://livy:8998".`,
		);
	}

	return names.map(name => {
		const profile = config.profiles[name];
		if (!profile) {
			throw new ConfigError(
				`no profile "${name}" in ${config.path} (have: ${Object.keys(config.profiles).join(', ') || 'none'})`,
			);
		}

		return profileTarget(name, profile, env);
	});
}

function filtersFrom(flags: readonly string[]): ListFilters | undefined {
	if (flags.length === 0) {
		return undefined;
	}

	try {
		return parseFilterFlags(flags);
	} catch (error) {
		throw new ConfigError((error as Error).message);
	}
}
