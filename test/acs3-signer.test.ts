import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {
	acs3Headers,
	signAcs3,
} from '../source/providers/alibaba/acs3-signer.js';
import {contractsRoot} from './helpers/contracts.js';
import {officialAcs3Authorization} from './helpers/official-signers.js';

type Vector = {
	name: string;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: string;
	accessKeyId: string;
	accessKeySecret: string;
	canonicalQueryString: string;
	canonicalRequest: string;
	stringToSign: string;
	expectedAuthorization: string;
};

const file = JSON.parse(
	readFileSync(
		path.join(contractsRoot, 'alibaba/alibaba-acs3.vector.json'),
		'utf8',
	),
) as Vector & {moreVectors: Vector[]};

describe('ACS3-HMAC-SHA256 reproduces every vector byte for byte', () => {
	for (const vector of [file, ...file.moreVectors]) {
		test(vector.name, () => {
			const url = new URL(vector.path, `https://${vector.headers['host']}`);
			for (const [name, value] of Object.entries(vector.query)) {
				url.searchParams.append(name, value);
			}

			const signature = signAcs3(
				{
					method: vector.method,
					url,
					headers: vector.headers,
					body: vector.body,
				},
				vector,
			);
			assert.equal(signature.canonicalRequest, vector.canonicalRequest);
			assert.equal(signature.stringToSign, vector.stringToSign);
			assert.equal(signature.authorization, vector.expectedAuthorization);
		});

		test(`${vector.name}: the official library agrees, as the provider tests call it`, () => {
			assert.equal(
				officialAcs3Authorization(
					{
						method: vector.method,
						path: vector.path,
						query: new URLSearchParams(vector.query),
						headers: vector.headers,
						body: vector.body,
					},
					vector,
				),
				vector.expectedAuthorization,
			);
		});
	}

	test('every request gets its own nonce; STS adds the token and the key id', () => {
		const credentials = {
			accessKeyId: 'STS.id',
			accessKeySecret: 's',
			securityToken: 'tok',
		};
		const one = acs3Headers({
			action: 'ListJobRuns',
			version: '2023-08-08',
			now: Date.UTC(2024, 4, 1, 12),
			credentials,
		});
		const two = acs3Headers({
			action: 'ListJobRuns',
			version: '2023-08-08',
			now: Date.UTC(2024, 4, 1, 12),
			credentials,
		});
		assert.notEqual(one['x-acs-signature-nonce'], two['x-acs-signature-nonce']);
		assert.equal(one['x-acs-date'], '2024-05-01T12:00:00Z');
		assert.equal(one['x-acs-security-token'], 'tok');
		assert.equal(one['x-acs-accesskey-id'], 'STS.id');
		assert.equal(
			one['x-acs-content-sha256'],
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
		);
	});
});
