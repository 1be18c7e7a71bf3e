import assert from 'node:assert/strict';
import OpenApiUtil from '@alicloud/openapi-util';
import {AKSKSigner} from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';

/**
 * The vendors' own signers, run over requests as they arrived at a simulator: the simulators check
 * signatures with sparktop's signer, so a bug in it would pass there; here it cannot.
 */

export type AlibabaKeys = {
	readonly accessKeyId: string;
	readonly accessKeySecret: string;
};

export type HuaweiKeys = {
	readonly accessKey: string;
	readonly secretKey: string;
};

/** A wire request, as signers see it: method, raw path, decoded query, lower-case headers, body. */
export type WireRequest = {
	readonly method: string;
	readonly path: string;
	readonly query: URLSearchParams;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
	readonly body: string;
};

function header(request: WireRequest, name: string): string {
	const value = request.headers[name];
	return Array.isArray(value) ? value.join(',') : (value ?? '');
}

function queryObject(query: URLSearchParams): Record<string, string> {
	return Object.fromEntries(query.entries());
}

/** The Authorization that `@alicloud/openapi-util` computes for the request (ACS3-HMAC-SHA256). */
export function officialAcs3Authorization(
	request: WireRequest,
	keys: AlibabaKeys,
): string {
	const headers: Record<string, string> = {};
	for (const name of Object.keys(request.headers)) {
		headers[name] = header(request, name);
	}

	// A tea Request is a plain holder of these fields.
	const teaRequest = {
		method: request.method,
		pathname: request.path,
		query: queryObject(request.query),
		headers,
	} as unknown as Parameters<typeof OpenApiUtil.default.getAuthorization>[0];
	return OpenApiUtil.default.getAuthorization(
		teaRequest,
		'ACS3-HMAC-SHA256',
		header(request, 'x-acs-content-sha256'),
		keys.accessKeyId,
		keys.accessKeySecret,
	);
}

/** The Authorization that `@huaweicloud/huaweicloud-sdk-core` computes over the headers the request signed. */
export function officialAkskAuthorization(
	request: WireRequest,
	keys: HuaweiKeys,
): string {
	const signed =
		/SignedHeaders=([^,]+)/v.exec(header(request, 'authorization'))?.[1] ?? '';
	const headers: Record<string, string> = {};
	for (const name of signed.split(';')) {
		// The SDK looks its date header up by this spelling.
		headers[name === 'x-sdk-date' ? 'X-Sdk-Date' : name] = header(
			request,
			name,
		);
	}

	const queryParams: Record<string, string[]> = {};
	for (const [name, value] of request.query) {
		(queryParams[name] ??= []).push(value);
	}

	const signedRequest = {
		method: request.method,
		endpoint: `http://${header(request, 'host')}${request.path}`,
		headers,
		queryParams,
		data:
			request.body === '' ? undefined : (JSON.parse(request.body) as unknown),
	};
	const result = AKSKSigner.sign(signedRequest, {
		getAk: () => keys.accessKey,
		getSk: () => keys.secretKey,
	} as unknown as Parameters<typeof AKSKSigner.sign>[1]) as Record<
		string,
		string
	>;
	return result['Authorization'] ?? '';
}

/**
 * Every signed request was signed as the vendor's own library signs it, with one of the keys the
 * test used (a test that sends a wrong secret on purpose names that one too).
 */
export function assertSignedAsVendorsDo<Keys>(
	requests: readonly WireRequest[],
	official: (request: WireRequest, keys: Keys) => string,
	keys: readonly Keys[],
): void {
	for (const request of requests) {
		const sent = header(request, 'authorization');
		if (sent === '') {
			continue;
		}

		const computed = keys.map(candidate => official(request, candidate));
		assert.ok(
			computed.includes(sent),
			`${request.method} ${request.path} was signed\n  ${sent}\nwhere the vendor's library signs\n  ${computed.join('\n  ')}`,
		);
	}
}
