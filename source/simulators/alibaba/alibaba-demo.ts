import {echoJson} from '../simulator-module.js';
import {alibabaTestCredentials} from './pop-gateway.js';

/** The settings of a demo target behind the simulated POP gateway: its test keys and a region. */
export function alibabaDemoSettings(
	url: string,
	workspace: string,
): Readonly<Record<string, string>> {
	return {
		endpoint: url,
		workspace,
		region: 'cn-hangzhou',
		credentialCommand: echoJson({
			mode: 'AK',
			access_key_id: alibabaTestCredentials.accessKeyId,
			access_key_secret: alibabaTestCredentials.accessKeySecret,
		}),
	};
}

export const alibabaTestKeys = `AccessKey ${alibabaTestCredentials.accessKeyId} / ${alibabaTestCredentials.accessKeySecret} (ACS3-HMAC-SHA256)`;
