import assert from 'node:assert/strict';
import {describe, type TestContext, test} from 'node:test';
import {jobsPollCost} from '../bench/many-runs.js';
import type {Window} from '../source/http/paging.js';
import type {AlibabaCredentials} from '../source/providers/alibaba/acs3-signer.js';
import {CachedCredential} from '../source/providers/auth/cached-credential.js';
import type {AkskCredentials} from '../source/providers/dli/aksk-signer.js';
import {DlaClient} from '../source/providers/dla/dla-client.js';
import {DliClient} from '../source/providers/dli/dli-client.js';
import {EmrServerlessClient} from '../source/providers/emr-serverless/emr-client.js';
import {alibabaTestCredentials} from '../source/simulators/alibaba/pop-gateway.js';
import {dlaTestVirtualCluster} from '../source/simulators/dla/dla-simulator.js';
import {dliTestCredentials} from '../source/simulators/dli/dli-gateway.js';
import {dliTestProjectId} from '../source/simulators/dli/dli-simulator.js';
import {emrTestWorkspace} from '../source/simulators/emr-serverless/emr-simulator.js';
import type {SimRequest} from '../source/simulators/sim-server.js';
import {type ManualClock, scenario, signal} from './helpers/simulators.js';

type Lister = () => Promise<Window>;

/**
 * Reads a list, lets the scenario run on (runs start and finish), and reads it again: the second
 * read must ask for less than the first and answer what a fresh client reads whole at that time.
 */
async function steadyPoll(options: {
	readonly clock: ManualClock;
	readonly requests: SimRequest[];
	readonly kept: Lister;
	readonly fresh: Lister;
	readonly laterMs: number;
}) {
	const {clock, requests} = options;
	let before = requests.length;
	const first = await options.kept();
	const full = requests.slice(before);
	clock.advance(options.laterMs);
	before = requests.length;
	const steady = await options.kept();
	const asked = requests.slice(before);
	const whole = await options.fresh();
	assert.deepEqual(steady, whole, 'the steady read is the list as read whole');
	return {first, full, steady, asked};
}

function alibabaCredentials(provider: string) {
	return new CachedCredential<AlibabaCredentials>({
		source: {
			describe: 'test keys',
			fetch: async () => ({value: alibabaTestCredentials}),
		},
		provider,
		secretsOf: item => [item.accessKeySecret],
	});
}

async function dliLists(t: TestContext) {
	const {clock, server} = await scenario(t, {
		only: 'dli',
		atSeconds: 600,
		start: Date.now(),
	});
	const client = () =>
		new DliClient({
			endpoint: server.url,
			projectId: dliTestProjectId,
			pageSize: 20,
			auth: {
				kind: 'aksk',
				credentials: new CachedCredential<AkskCredentials>({
					source: {
						describe: 'test keys',
						fetch: async () => ({value: dliTestCredentials}),
					},
					provider: 'dli',
					secretsOf: value => [value.secretKey],
				}),
			},
		});
	return {clock, server, kept: client(), client};
}

/** An EMR Serverless simulator `atSeconds` into its scenario, and clients of it reading job runs. */
async function emrLists(
	t: TestContext,
	atSeconds: number,
	paging: {readonly pageSize: number; readonly window?: number},
) {
	const {clock, server} = await scenario(t, {
		only: 'emr-serverless',
		atSeconds,
		start: Date.now(),
	});
	const client = () =>
		new EmrServerlessClient({
			endpoint: server.url,
			workspaceId: emrTestWorkspace,
			credentials: alibabaCredentials('emr-serverless'),
			...paging,
		});
	return {clock, server, kept: client(), client};
}

const pageOf = (request: SimRequest, name: string) =>
	request.query.get(name) ?? '';

describe('steady polls of lists paged newest first ask only for what can have changed', () => {
	test('DLI SQL jobs: the newest page and the pages of jobs still running, by current-page', async t => {
		const {clock, server, kept, client} = await dliLists(t);
		const {first, full, asked} = await steadyPoll({
			clock,
			requests: server.requests,
			kept: async () => kept.listSqlJobs({}, signal()),
			fresh: async () => client().listSqlJobs({}, signal()),
			laterMs: 60_000,
		});
		assert.ok(first.items.length > 240 && first.total === first.items.length);
		assert.ok(full.length > 12, `${full.length} pages read whole`);
		const pages = asked.map(request => pageOf(request, 'current-page'));
		assert.equal(pages[0], '1', 'the newest page first');
		assert.ok(
			pages.length < full.length / 2,
			`steady: pages ${pages.join(', ')} of ${full.length}`,
		);
	});

	test('DLI SQL jobs: other filters are another list, read whole', async t => {
		const {server, kept} = await dliLists(t);
		await kept.listSqlJobs({}, signal());
		const before = server.requests.length;
		const etl = await kept.listSqlJobs({queue_name: 'etl'}, signal());
		assert.ok(server.requests.length - before > 4);
		assert.ok(
			etl.items.every(
				item => (item as Record<string, unknown>)['queue_name'] === 'etl',
			),
		);
	});

	test('DLI Spark batches: by from / size, the same way', async t => {
		const {clock, server, kept, client} = await dliLists(t);
		const {first, full, asked} = await steadyPoll({
			clock,
			requests: server.requests,
			kept: async () => kept.listBatches({}, signal()),
			fresh: async () => client().listBatches({}, signal()),
			laterMs: 600_000,
		});
		assert.ok(first.items.length > 30);
		assert.equal(pageOf(asked[0]!, 'from'), '0');
		assert.ok(asked.length < full.length, `${asked.length} of ${full.length}`);
	});

	test('DLA Spark jobs: by PageNumber', async t => {
		const {clock, server} = await scenario(t, {
			only: 'dla',
			atSeconds: 120,
			start: Date.now(),
		});
		const client = () =>
			new DlaClient({
				endpoint: server.url,
				virtualCluster: dlaTestVirtualCluster,
				credentials: alibabaCredentials('dla'),
				pageSize: 5,
			});
		const kept = client();
		const {full, asked} = await steadyPoll({
			clock,
			requests: server.requests,
			kept: async () => kept.listSparkJobs({}, signal()),
			fresh: async () => client().listSparkJobs({}, signal()),
			laterMs: 60_000,
		});
		const pages = asked.map(request => pageOf(request, 'PageNumber'));
		assert.equal(pages[0], '1');
		assert.ok(
			pages.length < full.length,
			`${pages.join(', ')} of ${full.length}`,
		);
	});

	test('EMR Serverless job runs: the newest page, the active runs by state, and finished ones by id', async t => {
		const {clock, server, kept, client} = await emrLists(t, 300, {
			pageSize: 20,
		});
		const {first, full, asked} = await steadyPoll({
			clock,
			requests: server.requests,
			kept: async () => kept.listJobRuns({}, signal()),
			fresh: async () => client().listJobRuns({}, signal()),
			laterMs: 120_000,
		});
		assert.ok(first.items.length > 250);
		assert.ok(full.length > 12);
		const [newest, ...rest] = asked;
		assert.equal(newest!.query.get('nextToken'), null);
		assert.equal(newest!.query.get('states'), null);
		assert.deepEqual(JSON.parse(rest[0]!.query.get('states')!), [
			'Submitted',
			'Pending',
			'Running',
			'Cancelling',
		]);
		assert.ok(asked.length < 6, asked.map(request => request.path).join(' '));
	});

	test('EMR Serverless: a run that finished since, past the newest page, is asked for by id', async t => {
		const {clock, server, kept, client} = await emrLists(t, 110, {
			pageSize: 2,
			window: 40,
		});
		const {first, asked} = await steadyPoll({
			clock,
			requests: server.requests,
			kept: async () => kept.listJobRuns({}, signal()),
			fresh: async () => client().listJobRuns({}, signal()),
			laterMs: 20_000,
		});
		assert.equal(first.items.length, 40);
		const byId = asked.filter(request => request.query.has('jobRunId'));
		assert.equal(byId.length, 2, asked.map(request => request.path).join(' '));
	});

	test('EMR Serverless with a state filter: runs leave the list as they run, so it is read whole', async t => {
		const {server, kept} = await emrLists(t, 300, {pageSize: 20});
		const query = {states: '["Success"]'};
		await kept.listJobRuns(query, signal());
		const before = server.requests.length;
		await kept.listJobRuns(query, signal());
		assert.ok(server.requests.length - before > 5);
	});

	test('at 50,000 jobs, one steady poll is the newest page and the runs still active', async () => {
		const [dli, dla, emr] = await Promise.all([
			jobsPollCost('dli'),
			jobsPollCost('dla'),
			jobsPollCost('emr'),
		]);
		// Jobs 49,997 to 49,999 are on the newest page; job 46,010 is on page 40.
		assert.deepEqual(dli.asked, [
			'/v1.0/p/jobs?current-page=1',
			'/v1.0/p/jobs?current-page=40',
		]);
		assert.deepEqual(dla.asked, [
			'ListSparkJob?PageNumber=1',
			'ListSparkJob?PageNumber=40',
		]);
		assert.deepEqual(emr.asked, [
			'/api/v1/workspaces/w/jobRuns?nextToken=0',
			'/api/v1/workspaces/w/jobRuns?nextToken=0&states',
		]);
		for (const cost of [dli, dla, emr]) {
			assert.equal(cost.first.requests, 50);
		}
	});
});
