import assert from 'node:assert/strict';
import {describe, type TestContext, test} from 'node:test';
import type {AlibabaCredentials} from '../source/providers/alibaba/acs3-signer.js';
import {CachedCredential} from '../source/providers/auth/cached-credential.js';
import {DlaClient} from '../source/providers/dla/dla-client.js';
import {createDlaProvider} from '../source/providers/dla/dla-provider.js';
import {mapDlaStatement} from '../source/providers/dla/dla-mapping.js';
import type {ListFilters} from '../source/providers/list-filters.js';
import {alibabaTestCredentials} from '../source/simulators/alibaba/pop-gateway.js';
import {dlaTestVirtualCluster} from '../source/simulators/dla/dla-simulator.js';
import {expectProviderError} from './helpers/fixtures.js';
import {
	assertSignedAsVendorsDo,
	officialAcs3Authorization,
} from './helpers/official-signers.js';
import {scenario, signal} from './helpers/simulators.js';

/** A DLA simulator of the test's own; every request it got is checked with Alibaba's signer. */
async function dlaScenario(t: TestContext, atSeconds = 0) {
	const {clock, server: dla} = await scenario(t, {
		only: 'dla',
		atSeconds,
		start: Date.now(),
	});
	t.after(() => {
		assertSignedAsVendorsDo(dla.requests, officialAcs3Authorization, [
			alibabaTestCredentials,
		]);
	});
	const credentials = () =>
		new CachedCredential<AlibabaCredentials>({
			source: {
				describe: 'test keys',
				fetch: async () => ({
					value: {...alibabaTestCredentials, securityToken: 'sts-token'},
				}),
			},
			provider: 'dla',
			secretsOf: item => [item.accessKeySecret],
		});
	const provider = (filters?: ListFilters) =>
		createDlaProvider({
			target: 'dla',
			endpoint: dla.url,
			virtualCluster: dlaTestVirtualCluster,
			credentials: credentials(),
			filters,
			now: () => clock.now(),
		});
	return {clock, dla, credentials, provider};
}

describe('DLA provider against its simulator over HTTP (RPC, ACS3-signed, STS)', () => {
	test('an STS token other than the one issued with the keys is refused', async t => {
		const {dla} = await dlaScenario(t);
		const wrongToken = new CachedCredential<AlibabaCredentials>({
			source: {
				describe: 'test keys',
				fetch: async () => ({
					value: {...alibabaTestCredentials, securityToken: 'expired-token'},
				}),
			},
			provider: 'dla',
			secretsOf: item => [item.accessKeySecret],
		});
		const error = await expectProviderError(
			new DlaClient({
				endpoint: dla.url,
				virtualCluster: dlaTestVirtualCluster,
				credentials: wrongToken,
			}).listSparkJobs({}, signal()),
		);
		assert.equal(error.code, 'InvalidSecurityToken.Mismatch');
	});

	test('ListSparkJob pages with PageNumber/PageSize in the query; jobs and interactive sessions', async t => {
		const {dla, credentials, provider} = await dlaScenario(t);
		const client = new DlaClient({
			endpoint: dla.url,
			virtualCluster: dlaTestVirtualCluster,
			credentials: credentials(),
			pageSize: 10,
		});
		const before = dla.requests.length;
		const jobs = await client.listSparkJobs({}, signal());
		const pages = dla.requests.slice(before);
		assert.equal(jobs.items.length, 27);
		assert.deepEqual(
			pages.map(request => request.query.get('PageNumber')),
			['1', '2', '3'],
		);
		assert.ok(
			pages.every(request => request.method === 'POST' && request.path === '/'),
		);
		assert.ok(
			pages.every(
				request => request.headers['x-acs-action'] === 'ListSparkJob',
			),
		);
		assert.ok(
			pages.every(
				request => request.headers['x-acs-security-token'] === 'sts-token',
			),
		);
		const runs = await provider().listRuns!(signal());
		assert.equal(runs.filter(run => run.kind === 'session').length, 2);
		assert.ok(
			runs.some(run => run.rawState === 'error' && run.state === 'failed'),
		);
	});

	test('filters go into Condition', async t => {
		const {dla, provider} = await dlaScenario(t);
		const before = dla.requests.length;
		const runs = await provider({name: 'SparkPi', status: 'success'}).listRuns!(
			signal(),
		);
		assert.equal(
			dla.requests[before]?.query.get('Condition'),
			'{"jobName":"SparkPi","status":"success"}',
		);
		assert.ok(
			runs.length > 0 &&
				runs.every(run => run.name === 'SparkPi' && run.rawState === 'success'),
		);
	});

	test('detail and log of a failed job, in form bodies', async t => {
		const {dla, credentials, provider} = await dlaScenario(t);
		const failed = (await provider({status: 'error'}).listRuns!(signal()))[0]!;
		const detail = await provider().getRun!(failed, signal());
		assert.equal(
			new Map(detail.fields).get('Class'),
			'org.apache.spark.examples.SparkPi',
		);
		assert.equal(detail.config['spark.executor.instances'], '5');
		const request = dla.requests.at(-1)!;
		assert.equal(
			request.headers['content-type'],
			'application/x-www-form-urlencoded',
		);
		assert.equal(
			new URLSearchParams(request.body).get('VcName'),
			dlaTestVirtualCluster,
		);
		const client = new DlaClient({
			endpoint: dla.url,
			virtualCluster: dlaTestVirtualCluster,
			credentials: credentials(),
		});
		assert.equal(await client.getJobStatus(failed.id, signal()), 'error');
		const log = await provider().getLog!(failed, signal());
		assert.match(log.lines.at(-1) ?? '', /IllegalArgumentException/v);
	});

	test('statements: progress while running, Livy output from a JSON string, errors; one by id; cancel', async t => {
		const {clock, dla, credentials, provider} = await dlaScenario(t, 20);
		const dlaProvider = provider();
		const session = (await dlaProvider.listRuns!(signal())).find(
			run => run.name === 'notebook-alice',
		)!;
		const statements = await dlaProvider.listStatements!(session, signal());
		assert.deepEqual(
			statements.map(statement => statement.state),
			['available', 'running'],
		);
		assert.equal(statements[0]?.output?.data['text/plain'], '1000000');
		assert.ok(statements[1]!.progress! > 0 && statements[1]!.progress! < 1);
		const client = new DlaClient({
			endpoint: dla.url,
			virtualCluster: dlaTestVirtualCluster,
			credentials: credentials(),
		});
		const one = mapDlaStatement(
			session.key,
			await client.getSparkStatement(session.id, '1', signal()),
		);
		assert.equal(
			one.progress,
			statements[1]?.progress,
			'Process reads as progress',
		);
		await dlaProvider.cancelStatement!(session, statements[1]!, signal());
		const after = await dlaProvider.listStatements!(session, signal());
		assert.equal(after[1]?.state, 'cancelled');
		const again = await expectProviderError(
			dlaProvider.cancelStatement!(session, after[1], signal()),
		);
		assert.match(
			again.message,
			/not cancelled \(the service answered false\)/v,
		);

		const bob = (await dlaProvider.listRuns!(signal())).find(
			run => run.name === 'notebook-bob',
		)!;
		clock.advance(20_000);
		const bobs = await dlaProvider.listStatements!(bob, signal());
		assert.equal(bobs[0]?.state, 'error');
		assert.equal(bobs[0]?.output?.errorName, 'AnalysisException');
	});

	test('a batch job has no statements: the service says so', async t => {
		const {dla, credentials, provider} = await dlaScenario(t, 40);
		const batch = (await provider({name: 'nightly-1'}).listRuns!(signal()))[0]!;
		const error = await expectProviderError(
			new DlaClient({
				endpoint: dla.url,
				virtualCluster: dlaTestVirtualCluster,
				credentials: credentials(),
			}).listSparkStatements(batch.id, signal()),
		);
		assert.equal(error.code, 'InvalidJob.NotInteractive');
	});

	test('kill a running job (KillSparkJob, naming its virtual cluster); a finished one is refused', async t => {
		const {dla, credentials, provider} = await dlaScenario(t, 40);
		const dlaProvider = provider();
		const running = (await dlaProvider.listRuns!(signal())).find(
			run => run.kind === 'batch' && run.state === 'running',
		)!;
		await dlaProvider.cancelRun!(running, signal());
		const kill = dla.requests.at(-1)!;
		assert.equal(kill.headers['x-acs-action'], 'KillSparkJob');
		assert.equal(
			new URLSearchParams(kill.body).get('VcName'),
			dlaTestVirtualCluster,
		);
		const after = await expectProviderError(
			dlaProvider.cancelRun!(running, signal()),
		);
		assert.equal(after.code, 'InvalidJob.Status');
		// Without the virtual cluster the service refuses job actions.
		const noCluster = await expectProviderError(
			new DlaClient({
				endpoint: dla.url,
				virtualCluster: '',
				credentials: credentials(),
			}).getJobDetail(running.id, signal()),
		);
		assert.equal(noCluster.code, 'MissingVcName');
	});
});
