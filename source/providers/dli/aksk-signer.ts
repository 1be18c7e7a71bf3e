import {createHash, createHmac} from 'node:crypto';
import {canonicalPath, canonicalQuery} from '../auth/rfc3986.js';

/** Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256), as the official SDKs and the signing guide do it. */

export type AkskCredentials = {
	readonly accessKey: string;
	readonly secretKey: string;
	/** Temporary credentials come with a security token, sent as X-Security-Token. */
	readonly securityToken?: string;
};

export type AkskRequest = {
	readonly method: string;
	readonly url: URL;
	/** The headers to sign, `host` and `x-sdk-date` among them; names in any case. */
	readonly headers: Readonly<Record<string, string>>;
	readonly body?: string;
};

export type AkskSignature = {
	readonly authorization: string;
	readonly signedHeaders: string;
	readonly canonicalRequest: string;
	readonly stringToSign: string;
};

const algorithm = 'SDK-HMAC-SHA256';

/** `20191115T033655Z`, the X-Sdk-Date format. */
export function sdkDate(at: number): string {
	return new Date(at)
		.toISOString()
		.replaceAll(/[\-:]/gv, '')
		.replace(/\.\d+/v, '');
}

const sha256Hex = (data: string) =>
	createHash('sha256').update(data, 'utf8').digest('hex');

export function signAksk(
	request: AkskRequest,
	credentials: AkskCredentials,
): AkskSignature {
	const headers = Object.entries(request.headers)
		.map(([name, value]) => [name.toLowerCase(), value] as const)
		.toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const date = headers.find(([name]) => name === 'x-sdk-date')?.[1];
	if (!date) {
		throw new Error('AK/SK signing needs an X-Sdk-Date header');
	}

	const signedHeaders = headers.map(([name]) => name).join(';');
	const path = canonicalPath(request.url);
	const canonicalRequest = [
		request.method.toUpperCase(),
		path.endsWith('/') ? path : `${path}/`,
		canonicalQuery(request.url),
		headers.map(([name, value]) => `${name}:${value}\n`).join(''),
		signedHeaders,
		sha256Hex(request.body ?? ''),
	].join('\n');
	const stringToSign = [algorithm, date, sha256Hex(canonicalRequest)].join(
		'\n',
	);
	const signature = createHmac('sha256', credentials.secretKey)
		.update(stringToSign, 'utf8')
		.digest('hex');
	return {
		authorization: `${algorithm} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
		signedHeaders,
		canonicalRequest,
		stringToSign,
	};
}
