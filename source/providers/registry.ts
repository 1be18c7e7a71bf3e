import {createLivyProvider} from './livy/livy-provider.js';
import type {Provider} from './provider.js';
import {createSparkProvider} from './spark/spark-provider.js';

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
};

type Factory = (config: TargetConfig & {endpoint: string}) => Provider;

/** Adding a provider is adding its folder and one line here. */
const factories: Readonly<Record<string, Factory>> = {
	livy: config =>
		createLivyProvider({
			target: config.name,
			endpoint: config.endpoint,
			credentials: credentialsOf(config),
		}),
	spark: config =>
		createSparkProvider({
			target: config.name,
			endpoint: config.endpoint,
			credentials: credentialsOf(config),
		}),
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

	if (!config.endpoint) {
		throw new ConfigError(
			`target "${config.name}" (${config.provider}) needs an endpoint URL (--endpoint)`,
		);
	}

	let url: URL;
	try {
		url = new URL(config.endpoint);
	} catch {
		throw new ConfigError(`target "${config.name}": endpoint is not a URL`);
	}

	if (url.username || url.password) {
		throw new ConfigError(
			`target "${config.name}": put credentials in the profile or environment, not in the endpoint URL`,
		);
	}

	return factory({...config, endpoint: config.endpoint});
}

function credentialsOf(config: TargetConfig) {
	return config.username === undefined
		? undefined
		: {username: config.username, password: config.password ?? ''};
}
