import assert from 'node:assert/strict';
import {describe, type TestContext, test} from 'node:test';
import {dliTestCredentials} from '../source/simulators/dli/dli-gateway.js';
import {dliTestProjectId} from '../source/simulators/dli/dli-simulator.js';
import {scenario} from './helpers/simulators.js';
import {onceJsonOf, runCli} from './helpers/spawn-cli.js';
import {configFile} from './helpers/temp-files.js';

const keys = {
	HUAWEICLOUD_SDK_AK: dliTestCredentials.accessKey,
	HUAWEICLOUD_SDK_SK: dliTestCredentials.secretKey,
	HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent',
};

/** A DLI simulator of the test's own, 4.5 s in: the first live job is running its first Spark job. */
async function dli(t: TestContext) {
	const {url} = await scenario(t, {only: 'dli', atSeconds: 4.5, now: true});
	return {
		url,
		args: [
			'--provider',
			'dli',
			'--endpoint',
			url,
			'--project-id',
			dliTestProjectId,
			'--region',
			'cn-north-4',
		],
	};
}

describe('sparktop --once on DLI', () => {
	test('progress JOB_ID --once --json prints the running sub-jobs as model objects (credentials from the environment only)', async t => {
		const {args} = await dli(t);
		const runs = await runCli(
			['runs', '--once', '--json', ...args, '--filter', 'job-status=RUNNING'],
			keys,
		);
		assert.equal(runs.code, 0, runs.stderr);
		// A SQL job (RUNNING; a Spark batch says running): its sub-jobs are the progress.
		const running = (
			onceJsonOf(runs.stdout)['runs'] as Array<{id: string; rawState: string}>
		).find(run => run.rawState === 'RUNNING');
		assert.ok(running, 'a running SQL job is listed');
		const result = await runCli(
			['progress', running.id, '--once', '--json', ...args],
			keys,
		);
		assert.equal(result.code, 0, result.stderr);
		const jobs = (onceJsonOf(result.stdout)['progress'] as {jobs: unknown})
			.jobs as Array<{
			id: number;
			status: string;
			jobGroup: string;
			tasks: {total: number; completed: number; active: number};
			stages: {total: number};
		}>;
		assert.ok(jobs.length > 0);
		assert.equal(jobs[0]?.status, 'running');
		assert.equal(jobs[0]?.jobGroup, running.id);
		assert.ok(jobs[0].tasks.total > 0);
		assert.ok(!result.stdout.includes(dliTestCredentials.secretKey));
	});

	test('no credentials anywhere: exit 2 saying where they could come from', async t => {
		const {args} = await dli(t);
		const result = await runCli(['runs', '--once', ...args], {
			HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent',
		});
		assert.equal(result.code, 2);
		assert.match(
			result.stderr,
			/target "dli" \(dli\): no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/v,
		);
	});

	test("a wrong secret key: exit 1 with the gateway's answer, no secret printed", async t => {
		const {args} = await dli(t);
		const result = await runCli(['runs', '--once', ...args], {
			...keys,
			HUAWEICLOUD_SDK_SK: 'wrong-secret-value',
		});
		assert.equal(result.code, 1);
		assert.match(result.stderr, /APIGW\.0301/v);
		assert.ok(!result.stderr.includes('wrong-secret-value'));
	});

	test('unknown filters are refused with the known ones', async t => {
		const {args} = await dli(t);
		const result = await runCli(
			['runs', '--once', ...args, '--filter', 'color=blue'],
			keys,
		);
		assert.equal(result.code, 2);
		assert.match(
			result.stderr,
			/no filter "color" \(known: kind, job-type, job-status, queue/v,
		);
	});

	test('a profile carries the credential command, project, filters; its command is not taken for a password', async t => {
		const {url} = await dli(t);
		const file = configFile(t, {
			profiles: {
				huawei: {
					provider: 'dli',
					endpoint: url,
					projectId: dliTestProjectId,
					credentialCommand: `echo '${JSON.stringify({ak: dliTestCredentials.accessKey, sk: dliTestCredentials.secretKey})}'`,
					filters: {kind: 'batch', queue: 'etl'},
				},
			},
		});
		const result = await runCli(
			['runs', '--once', '--json', '--config', file],
			{
				HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/nonexistent',
			},
		);
		assert.equal(result.code, 0, result.stderr);
		const runs = onceJsonOf(result.stdout)['runs'] as Array<{
			target: string;
			kind: string;
			queue: string;
		}>;
		assert.ok(runs.length > 0);
		assert.ok(
			runs.every(
				run =>
					run.target === 'huawei' &&
					run.kind === 'batch' &&
					run.queue === 'etl',
			),
		);
	});

	test('--region alone gives the regional endpoint; the project id is required', async () => {
		const result = await runCli(
			['runs', '--once', '--provider', 'dli', '--region', 'cn-north-4'],
			keys,
		);
		assert.equal(result.code, 2);
		assert.match(
			result.stderr,
			/needs --project-id \(project id\); it is also read from HUAWEICLOUD_SDK_PROJECT_ID/v,
		);
	});
});
