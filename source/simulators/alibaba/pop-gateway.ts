import {randomUUID} from 'node:crypto';
import {sha256Hex, signAcs3} from '../../providers/alibaba/acs3-signer.js';
import {
	json,
	requestUrl,
	type SimRequest,
	type SimResponse,
} from '../sim-server.js';

/** The test key pair of the signing vectors. */
export const alibabaTestCredentials = {
	accessKeyId: 'testAccessKeyId',
	accessKeySecret: 'testAccessKeySecret',
} as const;

/** How far a signature's date may be from the gateway's clock, at Alibaba's and Huawei's gateways alike. */
export const signatureLifetimeMs = 15 * 60_000;

/** The STS token the gateway accepts with the test keys, when one is sent. */
export const alibabaTestSecurityToken = 'sts-token';

/** A POP gateway error body, as the real gateway writes it. */
export function popError(
	where: {readonly host: string; readonly product: string},
	status: number,
	code: string,
	message: string,
): SimResponse {
	const {host, product} = where;
	const requestId = randomUUID().toUpperCase();
	return json(status, {
		RequestId: requestId,
		HostId: host,
		Code: code,
		Message: message,
		Recommend: `https://api.alibabacloud.com/troubleshoot?q=${code}&product=${product}&requestId=${requestId}`,
	});
}

/**
 * What the gateway checks before a request reaches the product: the ACS3 signature over the
 * headers it names (recomputed from the decoded query and raw path), the body hash, the version,
 * and that no nonce is used twice. Undefined when the request passes.
 */
export function popGatewayRefusal(
	request: SimRequest,
	options: {readonly version: string; readonly product: string},
	nonces: Set<string>,
): SimResponse | undefined {
	const host = String(request.headers.host ?? '');
	const refuse = (status: number, code: string, message: string) =>
		popError({host, product: options.product}, status, code, message);
	const parsed =
		/^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([\da-f]+)$/v.exec(
			String(request.headers.authorization ?? ''),
		);
	if (!parsed) {
		return refuse(
			400,
			'IncompleteSignature',
			'The request signature does not conform to Aliyun standards.',
		);
	}

	const [, accessKeyId, signedHeaders, signature] = parsed;
	if (accessKeyId !== alibabaTestCredentials.accessKeyId) {
		return refuse(
			404,
			'InvalidAccessKeyId.NotFound',
			'Specified access key is not found.',
		);
	}

	// The gateway refuses a request dated more than 15 minutes from its own clock.
	const signedAt = Date.parse(String(request.headers['x-acs-date'] ?? ''));
	if (
		Number.isNaN(signedAt) ||
		Math.abs(request.receivedAt - signedAt) > signatureLifetimeMs
	) {
		return refuse(
			400,
			'InvalidTimeStamp.Expired',
			'Specified time stamp or date value is expired.',
		);
	}

	if (request.headers['x-acs-version'] !== options.version) {
		return refuse(
			400,
			'InvalidVersion',
			`Specified parameter Version is not valid.`,
		);
	}

	if (request.headers['x-acs-content-sha256'] !== sha256Hex(request.body)) {
		return refuse(
			400,
			'SignatureDoesNotMatch',
			'The content hash does not match the body.',
		);
	}

	const names = signedHeaders!.split(';');
	const headers = Object.fromEntries(
		names.map(name => [name, String(request.headers[name] ?? '')]),
	);
	const expected = signAcs3(
		{
			method: request.method,
			url: requestUrl(request),
			headers,
			body: request.body,
		},
		alibabaTestCredentials,
	).authorization;
	if (!expected.endsWith(`Signature=${signature}`)) {
		return refuse(
			400,
			'SignatureDoesNotMatch',
			'Specified signature is not matched with our calculation.',
		);
	}

	// Temporary credentials: the token must be the one issued with the keys, and signed.
	const token = request.headers['x-acs-security-token'];
	if (token !== undefined) {
		if (token !== alibabaTestSecurityToken) {
			return refuse(
				400,
				'InvalidSecurityToken.Mismatch',
				'Specified SecurityToken is mismatch with the AccessKey.',
			);
		}

		if (!names.includes('x-acs-security-token')) {
			return refuse(
				400,
				'IncompleteSignature',
				'The security token must be signed.',
			);
		}
	}

	const nonce = String(request.headers['x-acs-signature-nonce'] ?? '');
	if (nonces.has(nonce)) {
		return refuse(
			400,
			'SignatureNonceUsed',
			'Specified signature nonce was used already.',
		);
	}

	nonces.add(nonce);
	if (nonces.size > 100_000) {
		nonces.clear();
	}

	return undefined;
}
