import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {sdkDate, signAksk} from '../source/providers/dli/aksk-signer.js';
import {contractsRoot} from './helpers/contracts.js';
import {officialAkskAuthorization} from './helpers/official-signers.js';

type Vector = {
	label: string;
	method: string;
	url: string;
	headers: Record<string, string>;
	// The vector file writes null for "no body".
	// eslint-disable-next-line @typescript-eslint/no-restricted-types
	body: string | null;
	ak: string;
	sk: string;
	canonicalRequest: string;
	stringToSign: string;
	expectedAuthorization: string;
};

const file = JSON.parse(
	readFileSync(path.join(contractsRoot, 'dli/huawei-aksk.vector.json'), 'utf8'),
) as Vector & {additionalVectors: Vector[]};
const vectors = [file, ...file.additionalVectors];

describe('Huawei AK/SK signing reproduces every vector byte for byte', () => {
	for (const vector of vectors) {
		test(vector.label, () => {
			const signature = signAksk(
				{
					method: vector.method,
					url: new URL(vector.url),
					headers: vector.headers,
					body: vector.body ?? undefined,
				},
				{accessKey: vector.ak, secretKey: vector.sk},
			);
			assert.equal(signature.canonicalRequest, vector.canonicalRequest);
			assert.equal(signature.stringToSign, vector.stringToSign);
			assert.equal(signature.authorization, vector.expectedAuthorization);
		});

		test(`${vector.label}: the official SDK agrees, as the provider tests call it`, () => {
			const url = new URL(vector.url);
			const headers = Object.fromEntries(
				Object.entries(vector.headers).map(([name, value]) => [
					name.toLowerCase(),
					value,
				]),
			);
			assert.equal(
				officialAkskAuthorization(
					{
						method: vector.method,
						path: url.pathname,
						query: url.searchParams,
						headers: {...headers, authorization: vector.expectedAuthorization},
						body: vector.body ?? '',
					},
					{accessKey: vector.ak, secretKey: vector.sk},
				),
				vector.expectedAuthorization,
			);
		});
	}

	test('X-Sdk-Date is the compact UTC form', () => {
		assert.equal(
			sdkDate(Date.UTC(2019, 10, 15, 3, 36, 55, 123)),
			'20191115T033655Z',
		);
	});
});
