import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, type TestContext, test} from 'node:test';
import type {Run} from '../source/model/types.js';
import {
	CachedToken,
	commandTokenSource,
} from '../source/providers/auth/bearer-token.js';
import {CachedCredential} from '../source/providers/auth/cached-credential.js';
import type {AkskCredentials} from '../source/providers/dli/aksk-signer.js';
import {type DliAuth, DliClient} from '../source/providers/dli/dli-client.js';
import {createDliProvider} from '../source/providers/dli/dli-provider.js';
import {
	huaweiCredentialSource,
	parseCredentialOutput,
	readCredentialsFile,
} from '../source/providers/dli/huawei-credentials.js';
import type {ListFilters} from '../source/providers/list-filters.js';
import {
	dliTestCredentials,
	dliTestToken,
} from '../source/simulators/dli/dli-gateway.js';
import {dliTestProjectId} from '../source/simulators/dli/dli-simulator.js';
import {json} from '../source/simulators/sim-server.js';
import {expectProviderError} from './helpers/fixtures.js';
import {
	assertSignedAsVendorsDo,
	officialAkskAuthorization,
} from './helpers/official-signers.js';
import {scenario, signal} from './helpers/simulators.js';

/** A DLI simulator of the test's own, and providers of it; every request it got is checked with Huawei's signer. */
async function dliScenario(t: TestContext, atSeconds = 0) {
	const {clock, server: dli} = await scenario(t, {
		only: 'dli',
		atSeconds,
		start: Date.now(),
	});
	const keys: AkskCredentials[] = [dliTestCredentials];
	t.after(() => {
		assertSignedAsVendorsDo(dli.requests, officialAkskAuthorization, keys);
	});
	const aksk = (credentials: AkskCredentials = dliTestCredentials): DliAuth => {
		keys.push(credentials);
		return {
			kind: 'aksk',
			credentials: new CachedCredential({
				source: {
					describe: 'test keys',
					fetch: async () => ({value: credentials}),
				},
				provider: 'dli',
				secretsOf: value => [value.secretKey],
			}),
		};
	};

	const provider = (filters?: ListFilters, auth: DliAuth = aksk()) =>
		createDliProvider({
			target: 'dli',
			endpoint: dli.url,
			projectId: dliTestProjectId,
			auth,
			filters,
			now: () => clock.now(),
		});
	const listed = async (filters?: ListFilters) => {
		const before = dli.requests.length;
		const runs = await provider(filters).listRuns!(signal());
		return {runs, requests: dli.requests.slice(before)};
	};

	return {clock, dli, aksk, provider, listed};
}

describe('DLI provider against the DLI simulator over HTTP (signed requests)', () => {
	test('SQL jobs and batches in one list, SQL jobs paged by 100 until job_count', async t => {
		const {listed} = await dliScenario(t);
		const {runs, requests} = await listed();
		const sql = runs.filter(run => run.kind === 'sql');
		const batches = runs.filter(run => run.kind === 'batch');
		assert.ok(sql.length > 240, `${sql.length} SQL jobs`);
		assert.ok(batches.length > 30);
		const pages = requests.filter(request => request.path.endsWith('/jobs'));
		assert.deepEqual(
			pages.map(request => request.query.get('current-page')),
			['1', '2', '3'],
		);
		assert.ok(pages.every(request => request.query.get('page-size') === '100'));
		assert.ok(
			pages.every(request => request.path === `/v1.0/${dliTestProjectId}/jobs`),
		);
		assert.ok(
			requests.every(request =>
				String(request.headers.authorization).startsWith(
					'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=',
				),
			),
		);
		assert.equal(new Set(sql.map(run => run.id)).size, sql.length);
	});

	test('every filter goes on the wire by its API name and narrows the list', async t => {
		const {clock, listed} = await dliScenario(t);
		const ddl = await listed({'job-type': 'DDL', kind: 'sql'});
		assert.ok(ddl.runs.length > 10);
		assert.ok(ddl.runs.every(run => run.name?.startsWith('CREATE TABLE')));
		assert.equal(ddl.requests[0]?.query.get('job-type'), 'DDL');
		assert.ok(ddl.requests.every(request => !request.path.includes('batches')));

		const etl = await listed({queue: 'etl', owner: 'etl_bot'});
		assert.ok(etl.runs.length > 0);
		assert.ok(
			etl.runs.every(run => run.queue === 'etl' && run.owner === 'etl_bot'),
		);
		const sqlRequest = etl.requests.find(request =>
			request.path.endsWith('/jobs'),
		);
		const batchRequest = etl.requests.find(request =>
			request.path.endsWith('/batches'),
		);
		assert.equal(sqlRequest?.query.get('queue_name'), 'etl');
		assert.equal(batchRequest?.query.get('cluster_name'), 'etl');

		const failed = await listed({
			'job-status': 'FAILED',
			'sql-pattern': 'ODS.EVENTS',
			kind: 'sql',
		});
		assert.ok(failed.runs.length > 0);
		assert.ok(failed.runs.every(run => run.rawState === 'FAILED'));
		assert.equal(failed.requests[0]?.query.get('sql_pattern'), 'ODS.EVENTS');

		const recent = await listed({since: '1h', until: '20m'});
		const windowStart = clock.now() - 3_600_000;
		const windowEnd = clock.now() - 1_200_000;
		assert.equal(recent.requests[0]?.query.get('start'), String(windowStart));
		assert.ok(recent.runs.length > 0);
		assert.ok(
			recent.runs.every(
				run => run.submittedAt! >= windowStart && run.submittedAt! <= windowEnd,
			),
		);

		const deadBatches = await listed({kind: 'batch', 'batch-state': 'dead'});
		assert.ok(deadBatches.runs.length > 0);
		assert.ok(
			deadBatches.runs.every(
				run => run.kind === 'batch' && run.state === 'failed',
			),
		);
		assert.equal(deadBatches.requests[0]?.query.get('state'), 'dead');
	});

	test('batches page with from/size until total', async t => {
		const {dli, aksk} = await dliScenario(t);
		const client = new DliClient({
			endpoint: dli.url,
			projectId: dliTestProjectId,
			auth: aksk(),
			pageSize: 8,
		});
		const before = dli.requests.length;
		const batches = await client.listBatches({}, signal());
		const pages = dli.requests.slice(before);
		assert.equal(pages.length, Math.ceil(batches.items.length / 8));
		assert.deepEqual(
			pages.map(request => request.query.get('from')),
			pages.map((_, index) => String(index * 8)),
		);
	});

	test('progress: sub-jobs advance task by task, and settle as last seen when the job finishes', async t => {
		const {clock, provider} = await dliScenario(t);
		const runs = await provider({kind: 'sql'}).listRuns!(signal());
		const live = runs.find(
			run => run.owner === 'oncall' && run.name?.startsWith('SELECT region'),
		)!;
		assert.equal(live.rawState, 'LAUNCHING');
		const dliProvider = provider();
		const launching = await dliProvider.getProgress!(live, signal());
		assert.deepEqual(
			[launching.jobs.length, launching.overall, launching.final],
			[0, 0, false],
		);

		clock.advance(7000);
		const first = await dliProvider.getProgress!(live, signal());
		assert.equal(first.jobs.length, 1);
		assert.equal(first.jobs[0]?.status, 'running');
		assert.equal(first.jobs[0]?.tasks.completed, 100);
		assert.equal(first.overall, 0.5);

		clock.advance(3000);
		const later = await dliProvider.getProgress!(live, signal());
		assert.ok(later.jobs[0]!.tasks.completed > first.jobs[0].tasks.completed);

		clock.advance(6000);
		const second = await dliProvider.getProgress!(live, signal());
		assert.deepEqual(
			second.jobs.map(job => job.status),
			['running', 'succeeded'],
		);
		assert.equal(second.jobs[0]?.tasks.skipped, 200);
		assert.equal(second.jobs[0]?.stages.skipped, 1);
		assert.equal(second.jobs[1]?.tasks.failed, 2);

		clock.advance(10_000);
		const done = await dliProvider.getProgress!(live, signal());
		assert.equal(done.final, true);
		assert.equal(done.overall, 1);
		assert.equal(done.jobs.length, 2, 'the sub-jobs stay as last seen');
		assert.match(done.source, /last seen/v);
		const detail = await dliProvider.getRun!(live, signal());
		assert.equal(detail.state, 'succeeded');
		assert.match(detail.code ?? '', /^SELECT region/v);
	});

	test('cancel a running SQL job and a running batch', async t => {
		const {dli, provider} = await dliScenario(t, 46);
		const dliProvider = provider();
		const runs = await dliProvider.listRuns!(signal());
		const running = runs.find(
			run =>
				run.kind === 'sql' &&
				(run.rawState === 'RUNNING' || run.rawState === 'LAUNCHING'),
		)!;
		await dliProvider.cancelRun!(running, signal());
		assert.equal(dli.requests.at(-1)?.method, 'DELETE');
		const batch = runs.find(
			run =>
				(run.kind === 'batch' && run.state === 'running') ||
				(run.kind === 'batch' && run.state === 'starting'),
		)!;
		await dliProvider.cancelRun!(batch, signal());
		const after = new Map(
			(await dliProvider.listRuns!(signal())).map(run => [run.key, run]),
		);
		assert.equal(after.get(running.key)?.state, 'cancelled');
		assert.equal(after.get(batch.key)?.rawState, 'dead');
		const again = await expectProviderError(
			dliProvider.cancelRun!(after.get(running.key)!, signal()),
		);
		assert.equal(again.code, 'DLI.0999');
	});

	test("a batch's log: the tail of a long driver log", async t => {
		const {dli, aksk, provider} = await dliScenario(t);
		const dliProvider = provider({kind: 'batch'});
		const runs = await dliProvider.listRuns!(signal());
		const finished = runs.find(run => run.state === 'succeeded')!;
		const log = await dliProvider.getLog!(finished, signal());
		assert.equal(log.lines.length, 500);
		assert.ok((log.total ?? 0) > 500);
		assert.equal(log.lines.at(-1), 'YARN Diagnostics: ');
		const client = new DliClient({
			endpoint: dli.url,
			projectId: dliTestProjectId,
			auth: aksk(),
		});
		assert.deepEqual(await client.getBatchState(finished.id, signal()), {
			id: finished.id,
			state: 'success',
		});
		const detail = await dliProvider.getRun!(finished, signal());
		assert.equal(new Map(detail.fields).get('Class'), 'com.example.etl.Main');
		assert.equal(detail.config['spark.sql.shuffle.partitions'], '200');
	});

	test("a bad signature is the gateway's APIGW.0301, explained, without the secret", async t => {
		const {aksk, provider} = await dliScenario(t);
		const wrong = {
			...dliTestCredentials,
			secretKey: 'not-the-secret-key-at-all',
		};
		const error = await expectProviderError(
			provider(undefined, aksk(wrong)).listRuns!(signal()),
		);
		assert.equal(error.status, 401);
		assert.equal(error.code, 'APIGW.0301');
		assert.match(error.message, /rejected the AK\/SK signature/v);
		assert.match(error.requestId ?? '', /^[\da-f]{32}$/v);
		assert.ok(!error.summary().includes('not-the-secret-key-at-all'));
	});

	test('an unknown job is DLI.0002; an is_success:false envelope is an error too', async t => {
		const {dli, provider} = await dliScenario(t);
		const ghost: Run = {
			target: 'dli',
			kind: 'sql',
			id: 'nope',
			key: 'dli:sql:nope',
			provider: 'dli',
			state: 'running',
			rawState: 'RUNNING',
		};
		const unknown = await expectProviderError(
			provider().getRun!(ghost, signal()),
		);
		assert.equal(unknown.code, 'DLI.0002');
		assert.equal(unknown.status, 400);
		dli.inject({
			path: /\/jobs\/nope\/progress$/v,
			times: 1,
			response: json(200, {
				is_success: false,
				message: 'The queue is busy (DLI.0999)',
			}),
		});
		const envelope = await expectProviderError(
			provider().getProgress!(ghost, signal()),
		);
		assert.equal(envelope.message, 'The queue is busy (DLI.0999)');
	});

	test('an IAM token in X-Auth-Token instead of signing', async t => {
		const {dli, provider} = await dliScenario(t);
		const token = (command: string): DliAuth => ({
			kind: 'token',
			token: new CachedToken(
				commandTokenSource({command, origin: '--token-command'}),
				'dli',
			),
		});
		const before = dli.requests.length;
		const runs = await provider({kind: 'batch'}, token(`echo ${dliTestToken}`))
			.listRuns!(signal());
		assert.ok(runs.length > 0);
		const request = dli.requests[before]!;
		assert.equal(request.headers['x-auth-token'], dliTestToken);
		assert.equal(request.headers.authorization, undefined);
		const refused = await expectProviderError(
			provider({kind: 'batch'}, token('echo stale')).listRuns!(signal()),
		);
		assert.equal(refused.status, 401);
		assert.equal(refused.code, 'APIGW.0307');
	});
});

/** An SDK credentials file of the test's own, removed when it ends. */
function credentialsFile(t: TestContext): {file: string; folder: string} {
	const folder = mkdtempSync(path.join(tmpdir(), 'sparktop-hw-'));
	t.after(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	const file = path.join(folder, 'credentials');
	writeFileSync(
		file,
		'[basic]\nak = FILEAK\nsk = FILESK\nproject_id = p1\n\n[other]\nak = X\n',
	);
	return {file, folder};
}

describe('Huawei credentials', () => {
	test("the SDK file's [basic] section", t => {
		const {file, folder} = credentialsFile(t);
		const profile = readCredentialsFile({
			HUAWEICLOUD_SDK_CREDENTIALS_FILE: file,
		});
		assert.deepEqual(
			{ak: profile.ak, sk: profile.sk, projectId: profile.projectId},
			{ak: 'FILEAK', sk: 'FILESK', projectId: 'p1'},
		);
		assert.deepEqual(
			readCredentialsFile({
				HUAWEICLOUD_SDK_CREDENTIALS_FILE: path.join(folder, 'none'),
			}).ak,
			undefined,
		);
	});

	test('command first, then environment, then file', async t => {
		const {file} = credentialsFile(t);
		const profile = readCredentialsFile({
			HUAWEICLOUD_SDK_CREDENTIALS_FILE: file,
		});
		const env = {
			HUAWEICLOUD_SDK_AK: 'ENVAK',
			HUAWEICLOUD_SDK_SK: 'ENVSK',
			HUAWEICLOUD_SDK_SECURITY_TOKEN: 'STS',
		};
		const command = huaweiCredentialSource({
			credentialCommand: {
				command: `echo '{"ak":"CMDAK","sk":"CMDSK"}'`,
				origin: '--credential-command',
			},
			env,
			file: profile,
		});
		assert.equal((await command!.fetch()).value.accessKey, 'CMDAK');
		const fromEnvironment = huaweiCredentialSource({env, file: profile});
		assert.deepEqual((await fromEnvironment!.fetch()).value, {
			accessKey: 'ENVAK',
			secretKey: 'ENVSK',
			securityToken: 'STS',
		});
		const fromFile = huaweiCredentialSource({env: {}, file: profile});
		assert.equal((await fromFile!.fetch()).value.accessKey, 'FILEAK');
		assert.equal(
			huaweiCredentialSource({env: {}, file: {path: file}}),
			undefined,
		);
	});

	test('a command may print the IAM temporary-credential answer, with its expiry', () => {
		const parsed = parseCredentialOutput(
			JSON.stringify({
				credential: {
					access: 'TMPAK',
					secret: 'TMPSK',
					securitytoken: 'TOKEN',
					expires_at: '2026-11-22T10:00:00.000000Z',
				},
			}),
		);
		assert.deepEqual(parsed.value, {
			accessKey: 'TMPAK',
			secretKey: 'TMPSK',
			securityToken: 'TOKEN',
		});
		assert.equal(parsed.expiresAt, Date.parse('2026-11-22T10:00:00Z'));
		assert.throws(() => parseCredentialOutput('ak=1'), /did not print JSON/v);
	});

	test('a security token is sent and signed', async t => {
		const {dli, aksk, provider} = await dliScenario(t);
		const before = dli.requests.length;
		await provider(
			{kind: 'batch'},
			aksk({...dliTestCredentials, securityToken: 'sts-token'}),
		).listRuns!(signal());
		const request = dli.requests[before]!;
		assert.equal(request.headers['x-security-token'], 'sts-token');
		assert.match(
			String(request.headers.authorization),
			/SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,/v,
		);
	});
});
