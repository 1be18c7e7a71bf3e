import process from 'node:process';
import assert from 'node:assert/strict';
import {describe, type TestContext, test} from 'node:test';
import {formatWhen} from '../source/model/time-format.js';
import {json} from '../source/simulators/sim-server.js';
import {scenario} from './helpers/simulators.js';
import {cliPath, onceJsonOf, runCli, runShell} from './helpers/spawn-cli.js';
import {configFile} from './helpers/temp-files.js';

/** Livy and Spark simulators of the test's own, 4.5 s in: sessions have started and run their first statements. */
async function simulators(t: TestContext) {
	const {servers} = await scenario(t, {atSeconds: 4.5, now: true});
	const livy = servers['livy']!;
	const sparkUrl = servers['spark']!.url;
	/** Runs the cli against the Livy simulator. */
	const onLivy = async (
		args: readonly string[],
		environment: Record<string, string> = {},
	) =>
		runCli(
			[...args, '--provider', 'livy', '--endpoint', livy.url],
			environment,
		);
	return {livy, livyUrl: livy.url, sparkUrl, onLivy};
}

describe('sparktop --once', () => {
	test('runs --once --json prints model objects of every run', async t => {
		const {onLivy} = await simulators(t);
		const result = await onLivy(['runs', '--once', '--json']);
		assert.equal(result.code, 0, result.stderr);
		const runs = onceJsonOf(result.stdout)['runs'] as Array<{
			key: string;
			kind: string;
			state: string;
			raw?: unknown;
		}>;
		assert.ok(
			runs.some(run => run.key === 'livy:session:0' && run.kind === 'session'),
		);
		assert.ok(runs.some(run => run.kind === 'batch'));
		assert.ok(runs.every(run => run.raw === undefined));
	});

	test('sessions --once prints a table of sessions only', async t => {
		const {onLivy} = await simulators(t);
		const result = await onLivy(['sessions', '--once']);
		assert.equal(result.code, 0, result.stderr);
		const [header, ...rows] = result.stdout.trim().split('\n');
		assert.match(header ?? '', /^TARGET\s+KIND\s+ID\s+STATE\s+NAME/v);
		assert.ok(rows.length >= 3);
		assert.ok(rows.every(row => /\bsession\b/v.test(row)));
	});

	test('statements SESSION --once --json and the table form, with escape sequences neutralised', async t => {
		const {onLivy} = await simulators(t);
		const json = await onLivy(['statements', '0', '--once', '--json']);
		assert.equal(json.code, 0, json.stderr);
		const statements = onceJsonOf(json.stdout)['statements'] as Array<{
			id: string;
			code: string;
		}>;
		assert.equal(statements[0]?.code, 'spark.range(1000 * 1000).count()');
		const table = await onLivy(['statements', 'session:0', '--once']);
		assert.equal(table.code, 0, table.stderr);
		assert.match(table.stdout, /spark\.range/v);
		assert.doesNotMatch(table.stdout, /\u001B/v);
	});

	test('progress RUN --once --json prints the Spark jobs of an application', async t => {
		const {sparkUrl} = await simulators(t);
		const result = await runCli([
			'progress',
			'app-20261121090000-0001',
			'--once',
			'--json',
			'--provider',
			'spark',
			'--endpoint',
			sparkUrl,
		]);
		assert.equal(result.code, 0, result.stderr);
		const jobs = (onceJsonOf(result.stdout)['progress'] as {jobs: unknown})
			.jobs as Array<{
			id: number;
			tasks: {total: number};
			stages: {total: number};
		}>;
		assert.ok(jobs.length > 0);
		assert.ok(jobs.every(job => job.tasks.total > 0 && job.stages.total === 3));
	});

	test('profiles from a config file', async t => {
		const {livyUrl, sparkUrl} = await simulators(t);
		const file = configFile(t, {
			profiles: {
				lab: {provider: 'livy', endpoint: livyUrl},
				history: {provider: 'spark', endpoint: sparkUrl},
			},
		});
		const result = await runCli([
			'runs',
			'--once',
			'--json',
			'--config',
			file,
			'--profile',
			'history',
		]);
		assert.equal(result.code, 0, result.stderr);
		const runs = onceJsonOf(result.stdout)['runs'] as Array<{target: string}>;
		assert.ok(runs.length > 0 && runs.every(run => run.target === 'history'));
		const missing = await runCli([
			'runs',
			'--once',
			'--config',
			file,
			'--profile',
			'nope',
		]);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /no profile "nope"/v);
	});

	test('with several targets where one fails, the others are printed; the failed one is named on stderr; exit 1', async t => {
		const {livyUrl} = await simulators(t);
		const file = configFile(t, {
			profiles: {
				lab: {provider: 'livy', endpoint: livyUrl},
				'down-history': {provider: 'spark', endpoint: 'http://127.0.0.1:9'},
			},
		});
		const result = await runCli(['runs', '--once', '--json', '--config', file]);
		assert.equal(result.code, 1);
		const json = onceJsonOf(result.stdout);
		const runs = json['runs'] as Array<{target: string}>;
		assert.ok(runs.length > 0 && runs.every(run => run.target === 'lab'));
		assert.deepEqual(
			(json['failed'] as Array<{target: string}>).map(item => item.target),
			['down-history'],
		);
		assert.match(
			result.stderr,
			/^sparktop: target "down-history" failed: spark listApplications: .*connection refused/v,
		);
		assert.equal(result.stderr.trim().split('\n').length, 1);
	});

	test('a run is looked up by id when not listed; an id two runs share is refused with both', async t => {
		const {livy, onLivy} = await simulators(t);
		const ambiguous = await onLivy(['progress', '0', '--once']);
		assert.equal(ambiguous.code, 1);
		assert.match(
			ambiguous.stderr,
			/"0" names 2 runs; say which: livy:session:0, livy:batch:0/v,
		);
		const chosen = await onLivy(['progress', 'batch:0', '--once', '--json']);
		assert.equal(chosen.code, 0, chosen.stderr);
		assert.equal(
			(onceJsonOf(chosen.stdout)['run'] as {key: string}).key,
			'livy:batch:0',
		);
		// Not in the listed page (the list answers none), but Livy has it by id.
		livy.inject({
			path: /^\/sessions$/v,
			times: 1,
			response: json(200, {from: 0, total: 0, sessions: []}),
		});
		const unlisted = await onLivy(['statements', '1', '--once', '--json']);
		assert.equal(unlisted.code, 0, unlisted.stderr);
		assert.equal(
			(onceJsonOf(unlisted.stdout)['run'] as {key: string}).key,
			'livy:session:1',
		);
	});

	test('a reader that stops early (| head) ends it quietly', async () => {
		const result = await runShell(
			`${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} runs --once --demo | head -c 10; echo " status=\${PIPESTATUS[0]}"`,
		);
		assert.match(result.stdout, / status=0$/mv);
		assert.doesNotMatch(result.stderr, /EPIPE|Error/v);
	});

	test('a failing credential command is named by where it was given, never echoed', async t => {
		const {livyUrl} = await simulators(t);
		const command =
			'VAULT_TOKEN=s.hvs-not-to-be-shown vault read -field=pw livy; exit 7';
		const flag = await runCli([
			'runs',
			'--once',
			'--provider',
			'livy',
			'--endpoint',
			livyUrl,
			'--user',
			'ops',
			'--credential-command',
			command,
		]);
		assert.equal(flag.code, 2);
		assert.match(
			flag.stderr,
			/target "livy" \(livy\): the command of --credential-command failed \(exit status 7\)/v,
		);
		const file = configFile(t, {
			profiles: {
				prod: {
					provider: 'livy',
					endpoint: livyUrl,
					username: 'ops',
					credentialCommand: command,
				},
			},
		});
		const profile = await runCli(['runs', '--once', '--config', file]);
		assert.equal(profile.code, 2);
		assert.match(
			profile.stderr,
			/the command of "credentialCommand" of profile "prod" failed/v,
		);
		for (const output of [flag.stderr, profile.stderr]) {
			assert.doesNotMatch(output, /VAULT_TOKEN|hvs|vault/v);
		}
	});

	test('an unreachable target is a clear message and exit 1', async () => {
		const result = await runCli([
			'runs',
			'--once',
			'--provider',
			'livy',
			'--endpoint',
			'http://127.0.0.1:9',
		]);
		assert.equal(result.code, 1);
		assert.match(
			result.stderr,
			/^sparktop: target "livy" failed: livy listSessions: .*connection refused \(127\.0\.0\.1:9\)\n$/v,
		);
		assert.equal(result.stdout, '');
	});

	test('an error answer is a clear message and exit 1; no password in it', async t => {
		const {livy, onLivy} = await simulators(t);
		livy.inject({
			path: /\/statements$/v,
			times: 1,
			response: {
				status: 500,
				headers: {'content-type': 'application/json'},
				body: '{"msg":"java.lang.IllegalStateException: Session is in state dead"}',
			},
		});
		const result = await onLivy(
			['statements', '0', '--once', '--user', 'ops'],
			{
				SPARKTOP_PASSWORD: 'pa55-word-secret',
			},
		);
		assert.equal(result.code, 1);
		assert.match(
			result.stderr,
			/livy listStatements: HTTP 500 java\.lang\.IllegalStateException: Session is in state dead/v,
		);
		assert.doesNotMatch(result.stderr + result.stdout, /pa55-word-secret/v);
	});

	test("times read in the local zone, or in UTC with --utc or the config file's utc; --no-utc wins over the file", async t => {
		const {sparkUrl} = await simulators(t);
		const target = ['--provider', 'spark', '--endpoint', sparkUrl];
		// India is 5:30 ahead of UTC and has no summer time: local and UTC never read alike.
		const india = {TZ: 'Asia/Kolkata'};
		const json = await runCli(['runs', '--once', '--json', ...target], india);
		const [run] = onceJsonOf(json.stdout)['runs'] as Array<{
			id: string;
			submittedAt: number;
		}>;
		assert.ok(run);
		const offset = 5.5 * 3_600_000;
		const now = Date.now();
		const local = formatWhen(run.submittedAt + offset, now + offset, 'utc');
		const utc = formatWhen(run.submittedAt, now, 'utc');
		const submitted = async (args: readonly string[]) => {
			const result = await runCli(['runs', '--once', ...args], india);
			assert.equal(result.code, 0, result.stderr);
			return result.stdout
				.split('\n')
				.find(line => line.includes(` ${run.id} `));
		};

		assert.match(
			(await submitted(target)) ?? '',
			new RegExp(` ${local} `, 'v'),
		);
		assert.match(
			(await submitted([...target, '--utc'])) ?? '',
			new RegExp(` ${utc} `, 'v'),
		);
		const file = configFile(t, {
			utc: true,
			profiles: {history: {provider: 'spark', endpoint: sparkUrl}},
		});
		assert.match(
			(await submitted(['--config', file])) ?? '',
			new RegExp(` ${utc} `, 'v'),
		);
		assert.match(
			(await submitted(['--config', file, '--no-utc'])) ?? '',
			new RegExp(` ${local} `, 'v'),
		);
		const wrongType = configFile(t, {
			bell: 'yes',
			profiles: {history: {provider: 'spark', endpoint: sparkUrl}},
		});
		const refused = await runCli(['runs', '--once', '--config', wrongType]);
		assert.equal(refused.code, 2);
		assert.match(refused.stderr, /bell/v);
	});

	test('bad usage exits 2 with a hint', async t => {
		const {livyUrl, onLivy} = await simulators(t);
		const noTargets = await runCli(['runs', '--once']);
		assert.equal(noTargets.code, 2);
		assert.match(noTargets.stderr, /sparktop --demo/v);
		const noOnce = await onLivy(['runs']);
		assert.equal(noOnce.code, 2);
		const badProvider = await runCli([
			'runs',
			'--once',
			'--provider',
			'nope',
			'--endpoint',
			livyUrl,
		]);
		assert.equal(badProvider.code, 2);
		assert.match(badProvider.stderr, /unknown provider "nope"/v);
		const demoFilter = await runCli([
			'runs',
			'--once',
			'--demo',
			'--filter',
			'kind=sql',
		]);
		assert.equal(demoFilter.code, 2);
		assert.match(
			demoFilter.stderr,
			/--demo watches its own simulators; --filter would be ignored there/v,
		);
		const typo = await runCli(['runs', '--once', '--demo', '--intervl', '1']);
		assert.equal(typo.code, 2);
		assert.match(
			typo.stderr,
			/unknown flag --intervl \(did you mean "--interval"\?\)/v,
		);
		for (const interval of ['abc', '0', '-5', '3000000']) {
			const bad = await runCli([
				'runs',
				'--once',
				'--demo',
				'--interval',
				interval,
			]);
			assert.equal(bad.code, 2, interval);
			assert.match(bad.stderr, /--interval: /v);
		}

		for (const count of ['abc', '5', '1.5', '1000000']) {
			const bad = await runCli([
				'runs',
				'--once',
				'--demo',
				'--max-runs',
				count,
			]);
			assert.equal(bad.code, 2, count);
			assert.match(bad.stderr, /--max-runs: /v);
		}

		const badConfig = await runCli([
			'runs',
			'--once',
			'--config',
			configFile(t, {maxRuns: 'lots', profiles: {}}),
		]);
		assert.equal(badConfig.code, 2);
		assert.match(badConfig.stderr, /"maxRuns": "lots" is not a whole number/v);
	});

	test('the monitor refuses to start without a terminal instead of crashing', async t => {
		const {livyUrl} = await simulators(t);
		const result = await runCli(['--provider', 'livy', '--endpoint', livyUrl]);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /needs a terminal/v);
	});
});
