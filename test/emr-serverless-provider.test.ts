import assert from 'node:assert/strict';
import {describe, type TestContext, test} from 'node:test';
import type {AlibabaCredentials} from '../source/providers/alibaba/acs3-signer.js';
import {CachedCredential} from '../source/providers/auth/cached-credential.js';
import {EmrServerlessClient} from '../source/providers/emr-serverless/emr-client.js';
import {createEmrServerlessProvider} from '../source/providers/emr-serverless/emr-provider.js';
import type {ListFilters} from '../source/providers/list-filters.js';
import {alibabaTestCredentials} from '../source/simulators/alibaba/pop-gateway.js';
import {emrTestWorkspace} from '../source/simulators/emr-serverless/emr-simulator.js';
import {json} from '../source/simulators/sim-server.js';
import {contractFiles} from './helpers/contracts.js';
import {expectProviderError} from './helpers/fixtures.js';
import {
	assertSignedAsVendorsDo,
	officialAcs3Authorization,
} from './helpers/official-signers.js';
import {scenario, serve, signal} from './helpers/simulators.js';

/** An EMR simulator of the test's own; every request it got is checked with Alibaba's signer. */
async function emrScenario(t: TestContext, atSeconds = 0) {
	const {clock, server: emr} = await scenario(t, {
		only: 'emr-serverless',
		atSeconds,
		start: Date.now(),
	});
	const keys: AlibabaCredentials[] = [alibabaTestCredentials];
	t.after(() => {
		assertSignedAsVendorsDo(emr.requests, officialAcs3Authorization, keys);
	});
	const credentials = (value: AlibabaCredentials = alibabaTestCredentials) => {
		keys.push(value);
		return new CachedCredential({
			source: {describe: 'test keys', fetch: async () => ({value})},
			provider: 'emr-serverless',
			secretsOf: item => [item.accessKeySecret],
		});
	};

	const provider = (filters?: ListFilters, value?: AlibabaCredentials) =>
		createEmrServerlessProvider({
			target: 'emr',
			endpoint: emr.url,
			workspaceId: emrTestWorkspace,
			regionId: 'cn-hangzhou',
			credentials: credentials(value),
			filters,
			now: () => clock.now(),
		});
	const listed = async (filters: ListFilters) => {
		const before = emr.requests.length;
		const runs = await provider({kind: 'batch', ...filters}).listRuns!(
			signal(),
		);
		return {runs, query: emr.requests[before]!.query};
	};

	return {clock, emr, credentials, provider, listed};
}

describe('EMR Serverless provider against its simulator over HTTP (ACS3-signed)', () => {
	test('job runs page by 100 with nextToken across more than 250 runs, then session clusters', async t => {
		const {emr, provider} = await emrScenario(t);
		const before = emr.requests.length;
		const runs = await provider().listRuns!(signal());
		const requests = emr.requests.slice(before);
		const pages = requests.filter(request => request.path.endsWith('/jobRuns'));
		assert.ok(runs.filter(run => run.kind === 'batch').length > 250);
		assert.equal(runs.filter(run => run.kind === 'session').length, 4);
		assert.deepEqual(
			pages.map(request => request.query.get('nextToken')),
			[null, '100', '200'],
		);
		assert.ok(
			pages.every(request => request.query.get('maxResults') === '100'),
		);
		assert.ok(
			requests.every(
				request => request.headers['x-acs-version'] === '2023-08-08',
			),
		);
		assert.ok(
			requests.every(request =>
				/^ACS3-HMAC-SHA256 Credential=testAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[\da-f]{64}$/v.test(
					String(request.headers.authorization),
				),
			),
		);
		assert.equal(
			new Set(requests.map(request => request.headers['x-acs-signature-nonce']))
				.size,
			requests.length,
			'a fresh nonce every request',
		);
	});

	test('every ListJobRuns filter is sent as the SDKs send it, and narrows the list', async t => {
		const {clock, listed} = await emrScenario(t);
		const failed = await listed({state: 'Failed,Cancelled'});
		assert.equal(failed.query.get('states'), '["Failed","Cancelled"]');
		assert.ok(
			failed.runs.length > 0 &&
				failed.runs.every(run => run.rawState === 'Failed'),
		);

		const named = await listed({
			name: 'daily-report',
			creator: '150978934701abcd',
			queue: 'root_queue',
		});
		assert.deepEqual(
			[
				named.query.get('name'),
				named.query.get('creator'),
				named.query.get('resourceQueueId'),
			],
			['daily-report', '150978934701abcd', 'root_queue'],
		);
		assert.ok(named.runs.length > 0);
		assert.ok(
			named.runs.every(
				run => run.name === 'daily-report' && run.queue === 'root_queue',
			),
		);

		const one = await listed({'job-run-id': named.runs[0]!.id});
		assert.deepEqual(
			one.runs.map(run => run.id),
			[named.runs[0]!.id],
		);

		const tagged = await listed({tag: 'team=data eng'});
		assert.equal(
			tagged.query.get('tags'),
			'[{"key":"team","value":"data eng"}]',
		);
		assert.ok(
			tagged.runs.length > 0 &&
				tagged.runs.every(run => run.tags?.['team'] === 'data eng'),
		);

		const window = await listed({
			'started-after': '2h',
			'started-before': '1h',
		});
		const range = JSON.parse(window.query.get('startTime')!) as {
			startTime: number;
			endTime: number;
		};
		assert.equal(range.startTime, clock.now() - 7_200_000);
		assert.equal(range.endTime, clock.now() - 3_600_000);
		assert.ok(window.runs.length > 10);
		assert.ok(
			window.runs.every(
				run =>
					run.submittedAt! >= range.startTime &&
					run.submittedAt! <= range.endTime,
			),
		);

		const ended = await listed({'ended-after': '30m'});
		assert.match(ended.query.get('endTime') ?? '', /^\{"startTime":\d+\}$/v);
		assert.ok(ended.runs.every(run => run.endedAt! >= clock.now() - 1_800_000));

		const long = await listed({'min-duration': '3m'});
		assert.equal(long.query.get('minDuration'), '180000');
		assert.ok(
			long.runs.every(run => run.endedAt! - run.submittedAt! >= 180_000),
		);

		const workflows = await listed({workflow: 'true'});
		assert.equal(workflows.query.get('isWorkflow'), 'true');
		assert.ok(
			workflows.runs.length > 0 &&
				workflows.runs.every(run => run.tags?.['workflowId']),
		);
	});

	test('the request the SDK documents for ListJobRuns is the one the client sends', async t => {
		const {credentials} = await emrScenario(t);
		const file = contractFiles('alibaba').find(
			item => item.name === 'emr-serverless.ListJobRuns.request.json',
		)!;
		const documented = (file.json as {query: Record<string, string | number>})
			.query;
		const recorder = await serve(t, 'recorder', () =>
			json(200, {requestId: 'r', nextToken: '', totalCount: 0, jobRuns: []}),
		);
		const client = new EmrServerlessClient({
			endpoint: recorder.url,
			workspaceId: 'w-d2d82aa09155****',
			regionId: 'cn-hangzhou',
			credentials: credentials(),
			pageSize: 20,
		});
		// The documented request asks for a later page; the client's first page has no nextToken.
		const {maxResults, regionId, nextToken, ...filters} = documented;
		await client.listJobRuns(filters, signal());
		const sent = recorder.requests[0]!;
		assert.equal(
			sent.path,
			'/api/v1/workspaces/w-d2d82aa09155%2A%2A%2A%2A/jobRuns',
		);
		const {nextToken: _, ...expected} = Object.fromEntries(
			Object.entries(documented).map(([key, value]) => [key, String(value)]),
		);
		assert.deepEqual(Object.fromEntries(sent.query), expected);
	});

	test('detail, executors (exexutors), and the driver logs (LineContent) of a run', async t => {
		const {emr, provider} = await emrScenario(t, 20);
		const live = (
			await provider({kind: 'batch', name: 'sessionize-clicks'}).listRuns!(
				signal(),
			)
		)[0]!;
		assert.equal(live.state, 'running');
		const detail = await provider().getRun!(live, signal());
		const fields = new Map(detail.fields);
		assert.match(
			fields.get('Entry point') ?? '',
			/^oss:\/\/jobs\/sessionize-clicks\./v,
		);
		assert.deepEqual(
			detail.executors
				?.filter(executor => executor.id === '2')
				.map(executor => [
					executor.active,
					executor.completedTasks,
					executor.activeTasks,
					executor.failedTasks,
				]),
			[[true, 122, 4, 1]],
		);
		assert.equal(detail.config['common.conf: hive.metastore.type'], 'DLF');
		const before = emr.requests.length;
		const log = await provider().getLog!(live, signal());
		assert.ok(
			emr.requests
				.slice(before)
				.every(
					request => request.headers['x-acs-action'] === 'ListLogContents',
				),
			'the listed run names its log files: no GetJobRun',
		);
		const unlisted = await provider().getLog!(
			{...live, logFiles: undefined},
			signal(),
		);
		assert.deepEqual(
			unlisted.lines.filter(line => line.startsWith('──')),
			log.lines.filter(line => line.startsWith('──')),
		);
		assert.ok(
			log.lines.some(line => line.startsWith('── driver stdout (last ')),
		);
		const stderr = log.lines.findIndex(line =>
			/^── driver stderr \(last \d+ of \d+\) ──$/v.test(line),
		);
		assert.ok(stderr > 0, log.lines.slice(0, 3).join('|'));
		assert.match(
			log.lines[stderr + 1] ?? '',
			/INFO TaskSetManager: Finished task/v,
		);
	});

	test('a long driver log shows its last 300 lines', async t => {
		const {provider} = await emrScenario(t, 20);
		const runs = await provider({kind: 'batch', 'min-duration': '4m'})
			.listRuns!(signal());
		const log = await provider().getLog!(runs[0]!, signal());
		assert.ok(
			log.lines.includes('── driver stderr (last 300 of 960) ──'),
			log.lines.filter(line => line.startsWith('──')).join('|'),
		);
	});

	test('the session-cluster filter asks for one session cluster by id', async t => {
		const {emr, provider} = await emrScenario(t, 20);
		const all = await provider({kind: 'session'}).listRuns!(signal());
		assert.ok(all.length > 1);
		const before = emr.requests.length;
		const one = await provider({
			kind: 'session',
			'session-cluster': all[1]!.id,
		}).listRuns!(signal());
		assert.deepEqual(
			one.map(run => run.id),
			[all[1]!.id],
		);
		assert.equal(
			emr.requests[before]?.query.get('sessionClusterId'),
			all[1]!.id,
		);
	});

	test('session clusters and SQL statements watched by id: rows as a table, an error output', async t => {
		const {provider} = await emrScenario(t, 20);
		const runs = await provider({kind: 'session'}).listRuns!(signal());
		const sql = runs.find(run => run.id === 'sc-sql-adhoc')!;
		assert.equal(sql.state, 'running');
		const detail = await provider().getRun!(sql, signal());
		assert.equal(new Map(detail.fields).get('Auto stop'), 'after 45 min idle');
		const emrProvider = provider({statements: 'st-show-tables'});
		emrProvider.watchStatement!(sql, 'st-bad-column');
		const statements = await emrProvider.listStatements!(sql, signal());
		assert.deepEqual(
			statements.map(statement => [statement.id, statement.state]),
			[
				['st-show-tables', 'available'],
				['st-bad-column', 'error'],
			],
		);
		assert.deepEqual(
			(statements[0]?.output?.data['application/json'] as {data: unknown[][]})
				.data[0],
			['ods', 'events', false],
		);
		assert.equal(statements[1]?.output?.errorName, 'ERROR-102');
		assert.match(statements[1]?.output?.errorValue ?? '', /UNRESOLVED_COLUMN/v);
		const unknown = provider({statements: 'st-nope'});
		const error = await expectProviderError(
			unknown.listStatements!(sql, signal()),
		);
		assert.equal(error.code, 'InvalidParameter');
	});

	test('cancel a running job run: Cancelling, then Cancelled', async t => {
		const {clock, emr, provider} = await emrScenario(t, 20);
		const live = (
			await provider({kind: 'batch', state: 'Running'}).listRuns!(signal())
		)[0]!;
		await provider().cancelRun!(live, signal());
		assert.equal(emr.requests.at(-1)?.method, 'DELETE');
		assert.equal(emr.requests.at(-1)?.headers['x-acs-action'], 'CancelJobRun');
		const cancelling = (
			await provider({kind: 'batch', 'job-run-id': live.id}).listRuns!(signal())
		)[0]!;
		assert.equal(cancelling.state, 'cancelling');
		clock.advance(3000);
		const cancelled = (
			await provider({kind: 'batch', 'job-run-id': live.id}).listRuns!(signal())
		)[0]!;
		assert.equal(cancelled.state, 'cancelled');
	});

	test('a wrong secret is SignatureDoesNotMatch, said plainly, with the request id, never the secret', async t => {
		const {provider} = await emrScenario(t, 20);
		const error = await expectProviderError(
			provider(
				{kind: 'session'},
				{...alibabaTestCredentials, accessKeySecret: 'wrong-secret-value'},
			).listRuns!(signal()),
		);
		assert.equal(error.status, 400);
		assert.equal(error.code, 'SignatureDoesNotMatch');
		assert.match(
			error.message,
			/^the request signature was rejected: check the AccessKey secret: Specified signature is not matched/v,
		);
		assert.match(error.requestId ?? '', /^[\dA-F\-]{36}$/v);
		assert.ok(!error.summary().includes('wrong-secret-value'));
	});

	test('Throttling.User is throttling whatever the status, and the next poll recovers', async t => {
		const {emr, provider} = await emrScenario(t, 20);
		emr.inject({
			path: /\/sessionClusters$/v,
			times: 1,
			response: json(400, {
				RequestId: 'E7B8A4B1-0000-0000-0000-000000000000',
				HostId: 'emr-serverless-spark.cn-hangzhou.aliyuncs.com',
				Code: 'Throttling.User',
				Message: 'Request was denied due to user flow control.',
			}),
		});
		const error = await expectProviderError(
			provider({kind: 'session'}).listRuns!(signal()),
		);
		assert.equal(error.status, 400);
		assert.equal(error.throttled, true);
		assert.ok(
			(await provider({kind: 'session'}).listRuns!(signal())).length > 0,
		);
	});
});
