import {randomUUID} from 'node:crypto';
import {signAksk} from '../../providers/dli/aksk-signer.js';
import {signatureLifetimeMs} from '../alibaba/pop-gateway.js';
import {
	json,
	requestUrl,
	type SimRequest,
	type SimResponse,
} from '../sim-server.js';

/** The test key pair: the public example pair of Huawei's signing guide. */
export const dliTestCredentials = {
	accessKey: 'QTWAOYTTINDUT2QVKYUC',
	secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
} as const;
export const dliTestToken = 'MIIsim-iam-token-for-tests';

/** A JSON answer with the request id header every DLI and gateway answer carries. */
export const dliAnswer = (status: number, body: unknown) =>
	json(status, body, {'x-request-id': randomUUID().replaceAll('-', '')});

/**
 * What Huawei's API gateway checks before DLI sees a request: an IAM token, or an AK/SK signature
 * recomputed over the headers it names. Undefined when the request passes.
 */
export function dliGatewayRefusal(
	request: SimRequest,
): SimResponse | undefined {
	if (request.headers['x-auth-token'] !== undefined) {
		return request.headers['x-auth-token'] === dliTestToken
			? undefined
			: dliAnswer(401, {
					error_msg: 'The token must be updated.',
					error_code: 'APIGW.0307',
					request_id: randomUUID().replaceAll('-', ''),
				});
	}

	const authorization = String(request.headers.authorization ?? '');
	const parsed =
		/^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([\da-f]+)$/v.exec(
			authorization,
		);
	const refuse = (message: string) =>
		dliAnswer(401, {
			error_msg: `Incorrect IAM authentication information: ${message}`,
			error_code: 'APIGW.0301',
			request_id: randomUUID().replaceAll('-', ''),
		});
	if (!parsed) {
		return refuse('Authorization header missing or malformed');
	}

	const [, access, signedHeaders, signature] = parsed;
	if (access !== dliTestCredentials.accessKey) {
		return refuse('ak not found');
	}

	const names = signedHeaders!.split(';');
	if (!names.includes('host') || !names.includes('x-sdk-date')) {
		return refuse('host and x-sdk-date must be signed');
	}

	const signedAt = Date.parse(
		String(request.headers['x-sdk-date'] ?? '').replace(
			/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/v,
			'$1-$2-$3T$4:$5:$6Z',
		),
	);
	if (
		Number.isNaN(signedAt) ||
		Math.abs(request.receivedAt - signedAt) > signatureLifetimeMs
	) {
		return refuse('calc ak sk signature fail:signature expired');
	}

	const headers = Object.fromEntries(
		names.map(name => [name, String(request.headers[name] ?? '')]),
	);
	const expected = signAksk(
		{
			method: request.method,
			url: requestUrl(request),
			headers,
			body: request.body === '' ? undefined : request.body,
		},
		dliTestCredentials,
	).authorization;
	return expected.endsWith(`Signature=${signature}`)
		? undefined
		: refuse('verify aksk signature fail');
}
