import assert from 'node:assert/strict';
import {describe, type TestContext, test} from 'node:test';
import {alibabaTestCredentials} from '../source/simulators/alibaba/pop-gateway.js';
import {emrTestWorkspace} from '../source/simulators/emr-serverless/emr-simulator.js';
import {scenario} from './helpers/simulators.js';
import {onceJsonOf, runCli} from './helpers/spawn-cli.js';

const keys = {
	ALIBABA_CLOUD_ACCESS_KEY_ID: alibabaTestCredentials.accessKeyId,
	ALIBABA_CLOUD_ACCESS_KEY_SECRET: alibabaTestCredentials.accessKeySecret,
};

/** An EMR Serverless simulator of the test's own, and the flags that watch it. */
async function emr(t: TestContext) {
	const {url} = await scenario(t, {only: 'emr-serverless', now: true});
	return [
		'--provider',
		'emr-serverless',
		'--endpoint',
		url,
		'--workspace',
		emrTestWorkspace,
		'--region',
		'cn-hangzhou',
	];
}

describe('sparktop --once on EMR Serverless Spark', () => {
	test('runs --once --json with credentials from the environment only: every run, however long the output', async t => {
		const emrArgs = await emr(t);
		const result = await runCli(['runs', '--once', '--json', ...emrArgs], keys);
		assert.equal(result.code, 0, result.stderr);
		assert.ok(result.stdout.length > 65_536, 'more than one pipe buffer');
		const runs = onceJsonOf(result.stdout)['runs'] as Array<{
			kind: string;
			provider: string;
			cost?: {cuHours?: number};
			release?: string;
		}>;
		assert.ok(runs.filter(run => run.kind === 'batch').length > 250);
		assert.ok(runs.every(run => run.provider === 'emr-serverless'));
		assert.ok(
			runs.some(
				run =>
					run.cost?.cuHours !== undefined && run.release?.startsWith('esr-'),
			),
		);
		assert.ok(!result.stdout.includes(alibabaTestCredentials.accessKeySecret));
	});

	test('statements SESSION --once --json with the statements filter shows SQL results', async t => {
		const emrArgs = await emr(t);
		const result = await runCli(
			[
				'statements',
				'sc-sql-adhoc',
				'--once',
				'--json',
				...emrArgs,
				'--filter',
				'statements=st-show-tables,st-bad-column',
			],
			keys,
		);
		assert.equal(result.code, 0, result.stderr);
		const statements = onceJsonOf(result.stdout)['statements'] as Array<{
			id: string;
			state: string;
		}>;
		assert.deepEqual(
			statements.map(statement => [statement.id, statement.state]),
			[
				['st-show-tables', 'available'],
				['st-bad-column', 'error'],
			],
		);
	});

	test('a workspace is required; no credentials is a configuration error', async t => {
		const emrArgs = await emr(t);
		const noWorkspace = await runCli(
			[
				'runs',
				'--once',
				'--provider',
				'emr-serverless',
				'--region',
				'cn-hangzhou',
			],
			keys,
		);
		assert.equal(noWorkspace.code, 2);
		assert.match(noWorkspace.stderr, /needs --workspace/v);
		const noKeys = await runCli(['runs', '--once', ...emrArgs], {
			HOME: '/nonexistent',
		});
		assert.equal(noKeys.code, 2);
		assert.match(noKeys.stderr, /no Alibaba Cloud credentials/v);
	});

	test('a wrong secret: exit 1, SignatureDoesNotMatch said plainly, the secret never printed', async t => {
		const emrArgs = await emr(t);
		const result = await runCli(['runs', '--once', ...emrArgs], {
			...keys,
			ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'a-wrong-secret',
		});
		assert.equal(result.code, 1);
		assert.match(
			result.stderr,
			/HTTP 400 SignatureDoesNotMatch: the request signature was rejected/v,
		);
		assert.ok(!result.stderr.includes('a-wrong-secret'));
	});
});
