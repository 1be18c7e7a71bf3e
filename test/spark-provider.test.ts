import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {hasMore} from '../source/model/run-list.js';
import {SparkRestClient} from '../source/providers/spark/spark-client.js';
import {createSparkProvider} from '../source/providers/spark/spark-provider.js';
import {expectProviderError} from './helpers/fixtures.js';
import {scenario, signal} from './helpers/simulators.js';

describe('Spark REST provider against the Spark simulator over HTTP', () => {
	test('the newest --max-runs applications, 500 at most; a full answer says there are more', async t => {
		const {clock, server, url} = await scenario(t, {only: 'spark'});
		clock.advance(10_000);
		const few = await createSparkProvider({
			target: 'spark',
			endpoint: url,
			maxRuns: 2,
		}).listRuns!(signal());
		assert.equal(few.length, 2);
		assert.ok(hasMore(few));
		const all = await createSparkProvider({
			target: 'spark',
			endpoint: url,
			maxRuns: 100_000,
		}).listRuns!(signal());
		assert.ok(!hasMore(all) && all.length > 2);
		assert.equal(server.requests.at(-1)?.query.get('limit'), '500');
	});

	test('applications with attempts; running and completed ones', async t => {
		const {clock, url} = await scenario(t, {only: 'spark'});
		clock.advance(10_000);
		const provider = createSparkProvider({target: 'spark', endpoint: url});
		const runs = await provider.listRuns!(AbortSignal.timeout(5000));
		const rollup = runs.find(
			run => run.id === 'application_1700000000000_0042',
		);
		assert.equal(rollup?.attemptId, '2');
		assert.equal(rollup?.state, 'running');
		assert.equal(rollup?.sparkUiUrl, url);
		clock.advance(120_000);
		const later = await provider.listRuns!(AbortSignal.timeout(5000));
		assert.equal(
			later.find(run => run.id === 'application_1700000000000_0042')?.state,
			'succeeded',
		);
		assert.ok(
			later.find(run => run.id === 'application_1700000000000_0042')?.endedAt,
		);
	});

	test('jobs advance task by task, with failed, killed and skipped work along the way', async t => {
		const {clock, url} = await scenario(t, {only: 'spark', atSeconds: 130});
		const provider = createSparkProvider({target: 'spark', endpoint: url});
		const run = (await provider.listRuns!(AbortSignal.timeout(5000))).find(
			item => item.id === 'app-20261121090000-0001',
		)!;
		const before = await provider.getProgress!(run, AbortSignal.timeout(5000));
		const runningBefore = before.jobs.find(job => job.status === 'running')!;
		clock.advance(1000);
		const after = await provider.getProgress!(run, AbortSignal.timeout(5000));
		const sameJob = after.jobs.find(job => job.id === runningBefore.id)!;
		assert.ok(
			(sameJob.tasks.completedIndices ?? 0) >
				(runningBefore.tasks.completedIndices ?? 0),
		);
		assert.ok(after.jobs.some(job => job.tasks.failed > 0));
		assert.ok(
			after.jobs.some(
				job =>
					job.tasks.killed > 0 && Object.keys(job.killedSummary).length > 0,
			),
		);
		assert.ok(
			after.jobs.some(job => job.tasks.skipped > 0 && job.stages.skipped > 0),
		);
		assert.ok(after.jobs.some(job => job.status === 'failed'));
		assert.ok(
			(after.stages ?? []).every(
				stage => stage.status === 'active' || stage.status === 'failed',
			),
		);
	});

	test('attempt ids go into the per-application paths', async t => {
		const {url, server: spark} = await scenario(t, {
			only: 'spark',
			atSeconds: 131,
		});
		const client = new SparkRestClient({endpoint: url});
		const jobs = await client.listJobs({
			appId: 'application_1700000000000_0042',
			attemptId: '2',
		});
		assert.ok(Array.isArray(jobs));
		const request = spark.requests.at(-1);
		assert.equal(
			request?.path,
			'/api/v1/applications/application_1700000000000_0042/2/jobs',
		);
	});

	test('detail: every executor (from allexecutors) and Spark properties as config', async t => {
		const {url} = await scenario(t, {
			only: 'spark',
			atSeconds: 131,
		});
		const provider = createSparkProvider({
			target: 'spark',
			endpoint: `${url}/api/v1/`,
		});
		const run = (await provider.listRuns!(AbortSignal.timeout(5000))).find(
			item => item.state === 'running',
		)!;
		const detail = await provider.getRun!(run, AbortSignal.timeout(5000));
		assert.equal(
			detail.executors?.filter(executor => !executor.driver && executor.active)
				.length,
			4,
		);
		assert.equal(detail.config['spark.executor.memory'], '2g');
	});

	test('an attempt that exited non-zero failed, and says its code', async t => {
		const {url} = await scenario(t, {only: 'spark', atSeconds: 60});
		const provider = createSparkProvider({target: 'spark', endpoint: url});
		const run = (await provider.listRuns!(signal())).find(
			item => item.id === 'app-20261121080000-0007',
		)!;
		assert.equal(run.state, 'failed');
		assert.equal(run.rawState, 'completed, exit code 1');
		assert.equal(run.errorMessage, 'the driver exited with code 1');
	});

	test('when the stages cannot be read, the jobs still show, with the reason', async t => {
		const {url, server} = await scenario(t, {only: 'spark', atSeconds: 10});
		server.inject({
			path: /\/stages$/v,
			times: 1,
			response: {status: 500, body: 'stage store is rebuilding'},
		});
		const provider = createSparkProvider({target: 'spark', endpoint: url});
		const run = (await provider.listRuns!(signal())).find(
			item => item.id === 'app-20261121090000-0001',
		)!;
		const progress = await provider.getProgress!(run, signal());
		assert.ok(progress.jobs.length > 0);
		assert.equal(progress.stages, undefined);
		assert.match(
			progress.note ?? '',
			/^stages not shown: spark listStages: HTTP 500 stage store is rebuilding/v,
		);
	});

	test("Spark's plain-text errors come through as the message", async t => {
		const {url} = await scenario(t, {only: 'spark', atSeconds: 131});
		const error = await expectProviderError(
			new SparkRestClient({endpoint: url}).getApplication('no-such-app'),
		);
		assert.equal(error.status, 404);
		assert.equal(error.message, 'unknown app: no-such-app');
	});
});
