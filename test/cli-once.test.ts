import process from 'node:process';
import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {
	startSimulators,
	type Simulators,
} from '../source/simulators/start-simulators.js';
import {runCli} from './helpers/spawn-cli.js';

let simulators: Simulators;
let livyUrl = '';
let sparkUrl = '';

before(async () => {
	simulators = await startSimulators();
	livyUrl = simulators.servers['livy']!.url;
	sparkUrl = simulators.servers['spark']!.url;
	// Let sessions start and their first statements finish.
	await new Promise(resolve => {
		setTimeout(resolve, 4500);
	});
});

after(async () => {
	await simulators.close();
});

/** Runs the cli against the Livy simulator. */
async function onLivy(
	args: readonly string[],
	environment: Record<string, string> = {},
) {
	return runCli(
		[...args, '--provider', 'livy', '--endpoint', livyUrl],
		environment,
	);
}

describe('sparktop --once', () => {
	test('runs --once --json prints model objects of every run', async () => {
		const result = await onLivy(['runs', '--once', '--json']);
		assert.equal(result.code, 0, result.stderr);
		const runs = JSON.parse(result.stdout) as Array<{
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

	test('sessions --once prints a table of sessions only', async () => {
		const result = await onLivy(['sessions', '--once']);
		assert.equal(result.code, 0, result.stderr);
		const [header, ...rows] = result.stdout.trim().split('\n');
		assert.match(header ?? '', /^TARGET\s+KIND\s+ID\s+STATE\s+NAME/v);
		assert.ok(rows.length >= 3);
		assert.ok(rows.every(row => /\bsession\b/v.test(row)));
	});

	test('statements SESSION --once --json and the table form, with escape sequences neutralised', async () => {
		const json = await onLivy(['statements', '0', '--once', '--json']);
		assert.equal(json.code, 0, json.stderr);
		const statements = JSON.parse(json.stdout) as Array<{
			id: string;
			code: string;
		}>;
		assert.equal(statements[0]?.code, 'spark.range(1000 * 1000).count()');
		const table = await onLivy(['statements', 'session:0', '--once']);
		assert.equal(table.code, 0, table.stderr);
		assert.match(table.stdout, /spark\.range/v);
		assert.doesNotMatch(table.stdout, /\u001B/v);
	});

	test('progress RUN --once --json prints the Spark jobs of an application', async () => {
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
		const jobs = JSON.parse(result.stdout) as Array<{
			id: number;
			tasks: {total: number};
			stages: {total: number};
		}>;
		assert.ok(jobs.length > 0);
		assert.ok(jobs.every(job => job.tasks.total > 0 && job.stages.total === 3));
	});

	test('profiles from a config file', async () => {
		const file = path.join(tmpdir(), `sparktop-config-${process.pid}.json`);
		writeFileSync(
			file,
			JSON.stringify({
				profiles: {
					lab: {provider: 'livy', endpoint: livyUrl},
					history: {provider: 'spark', endpoint: sparkUrl},
				},
			}),
		);
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
		const runs = JSON.parse(result.stdout) as Array<{target: string}>;
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
			/sparktop: livy listSessions: .*connection refused \(127\.0\.0\.1:9\)/v,
		);
		assert.equal(result.stdout, '');
	});

	test('an error answer is a clear message and exit 1; no password in it', async () => {
		simulators.servers['livy']!.inject({
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

	test('bad usage exits 2 with a hint', async () => {
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
	});

	test('the monitor refuses to start without a terminal instead of crashing', async () => {
		const result = await runCli(['--provider', 'livy', '--endpoint', livyUrl]);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /needs a terminal/v);
	});
});
