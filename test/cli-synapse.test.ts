import assert from 'node:assert/strict';
import {
	chmodSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {after, before, describe, test} from 'node:test';
import {
	startSimulators,
	type Simulators,
} from '../source/simulators/start-simulators.js';
import {
	synapseTestPool,
	synapseTestToken,
} from '../source/simulators/synapse/synapse-simulator.js';
import {runCli} from './helpers/spawn-cli.js';

let simulators: Simulators;
let url = '';
let fakeBin = '';

before(async () => {
	simulators = await startSimulators({only: 'synapse'});
	url = simulators.servers['synapse']!.url;
	fakeBin = mkdtempSync(path.join(tmpdir(), 'sparktop-az-'));
});

after(async () => {
	await simulators.close();
	rmSync(fakeBin, {recursive: true, force: true});
});

/** A stand-in `az` on PATH: records its arguments and answers as the Azure CLI does. */
function fakeAz(script: string): Record<string, string> {
	const file = path.join(fakeBin, 'az');
	writeFileSync(
		file,
		`#!/bin/sh\necho "$@" >> "${fakeBin}/az.log"\n${script}\n`,
	);
	chmodSync(file, 0o755);
	return {PATH: `${fakeBin}:${process.env['PATH'] ?? ''}`};
}

const synapseArgs = () => [
	'--provider',
	'synapse',
	'--endpoint',
	url,
	'--pool',
	synapseTestPool,
];

describe('sparktop --once on Synapse', () => {
	test('sessions --once --json with --token-command prints the sessions as model objects', async () => {
		const result = await runCli([
			'sessions',
			'--once',
			'--json',
			...synapseArgs(),
			'--token-command',
			`echo ${synapseTestToken}`,
		]);
		assert.equal(result.code, 0, result.stderr);
		const sessions = JSON.parse(result.stdout) as Array<{
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

	test('without --token-command, DefaultAzureCredential gets the token from the Azure CLI login', async () => {
		rmSync(path.join(fakeBin, 'az.log'), {force: true});
		const env = fakeAz(
			`printf '{"accessToken": "%s", "expiresOn": "2099-01-01 00:00:00.000000", "expires_on": 4070908800, "tokenType": "Bearer"}' '${synapseTestToken}'`,
		);
		const result = await runCli(
			['runs', '--once', '--json', ...synapseArgs()],
			env,
		);
		assert.equal(result.code, 0, result.stderr);
		assert.ok((JSON.parse(result.stdout) as unknown[]).length > 20);
		const calls = readFileSync(path.join(fakeBin, 'az.log'), 'utf8');
		assert.match(
			calls,
			/account get-access-token --output json --resource https:\/\/dev\.azuresynapse\.net/v,
		);
	});

	test('no Azure login: exit 1 with what DefaultAzureCredential said', async () => {
		const env = fakeAz(
			`echo "ERROR: Please run 'az login' to setup account." >&2\nexit 1`,
		);
		const result = await runCli(['runs', '--once', ...synapseArgs()], env);
		assert.equal(result.code, 1);
		assert.match(
			result.stderr,
			/synapse getCredentials: no credentials from DefaultAzureCredential: Please run 'az login'/v,
		);
	});

	test('--pool is required, the api version must be known', async () => {
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
			...synapseArgs(),
			'--api-version',
			'2099-01-01',
		]);
		assert.equal(badVersion.code, 2);
		assert.match(badVersion.stderr, /2019-11-01-preview, 2020-12-01/v);
	});
});
