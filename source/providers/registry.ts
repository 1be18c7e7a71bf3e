import {createLivyProvider} from './livy/livy-provider.js';
import type {Provider} from './provider.js';
import {createSparkProvider} from './spark/spark-provider.js';
import {synapseApiVersions} from './synapse/synapse-client.js';
import {createSynapseProvider} from './synapse/synapse-provider.js';

/** One monitored endpoint, as the command line or a profile describes it. */
export type TargetConfig = {
	readonly name: string;
	readonly provider: string;
	readonly endpoint?: string;
	readonly username?: string;
	readonly password?: string;
	readonly region?: string;
	readonly workspace?: string;
	readonly pool?: string;
	readonly projectId?: string;
	/** A command that prints a bearer token (Synapse). */
	readonly tokenCommand?: string;
	/** The livyApi version (Synapse). */
	readonly apiVersion?: string;
};

type Factory = {
	readonly create: (config: TargetConfig & {endpoint: string}) => Provider;
	/** Where the service lives when no --endpoint is given, from the other settings. */
	readonly defaultEndpoint?: (config: TargetConfig) => string | undefined;
};

/** Adding a provider is adding its folder and one entry here. */
const factories: Readonly<Record<string, Factory>> = {
	livy: {
		create: config =>
			createLivyProvider({
				target: config.name,
				endpoint: config.endpoint,
				credentials: credentialsOf(config),
			}),
	},
	spark: {
		create: config =>
			createSparkProvider({
				target: config.name,
				endpoint: config.endpoint,
				credentials: credentialsOf(config),
			}),
	},
	synapse: {
		create(config) {
			const apiVersion = config.apiVersion ?? synapseApiVersions[0];
			if (!(synapseApiVersions as readonly string[]).includes(apiVersion)) {
				throw new ConfigError(
					`target "${config.name}": livyApi version "${apiVersion}" is not one sparktop knows (${synapseApiVersions.join(', ')})`,
				);
			}

			return createSynapseProvider({
				target: config.name,
				endpoint: config.endpoint,
				pool: required(config, 'pool', '--pool'),
				apiVersion,
				tokenCommand: config.tokenCommand,
			});
		},
		defaultEndpoint: config =>
			config.workspace
				? `https://${config.workspace}.dev.azuresynapse.net`
				: undefined,
	},
};

export const providerIds = Object.keys(factories);

export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

export function createProvider(config: TargetConfig): Provider {
	const factory = factories[config.provider];
	if (!factory) {
		throw new ConfigError(
			`unknown provider "${config.provider}" (known: ${providerIds.join(', ')})`,
		);
	}

	const endpoint = config.endpoint ?? factory.defaultEndpoint?.(config);
	if (!endpoint) {
		throw new ConfigError(
			`target "${config.name}" (${config.provider}) needs an endpoint URL (--endpoint)`,
		);
	}

	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		throw new ConfigError(`target "${config.name}": endpoint is not a URL`);
	}

	if (url.username || url.password) {
		throw new ConfigError(
			`target "${config.name}": put credentials in the profile or environment, not in the endpoint URL`,
		);
	}

	return factory.create({...config, endpoint});
}

function required<Name extends keyof TargetConfig>(
	config: TargetConfig,
	name: Name,
	flag: string,
): NonNullable<TargetConfig[Name]> {
	const value = config[name];
	if (value === undefined || value === '') {
		throw new ConfigError(
			`target "${config.name}" (${config.provider}) needs ${flag}`,
		);
	}

	return value;
}

function credentialsOf(config: TargetConfig) {
	return config.username === undefined
		? undefined
		: {username: config.username, password: config.password ?? ''};
}
