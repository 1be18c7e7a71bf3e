import {createHash, createHmac, randomBytes} from 'node:crypto';
import {canonicalPath, canonicalQuery} from '../auth/rfc3986.js';

/** Alibaba Cloud's V3 request signature (ACS3-HMAC-SHA256), for ROA and RPC APIs alike. */

export type AlibabaCredentials = {
	readonly accessKeyId: string;
	readonly accessKeySecret: string;
	/** STS credentials come with a security token. */
	readonly securityToken?: string;
};

export type Acs3Request = {
	readonly method: string;
	readonly url: URL;
	/** Every header of the request; host, content-type and x-acs-* ones are signed. */
	readonly headers: Readonly<Record<string, string>>;
	readonly body?: string;
};

export type Acs3Signature = {
	readonly authorization: string;
	readonly canonicalRequest: string;
	readonly stringToSign: string;
};

const algorithm = 'ACS3-HMAC-SHA256';

export const sha256Hex = (data: string) =>
	createHash('sha256').update(data, 'utf8').digest('hex');

const signed = (name: string) =>
	name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

export function signAcs3(
	request: Acs3Request,
	credentials: Pick<AlibabaCredentials, 'accessKeyId' | 'accessKeySecret'>,
): Acs3Signature {
	const headers = Object.entries(request.headers)
		.map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
		.filter(([name]) => signed(name))
		.toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const signedHeaders = headers.map(([name]) => name).join(';');
	const canonicalRequest = [
		request.method.toUpperCase(),
		canonicalPath(request.url) || '/',
		canonicalQuery(request.url),
		headers.map(([name, value]) => `${name}:${value}\n`).join(''),
		signedHeaders,
		sha256Hex(request.body ?? ''),
	].join('\n');
	const stringToSign = `${algorithm}\n${sha256Hex(canonicalRequest)}`;
	const signature = createHmac('sha256', credentials.accessKeySecret)
		.update(stringToSign, 'utf8')
		.digest('hex');
	return {
		authorization: `${algorithm} Credential=${credentials.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`,
		canonicalRequest,
		stringToSign,
	};
}

/** The x-acs-* headers a request needs before it is signed: a fresh nonce every time, retries too. */
export function acs3Headers(options: {
	readonly action: string;
	readonly version: string;
	readonly body?: string;
	readonly now: number;
	readonly credentials: AlibabaCredentials;
}): Record<string, string> {
	return {
		'x-acs-action': options.action,
		'x-acs-version': options.version,
		'x-acs-date': new Date(options.now).toISOString().replace(/\.\d+Z$/v, 'Z'),
		'x-acs-signature-nonce': randomBytes(16).toString('hex'),
		'x-acs-content-sha256': sha256Hex(options.body ?? ''),
		...(options.credentials.securityToken
			? {
					'x-acs-security-token': options.credentials.securityToken,
					'x-acs-accesskey-id': options.credentials.accessKeyId,
				}
			: {}),
	};
}
