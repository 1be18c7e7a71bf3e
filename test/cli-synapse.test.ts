import assert from 'node:assert/strict';
import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {describe, type TestContext, test} from 'node:test';
import {
	synapseTestPool,
	synapseTestToken,
} from '../source/simulators/synapse/synapse-simulator.js';
import {scenario} from './helpers/simulators.js';
import {onceJsonOf, runCli} from './helpers/spawn-cli.js';
import {tempFolder} from './helpers/temp-files.js';

/** A Synapse simulator of the test's own, and the flags that watch it. */
async function synapse(t: TestContext) {
	const {url} = await scenario(t, {only: 'synapse', now: true});
	return {
		url,
		args: [
			'--provider',
			'synapse',
			'--endpoint',
			url,
			'--pool',
			synapseTestPool,
		],
	};
}

/** A stand-in `az` on PATH: records its arguments in az.log and answers as the Azure CLI does. */
function fakeAz(t: TestContext, script: string) {
	const folder = tempFolder(t);
	const file = path.join(folder, 'az');
	writeFileSync(
		file,
		`#!/bin/sh\necho "$@" >> "${folder}/az.log"\n${script}\n`,
	);
	chmodSync(file, 0o755);
	return {
		env: {PATH: `${folder}:${process.env['PATH'] ?? ''}`},
		log: path.join(folder, 'az.log'),
	};
}

describe('sparktop --once on Synapse', () => {
	test('sessions --once --json with --token-command prints the sessions as model objects', async t => {
		const {args} = await synapse(t);
		const result = await runCli([
			'sessions',
			'--once',
			'--json',
			...args,
			'--token-command',
			`echo ${synapseTestToken}`,
		]);
		assert.equal(result.code, 0, result.stderr);
		const sessions = onceJsonOf(result.stdout)['runs'] as Array<{
			key: string;
			kind: string;
			provider: string;
			owner?: string;
			queue?: string;
		}>;
		assert.ok(sessions.length >= 3);
		assert.ok(
			sessions.every(
				run => run.kind === 'session' && run.provider === 'synapse',
			),
		);
		assert.ok(sessions.some(run => run.owner === 'alice@contoso.com'));
		assert.ok(!result.stdout.includes(synapseTestToken));
	});

	test('without --token-command, DefaultAzureCredential gets the token from the Azure CLI login', async t => {
		const {args} = await synapse(t);
		const {env, log} = fakeAz(
			t,
			`printf '{"accessToken": "%s", "expiresOn": "2099-01-01 00:00:00.000000", "expires_on": 4070908800, "tokenType": "Bearer"}' '${synapseTestToken}'`,
		);
		const result = await runCli(['runs', '--once', '--json', ...args], env);
		assert.equal(result.code, 0, result.stderr);
		assert.ok((onceJsonOf(result.stdout)['runs'] as unknown[]).length > 20);
		const calls = readFileSync(log, 'utf8');
		assert.match(
			calls,
			/account get-access-token --output json --resource https:\/\/dev\.azuresynapse\.net/v,
		);
	});

	test('no Azure login: exit 1 with what DefaultAzureCredential said', async t => {
		const {args} = await synapse(t);
		const {env} = fakeAz(
			t,
			`echo "ERROR: Please run 'az login' to setup account." >&2\nexit 1`,
		);
		const result = await runCli(['runs', '--once', ...args], env);
		assert.equal(result.code, 1);
		assert.match(
			result.stderr,
			/synapse getCredentials: no credentials from DefaultAzureCredential: Please run 'az login'/v,
		);
	});

	test('--pool is required, the api version must be known', async t => {
		const {url, args} = await synapse(t);
		const noPool = await runCli([
			'runs',
			'--once',
			'--provider',
			'synapse',
			'--endpoint',
			url,
		]);
		assert.equal(noPool.code, 2);
		assert.match(noPool.stderr, /needs --pool/v);
		const badVersion = await runCli([
			'runs',
			'--once',
			...args,
			'--api-version',
			'2099-01-01',
		]);
		assert.equal(badVersion.code, 2);
		assert.match(badVersion.stderr, /2019-11-01-preview, 2020-12-01/v);
	});
});
