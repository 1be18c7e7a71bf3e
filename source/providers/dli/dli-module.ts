import {CachedToken, commandTokenSource} from '../auth/bearer-token.js';
import {CachedCredential} from '../auth/cached-credential.js';
import {livyRunStates} from '../livy/livy-states.js';
import {
	defineProvider,
	endpointSetting,
	SetupError,
	type TargetSetup,
} from '../provider-module.js';
import type {DliAuth} from './dli-client.js';
import {createDliProvider, dliFilters} from './dli-provider.js';
import {dliSqlStates} from './dli-states.js';
import {
	huaweiCredentialSource,
	readCredentialsFile,
} from './huawei-credentials.js';

type DliSetup = TargetSetup<'tokenCommand' | 'credentialCommand'>;

/** An IAM token from the token command, else AK/SK from the credential command, environment or file. */
function dliAuth(setup: DliSetup): DliAuth {
	const {tokenCommand, credentialCommand} = setup.settings;
	if (tokenCommand !== undefined) {
		return {
			kind: 'token',
			token: new CachedToken(
				commandTokenSource({
					command: tokenCommand,
					origin: setup.origin('tokenCommand'),
				}),
				'dli',
			),
		};
	}

	const file = readCredentialsFile(setup.env);
	const source = huaweiCredentialSource({
		credentialCommand:
			credentialCommand === undefined
				? undefined
				: {
						command: credentialCommand,
						origin: setup.origin('credentialCommand'),
					},
		env: setup.env,
		file,
	});
	if (!source) {
		throw new SetupError(
			`no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, write them to ${file.path} ([basic] ak, sk), or give a credential command or a token command`,
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

export const dliModule = defineProvider({
	id: 'dli',
	title:
		'Huawei Cloud DLI: SQL jobs with live Spark sub-job bars, Spark batches',
	settings: {
		endpoint: {
			...endpointSetting('https://dli.REGION.myhuaweicloud.com'),
			fallbackFrom: '--region or HUAWEICLOUD_SDK_REGION',
		},
		region: {
			flag: 'region',
			configKey: 'region',
			placeholder: 'R',
			help: 'region, e.g. cn-north-4 (gives the endpoint)',
			env: 'HUAWEICLOUD_SDK_REGION',
		},
		projectId: {
			flag: 'project-id',
			configKey: 'projectId',
			placeholder: 'P',
			help: 'project id',
			env: 'HUAWEICLOUD_SDK_PROJECT_ID',
			fallback: env => readCredentialsFile(env).projectId,
			fallbackFrom:
				'project_id in ~/.huaweicloud/credentials (HUAWEICLOUD_SDK_CREDENTIALS_FILE)',
			required: true,
		},
		tokenCommand: {
			flag: 'token-command',
			configKey: 'tokenCommand',
			placeholder: 'CMD',
			help: 'a command that prints an IAM token (sent as X-Auth-Token instead of AK/SK signing)',
		},
		credentialCommand: {
			flag: 'credential-command',
			configKey: 'credentialCommand',
			placeholder: 'CMD',
			help: 'a command that prints AK/SK as JSON ({"ak","sk","security_token"} or IAM\'s temporary credentials)',
		},
	},
	filters: dliFilters,
	defaultEndpoint({region}) {
		if (!region) {
			return undefined;
		}

		// The one region the SDK's table puts under the .eu domain.
		const domain =
			region === 'eu-west-101' ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
		return `https://dli.${region}.${domain}`;
	},
	states: {sqlJobs: dliSqlStates, batches: livyRunStates},
	create: setup =>
		createDliProvider({
			target: setup.name,
			maxRuns: setup.maxRuns,
			endpoint: setup.endpoint,
			projectId: setup.settings.projectId!,
			auth: dliAuth(setup),
			filters: setup.filters,
		}),
});
