import assert from 'node:assert/strict';
import {test} from 'node:test';
import {simulatorModules} from '../source/simulators/simulator-list.js';
import {scenario} from './helpers/simulators.js';
import {runCli} from './helpers/spawn-cli.js';
import {configFile} from './helpers/temp-files.js';

type Line = {mark: string; check: string; detail: string; fix?: string};

/** Each target's check lines, by target name, with the fix under a line attached to it. */
function report(stdout: string): Map<string, Line[]> {
	const targets = new Map<string, Line[]>();
	let current: Line[] = [];
	for (const line of stdout.split('\n')) {
		const target = /^target "([^"]+)"/v.exec(line);
		const check = /^ {2}(\S) (\w+) +(.*)$/v.exec(line);
		const fix = /^ +fix: (.*)$/v.exec(line);
		if (target) {
			current = [];
			targets.set(target[1]!, current);
		} else if (fix) {
			current.at(-1)!.fix = fix[1];
		} else if (check) {
			current.push({mark: check[1]!, check: check[2]!, detail: check[3]!});
		}
	}

	return targets;
}

const checks = [
	'config',
	'credentials',
	'reachable',
	'authenticated',
	'clock',
	'list',
];

/** A config file with one profile per simulator, as its demo target, with `change` applied. */
function profiles(
	t: Parameters<typeof configFile>[0],
	servers: Readonly<Record<string, {url: string} | undefined>>,
	change?: (id: string, settings: Record<string, string>) => void,
): string {
	return configFile(t, {
		profiles: Object.fromEntries(
			simulatorModules.flatMap(module => {
				const server = servers[module.id];
				if (!server) {
					return [];
				}

				const {provider, settings} = module.demoTarget(server.url);
				const copy = {...settings};
				change?.(module.id, copy);
				return [[module.id, {provider, ...copy}]];
			}),
		),
	});
}

test('doctor passes every check against every simulator, one line each, and exits 0', async t => {
	const {servers} = await scenario(t, {atSeconds: 30, now: true});
	const config = profiles(t, servers);
	const result = await runCli(['doctor', '--config', config]);
	assert.equal(result.code, 0, result.stdout + result.stderr);
	const targets = report(result.stdout);
	assert.deepEqual(
		[...targets.keys()],
		simulatorModules.map(module => module.id),
	);
	for (const [name, lines] of targets) {
		assert.deepEqual(
			lines.map(line => `${line.mark} ${line.check}`),
			checks.map(check => `✓ ${check}`),
			name,
		);
	}

	// Credentials say where they came from and whom they name, never the secret.
	assert.match(
		targets.get('dli')![1]!.detail,
		/^AK QTWA…KYUC, from the command of "credentialCommand" of profile "dli"$/v,
	);
	assert.match(
		targets.get('emr-serverless')![1]!.detail,
		/^AccessKey test…eyId/v,
	);
	assert.match(
		targets.get('synapse')![1]!.detail,
		/^user oncall@contoso\.com/v,
	);
	assert.doesNotMatch(result.stdout, /MFyfvK41|testAccessKeySecret/v);
	assert.match(targets.get('livy')![5]!.detail, /^\d+ runs in \d+ ms$/v);
});

test('--profile picks one target; a wrong secret fails authenticated with the identity and a fix', async t => {
	const {servers} = await scenario(t, {atSeconds: 30, now: true});
	const config = profiles(t, servers, (id, settings) => {
		if (id === 'dli' || id === 'emr-serverless') {
			settings['credentialCommand'] = settings['credentialCommand']!.replace(
				/("(?:sk|access_key_secret)":")[^"]+/v,
				'$1wrong-secret',
			);
		}

		if (id === 'synapse') {
			settings['tokenCommand'] = 'echo not-the-token';
		}
	});
	for (const profile of ['dli', 'emr-serverless', 'synapse']) {
		const result = await runCli([
			'doctor',
			'--config',
			config,
			'--profile',
			profile,
		]);
		assert.equal(result.code, 1, profile);
		const lines = report(result.stdout).get(profile)!;
		assert.deepEqual(
			lines.map(line => line.mark),
			['✓', '✓', '✓', '✗', '✓', '-'],
			`${profile}: ${result.stdout}`,
		);
		const auth = lines[3]!;
		assert.match(
			auth.fix ?? '',
			/^the server refused .+ from the command of/v,
			profile,
		);
		assert.doesNotMatch(result.stdout, /wrong-secret/v);
	}
});

test('a server clock 20 minutes ahead fails clock, and the refused signature says to fix the clock first', async t => {
	const {servers} = await scenario(t, {
		atSeconds: 30,
		now: true,
		serverSkewMs: 20 * 60_000,
	});
	const config = profiles(t, servers);
	const result = await runCli(['doctor', '--config', config]);
	assert.equal(result.code, 1);
	const targets = report(result.stdout);
	for (const signed of ['dli', 'emr-serverless', 'dla']) {
		const lines = targets.get(signed)!;
		assert.equal(lines[4]!.mark, '✗', signed);
		assert.match(
			lines[4]!.detail,
			/^this host is 20\.0 min behind the server$/v,
		);
		assert.match(lines[4]!.fix ?? '', /sync this host/v);
		assert.equal(lines[3]!.mark, '✗', `${signed} is refused`);
		assert.match(lines[3]!.fix ?? '', /first fix the clock/v);
	}

	// A service that signs nothing still lists; its clock line still fails.
	const livy = targets.get('livy')!;
	assert.deepEqual(
		livy.map(line => line.mark),
		['✓', '✓', '✓', '✓', '✗', '✓'],
	);
});

test('an endpoint nothing listens on, or that speaks no TLS, fails reachable with a fix and skips the rest', async t => {
	const {url} = await scenario(t, {only: 'livy', atSeconds: 5, now: true});
	const refused = await runCli([
		'doctor',
		'--provider',
		'livy',
		'--endpoint',
		'http://127.0.0.1:1',
	]);
	assert.equal(refused.code, 1);
	const lines = report(refused.stdout).get('livy')!;
	assert.deepEqual(
		lines.map(line => line.mark),
		['✓', '✓', '✗', '-', '-', '-'],
	);
	assert.match(
		lines[2]!.detail,
		/^TCP: 127\.0\.0\.1:1 refused the connection$/v,
	);
	assert.match(lines[2]!.fix ?? '', /listening on that port/v);

	const plain = await runCli([
		'doctor',
		'--provider',
		'livy',
		'--endpoint',
		url.replace('http:', 'https:'),
	]);
	assert.equal(plain.code, 1);
	const tls = report(plain.stdout).get('livy')![2]!;
	assert.equal(tls.mark, '✗');
	assert.match(tls.detail, /^TLS: /v);
	assert.match(tls.fix ?? '', /http:\/\/ endpoint may be meant/v);
});

test('an incomplete profile fails config and says where to complete it; no targets at all is one failed line', async t => {
	const {servers} = await scenario(t, {only: 'dli', atSeconds: 5, now: true});
	const config = profiles(t, servers, (_id, settings) => {
		delete settings['projectId'];
	});
	const result = await runCli(['doctor', '--config', config], {
		HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent',
	});
	assert.equal(result.code, 1);
	const lines = report(result.stdout).get('dli')!;
	assert.equal(lines[0]!.mark, '✗');
	assert.match(lines[0]!.detail, /needs "projectId" of profile "dli"/v);
	assert.match(
		lines[0]!.fix ?? '',
		/^complete profile "dli" in .*config\.json/v,
	);
	assert.deepEqual(
		lines.slice(1).map(line => line.mark),
		['-', '-', '-', '-', '-'],
	);

	const none = await runCli(['doctor', '--config', configFile(t, {})]);
	assert.equal(none.code, 1);
	assert.match(
		none.stdout,
		/^no target\n {2}✗ config +nothing to watch: .+\n +fix: write a profile in /v,
	);
});
