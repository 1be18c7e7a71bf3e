import process from 'node:process';
import type {AlibabaCredentials} from './alibaba/acs3-signer.js';
import {
	alibabaCredentialSource,
	aliyunCliRegion,
} from './alibaba/alibaba-credentials.js';
import {CachedCredential} from './auth/cached-credential.js';
import {createDlaProvider, dlaFilters} from './dla/dla-provider.js';
import {
	createEmrServerlessProvider,
	emrFilters,
} from './emr-serverless/emr-provider.js';
import {CachedToken, commandTokenSource} from './auth/bearer-token.js';
import type {DliAuth} from './dli/dli-client.js';
import {createDliProvider, dliFilters} from './dli/dli-provider.js';
import {
	huaweiCredentialSource,
	readCredentialsFile,
} from './dli/huawei-credentials.js';
import type {ListFilters} from './list-filters.js';
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
	/** A command that prints credentials (cloud providers; Livy and Spark take a password from it). */
	readonly credentialCommand?: string;
	/** Provider-specific list filters by name (`--filter NAME=VALUE`). */
	readonly filters?: ListFilters;
};

type Factory = {
	readonly create: (
		config: TargetConfig & {endpoint: string},
		env: NodeJS.ProcessEnv,
	) => Provider;
	/** Where the service lives when no --endpoint is given, from the other settings. */
	readonly defaultEndpoint?: (
		config: TargetConfig,
		env: NodeJS.ProcessEnv,
	) => string | undefined;
	/** The list filters it understands, with what each does. */
	readonly filters?: Readonly<Record<string, string>>;
	/** The settings that give the endpoint when --endpoint is left out, for the error message. */
	readonly endpointFrom?: string;
	/** Its credential command prints an HTTP Basic password. */
	readonly passwordFromCommand?: boolean;
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
		passwordFromCommand: true,
	},
	spark: {
		create: config =>
			createSparkProvider({
				target: config.name,
				endpoint: config.endpoint,
				credentials: credentialsOf(config),
			}),
		passwordFromCommand: true,
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
		endpointFrom: '--workspace',
		defaultEndpoint: config =>
			config.workspace
				? `https://${config.workspace}.dev.azuresynapse.net`
				: undefined,
	},
	dli: {
		create(config, env) {
			const file = readCredentialsFile(env);
			const projectId =
				config.projectId ?? env['HUAWEICLOUD_SDK_PROJECT_ID'] ?? file.projectId;
			if (!projectId) {
				throw new ConfigError(
					`target "${config.name}" (dli) needs a project id: --project-id, HUAWEICLOUD_SDK_PROJECT_ID, or project_id in ${file.path}`,
				);
			}

			return createDliProvider({
				target: config.name,
				endpoint: config.endpoint,
				projectId,
				auth: dliAuth(config, env, file),
				filters: config.filters,
			});
		},
		endpointFrom: '--region or HUAWEICLOUD_SDK_REGION',
		defaultEndpoint(config, env) {
			const region = config.region ?? env['HUAWEICLOUD_SDK_REGION'];
			if (!region) {
				return undefined;
			}

			// The one region the SDK's table puts under the .eu domain.
			const domain =
				region === 'eu-west-101' ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
			return `https://dli.${region}.${domain}`;
		},
		filters: dliFilters,
	},
	'emr-serverless': {
		create(config, env) {
			const credentials = alibabaCredentials(config, env);
			return createEmrServerlessProvider({
				target: config.name,
				endpoint: config.endpoint,
				workspaceId: required(config, 'workspace', '--workspace (the w-… id)'),
				regionId: alibabaRegion(config, env),
				credentials,
				filters: config.filters,
			});
		},
		endpointFrom: '--region, ALIBABA_CLOUD_REGION_ID or the aliyun CLI profile',
		defaultEndpoint(config, env) {
			const region = alibabaRegion(config, env);
			return region
				? `https://emr-serverless-spark.${region}.aliyuncs.com`
				: undefined;
		},
		filters: emrFilters,
	},
	dla: {
		create: (config, env) =>
			createDlaProvider({
				target: config.name,
				endpoint: config.endpoint,
				virtualCluster: config.workspace,
				credentials: alibabaCredentials(config, env),
				filters: config.filters,
			}),
		endpointFrom: '--region, ALIBABA_CLOUD_REGION_ID or the aliyun CLI profile',
		defaultEndpoint(config, env) {
			const region = alibabaRegion(config, env);
			if (!region) {
				return undefined;
			}

			// The SDK's endpoint map sends these regions to the product's newer host name.
			const host = dlaNewHostRegions.has(region)
				? 'datalakeanalytics'
				: 'openanalytics';
			return `https://${host}.${region}.aliyuncs.com`;
		},
		filters: dlaFilters,
	},
};

const dlaNewHostRegions = new Set([
	'ap-southeast-2',
	'ap-northeast-1',
	'us-east-1',
	'eu-central-1',
]);

function alibabaRegion(
	config: TargetConfig,
	env: NodeJS.ProcessEnv,
): string | undefined {
	return (
		config.region ?? env['ALIBABA_CLOUD_REGION_ID'] ?? aliyunCliRegion(env)
	);
}

function alibabaCredentials(
	config: TargetConfig,
	env: NodeJS.ProcessEnv,
): CachedCredential<AlibabaCredentials> {
	const found = alibabaCredentialSource({
		credentialCommand: config.credentialCommand,
		env,
	});
	if (!found.ok) {
		throw new ConfigError(
			`target "${config.name}" (${config.provider}): ${found.reason}`,
		);
	}

	return new CachedCredential({
		source: found.source,
		provider: config.provider,
		secretsOf: credentials =>
			[credentials.accessKeySecret, credentials.securityToken ?? ''].filter(
				Boolean,
			),
	});
}

/** An IAM token from --token-command, else AK/SK from the credential command, environment or file. */
function dliAuth(
	config: TargetConfig,
	env: NodeJS.ProcessEnv,
	file: ReturnType<typeof readCredentialsFile>,
): DliAuth {
	if (config.tokenCommand) {
		return {
			kind: 'token',
			token: new CachedToken(commandTokenSource(config.tokenCommand), 'dli'),
		};
	}

	const source = huaweiCredentialSource({
		credentialCommand: config.credentialCommand,
		env,
		file,
	});
	if (!source) {
		throw new ConfigError(
			`target "${config.name}" (dli) has no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, write them to ${file.path} ([basic] ak, sk), or give a credentialCommand or --token-command`,
		);
	}

	return {
		kind: 'aksk',
		credentials: new CachedCredential({
			source,
			provider: 'dli',
			secretsOf: credentials =>
				[credentials.secretKey, credentials.securityToken ?? ''].filter(
					Boolean,
				),
		}),
	};
}

/** Whether a profile's credentialCommand prints a password (rather than cloud credentials). */
export function commandGivesPassword(provider: string): boolean {
	return factories[provider]?.passwordFromCommand === true;
}

export const providerIds = Object.keys(factories);

export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

export function createProvider(
	config: TargetConfig,
	env: NodeJS.ProcessEnv = process.env,
): Provider {
	const factory = factories[config.provider];
	if (!factory) {
		throw new ConfigError(
			`unknown provider "${config.provider}" (known: ${providerIds.join(', ')})`,
		);
	}

	checkFilters(config, factory);
	const endpoint = config.endpoint ?? factory.defaultEndpoint?.(config, env);
	if (!endpoint) {
		throw new ConfigError(
			`target "${config.name}" (${config.provider}) needs an endpoint URL (--endpoint${factory.endpointFrom ? `, or ${factory.endpointFrom}` : ''})`,
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

	return factory.create({...config, endpoint}, env);
}

function checkFilters(config: TargetConfig, factory: Factory): void {
	const known = Object.keys(factory.filters ?? {});
	for (const name of Object.keys(config.filters ?? {})) {
		if (!known.includes(name)) {
			throw new ConfigError(
				known.length === 0
					? `target "${config.name}" (${config.provider}) has no list filters`
					: `target "${config.name}" (${config.provider}) has no filter "${name}" (known: ${known.join(', ')})`,
			);
		}
	}
}

/** The filters a provider understands, for the help text. */
export function filtersOf(provider: string): Readonly<Record<string, string>> {
	return factories[provider]?.filters ?? {};
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
