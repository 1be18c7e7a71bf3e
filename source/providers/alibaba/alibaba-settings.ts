import {CachedCredential} from '../auth/cached-credential.js';
import {
	SetupError,
	type Setting,
	type TargetSetup,
} from '../provider-module.js';
import type {AlibabaCredentials} from './acs3-signer.js';
import {
	alibabaCredentialSource,
	aliyunCliRegion,
} from './alibaba-credentials.js';

/** The settings both Alibaba providers read the same way. */
export const alibabaSettings = {
	region: {
		flag: 'region',
		configKey: 'region',
		placeholder: 'R',
		help: 'region, e.g. cn-hangzhou (gives the endpoint)',
		env: 'ALIBABA_CLOUD_REGION_ID',
		fallback: env => aliyunCliRegion(env),
		fallbackFrom: "the aliyun CLI profile's region_id",
	},
	credentialCommand: {
		flag: 'credential-command',
		configKey: 'credentialCommand',
		placeholder: 'CMD',
		help: "a command that prints credentials as JSON (the aliyun CLI's External mode, or STS's answer)",
	},
} as const satisfies Readonly<Record<string, Setting>>;

export const alibabaEndpointFrom =
	'--region, ALIBABA_CLOUD_REGION_ID or the aliyun CLI profile';

/** Credentials from the credential command, the environment, the aliyun CLI config or the SDK file. */
export function alibabaCredentials(
	setup: TargetSetup<'credentialCommand'>,
	provider: string,
): CachedCredential<AlibabaCredentials> {
	const {credentialCommand} = setup.settings;
	const found = alibabaCredentialSource({
		credentialCommand:
			credentialCommand === undefined
				? undefined
				: {
						command: credentialCommand,
						origin: setup.origin('credentialCommand'),
					},
		env: setup.env,
	});
	if (!found.ok) {
		throw new SetupError(found.reason);
	}

	return new CachedCredential({
		source: found.source,
		provider,
		secretsOf: credentials =>
			[credentials.accessKeySecret, credentials.securityToken ?? ''].filter(
				Boolean,
			),
	});
}
