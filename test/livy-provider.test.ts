import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {totalOf} from '../source/model/run-list.js';
import {credentialsForOrigin} from '../source/providers/basic-auth.js';
import {LivyClient} from '../source/providers/livy/livy-client.js';
import {createLivyProvider} from '../source/providers/livy/livy-provider.js';
import {livyApplications} from '../source/simulators/livy/livy-scenario.js';
import {livySimulator} from '../source/simulators/livy/livy-simulator.js';
import {manyBatches} from '../source/simulators/livy/many-batches.js';
import {sparkSimulator} from '../source/simulators/spark/spark-simulator.js';
import {manualClock} from '../source/simulators/sim-clock.js';
import {expectProviderError} from './helpers/fixtures.js';
import {scenario, serve, signal} from './helpers/simulators.js';

describe('Livy provider against the Livy simulator over HTTP', () => {
	test('sessions move starting -> idle <-> busy -> dead, batches running -> success | dead', async t => {
		const {clock, server: livy} = await scenario(t, {only: 'livy'});
		const provider = createLivyProvider({target: 'livy', endpoint: livy.url});
		const atStart = await provider.listRuns!(AbortSignal.timeout(5000));
		assert.equal(
			atStart.find(run => run.key === 'livy:session:0')?.rawState,
			'starting',
		);
		clock.advance(6000);
		const busy = await provider.listRuns!(AbortSignal.timeout(5000));
		assert.equal(
			busy.find(run => run.key === 'livy:session:0')?.rawState,
			'busy',
		);
		clock.advance(14_000);
		const later = await provider.listRuns!(AbortSignal.timeout(5000));
		const states = Object.fromEntries(
			later.map(run => [run.key, run.rawState]),
		);
		assert.equal(states['livy:batch:1'], 'dead');
		assert.equal(states['livy:batch:0'], 'running');
		clock.advance(30_000);
		const end = Object.fromEntries(
			(await provider.listRuns!(AbortSignal.timeout(5000))).map(run => [
				run.key,
				run.state,
			]),
		);
		assert.equal(end['livy:batch:0'], 'succeeded');
		assert.equal(end['livy:session:2'], 'failed');
		assert.equal(
			end['livy:session:0'] === 'idle' || end['livy:session:0'] === 'busy',
			true,
		);
	});

	test('pages through sessions and batches with from/size until the total, a few pages at a time', async t => {
		const {server: livy} = await scenario(t, {only: 'livy', atSeconds: 250});
		const client = new LivyClient({endpoint: livy.url, pageSize: 2});
		const before = livy.requests.length;
		const batches = await client.listBatches();
		const pages = livy.requests
			.slice(before)
			.filter(request => request.path === '/batches');
		assert.ok(batches.items.length > 4);
		assert.equal(batches.total, batches.items.length);
		// Every page once, without asking for an empty one.
		assert.equal(pages.length, Math.ceil(batches.items.length / 2));
		assert.deepEqual(
			pages
				.map(request => Number(request.query.get('from')))
				.toSorted((a, b) => a - b),
			pages.map((_, index) => index * 2),
		);
		assert.ok(
			pages.every(request => request.headers['x-requested-by'] === 'sparktop'),
		);
	});

	test('a window smaller than the list reads the newest runs, from the end, and says how many there are', async t => {
		const {server: livy} = await scenario(t, {only: 'livy', atSeconds: 250});
		const everything = await new LivyClient({endpoint: livy.url}).listBatches();
		const count = everything.items.length;
		assert.ok(count >= 5, `${count} batches`);
		const newestIds = everything.items
			.slice(-3)
			.map(batch => (batch as {id: number}).id);
		const client = new LivyClient({endpoint: livy.url, pageSize: 2, window: 3});
		const before = livy.requests.length;
		const windowed = await client.listBatches();
		assert.equal(windowed.total, count);
		assert.deepEqual(
			windowed.items.map(batch => (batch as {id: number}).id),
			newestIds,
		);
		const froms = livy.requests
			.slice(before)
			.filter(request => request.path === '/batches')
			.map(request => Number(request.query.get('from')))
			.toSorted((a, b) => a - b);
		// One page for the total, then only the pages at the end.
		assert.deepEqual(
			froms,
			[0, count - 3, count - 1].toSorted((a, b) => a - b),
		);

		const provider = createLivyProvider({
			target: 'livy',
			endpoint: livy.url,
			maxRuns: 3,
		});
		const runs = await provider.listRuns!(AbortSignal.timeout(5000));
		assert.ok(totalOf(runs) > runs.length);
		assert.ok(runs.filter(run => run.kind === 'batch').length <= 3);
	});

	test('statements: ok text, a JSON table, an error with traceback, and escape sequences kept as data', async t => {
		const {server: livy} = await scenario(t, {only: 'livy', atSeconds: 250});
		const provider = createLivyProvider({target: 'livy', endpoint: livy.url});
		const run = (await provider.listRuns!(AbortSignal.timeout(5000))).find(
			item => item.key === 'livy:session:0',
		)!;
		const statements = await provider.listStatements!(
			run,
			AbortSignal.timeout(5000),
		);
		const available = statements.filter(
			statement => statement.state === 'available',
		);
		assert.ok(available.length >= 4);
		assert.equal(available[0]?.output?.data['text/plain'], '1000000');
		assert.ok(available[1]?.output?.data['application/json']);
		assert.equal(available[2]?.output?.errorName, 'AnalysisException');
		assert.ok((available[2]?.output?.traceback.length ?? 0) > 2);
		assert.match(
			String(available[3]?.output?.data['text/plain']),
			/\u001B\]52/v,
		);
		assert.ok(statements.every(statement => statement.sessionKey === run.key));
	});

	test("a long session's statements: only the newest hundred each poll, by order=desc, or by from on an older Livy", async t => {
		// Session 0 runs a statement every 10 s: about 150 of them by now.
		const {server: livy} = await scenario(t, {only: 'livy', atSeconds: 1500});
		const provider = createLivyProvider({target: 'livy', endpoint: livy.url});
		const session = (await provider.listRuns!(signal())).find(
			run => run.key === 'livy:session:0',
		)!;
		const all = (await new LivyClient({endpoint: livy.url}).listStatements(
			'0',
		)) as {total_statements: number};
		assert.ok(all.total_statements > 120, String(all.total_statements));
		const before = livy.requests.length;
		const newest = await provider.listStatements!(session, signal());
		assert.equal(newest.length, 100);
		assert.equal(newest.at(-1)?.id, String(all.total_statements - 1));
		assert.equal(newest[0]?.id, String(all.total_statements - 100));
		const asked = livy.requests.slice(before);
		assert.equal(asked.length, 1);
		assert.equal(asked[0]?.query.get('order'), 'desc');
		assert.equal(asked[0]?.query.get('size'), '100');

		// A Livy before 0.8 ignores order: the newest are then asked for by from.
		const oldLivy = await serve(t, 'old-livy', request => {
			request.query.delete('order');
			return livySimulator({
				clock: manualClock(),
				startedAt: manualClock().now() - 1_500_000,
			})(request);
		});
		const fromOld = await createLivyProvider({
			target: 'livy',
			endpoint: oldLivy.url,
		}).listStatements!(session, signal());
		assert.equal(fromOld.length, 100);
		assert.equal(fromOld.at(-1)?.id, newest.at(-1)?.id);
		assert.equal(
			oldLivy.requests.at(-1)?.query.get('from'),
			String(all.total_statements - 100),
		);
		const none = (await new LivyClient({endpoint: livy.url}).http.json({
			operation: 'list',
			path: 'sessions/0/statements',
			query: {size: 0},
		})) as {statements: unknown[]};
		assert.deepEqual(none.statements, []);
	});

	test('a running statement reports rising progress', async t => {
		// Session 0 runs a statement every 10 s from 4 s; each waits 1 s and runs 7 s.
		const {clock, server: livy} = await scenario(t, {
			only: 'livy',
			atSeconds: 266,
		});
		const client = new LivyClient({endpoint: livy.url});
		const progressOf = async () => {
			const body = (await client.listStatements('0')) as {
				statements: Array<{state: string; progress: number}>;
			};
			return body.statements.find(statement => statement.state === 'running')
				?.progress;
		};

		const first = await progressOf();
		clock.advance(2000);
		const second = await progressOf();
		assert.ok(
			first !== undefined && second !== undefined && second > first,
			`${first} then ${second}`,
		);
	});

	test('session detail, state and log tail', async t => {
		const {server: livy} = await scenario(t, {only: 'livy', atSeconds: 268});
		const provider = createLivyProvider({
			target: 'livy',
			endpoint: livy.url,
			logLines: 3,
		});
		const run = (await provider.listRuns!(AbortSignal.timeout(5000))).find(
			item => item.key === 'livy:batch:1',
		)!;
		const detail = await provider.getRun!(run, AbortSignal.timeout(5000));
		assert.equal(detail.state, 'failed');
		assert.ok(
			detail.logTail.some(line => line.includes('IllegalStateException')),
		);
		const log = await provider.getLog!(run, AbortSignal.timeout(5000));
		assert.equal(log.lines.length, 3);
		assert.ok((log.total ?? 0) > 3);
		const state = (await new LivyClient({endpoint: livy.url}).getState(
			'batches',
			'1',
		)) as {state: string};
		assert.equal(state.state, 'dead');
	});

	test('a Livy run links to its Spark UI, whose jobs are its live progress', async t => {
		const {servers} = await scenario(t, {atSeconds: 268});
		const livy = servers['livy']!;
		const provider = createLivyProvider({target: 'livy', endpoint: livy.url});
		const run = (await provider.listRuns!(AbortSignal.timeout(5000))).find(
			item => item.key === 'livy:session:0',
		)!;
		assert.match(run.sparkUiUrl ?? '', /\/proxy\/application_/v);
		const progress = await provider.getProgress!(
			run,
			AbortSignal.timeout(5000),
		);
		assert.ok(progress.jobs.length > 0);
		assert.match(progress.source, /spark-rest/v);
	});

	test('Livy error bodies: unknown session, unknown statement, statements of a dead session', async t => {
		const {server: livy} = await scenario(t, {only: 'livy', atSeconds: 268});
		const client = new LivyClient({endpoint: livy.url});
		const missing = await expectProviderError(client.getSession('77'));
		assert.equal(missing.status, 404);
		assert.equal(missing.message, "Session '77' not found.");
		const statement = await expectProviderError(
			client.getStatement('0', '999'),
		);
		assert.equal(statement.message, 'Statement not found');
		const dead = await expectProviderError(client.listStatements('2'));
		assert.equal(dead.status, 400);
		assert.match(dead.message, /Session isn't active/v);
		const wrongPath = await expectProviderError(
			client.http.json({operation: 'bogus', path: 'nope'}),
		);
		assert.equal(wrongPath.status, 404);
		assert.match(wrongPath.message, /HTML error page/v);
	});

	test('429 with Retry-After, then recovery', async t => {
		const {server: livy} = await scenario(t, {only: 'livy'});
		livy.inject({
			path: /^\/sessions$/v,
			times: 1,
			response: {
				status: 429,
				headers: {'retry-after': '3', 'content-type': 'text/plain'},
				body: 'Too Many Requests',
			},
		});
		const provider = createLivyProvider({target: 'livy', endpoint: livy.url});
		const throttled = await expectProviderError(
			provider.listRuns!(AbortSignal.timeout(5000)),
		);
		assert.equal(throttled.status, 429);
		assert.equal(throttled.retryAfterMs, 3000);
		assert.ok((await provider.listRuns!(AbortSignal.timeout(5000))).length > 0);
	});

	test('an HTML page with status 200 (a proxy login) is a clear error', async t => {
		const {server: livy} = await scenario(t, {only: 'livy'});
		livy.inject({
			path: /^\/batches$/v,
			times: 1,
			response: {
				status: 200,
				headers: {'content-type': 'text/html'},
				body: '<html><body>Please sign in</body></html>',
			},
		});
		const error = await expectProviderError(
			new LivyClient({endpoint: livy.url}).listBatches(),
		);
		assert.equal(error.kind, 'malformed');
	});

	test('HTTP Basic auth: refused without credentials, accepted with them, password never in errors', async t => {
		const secured = await serve(
			t,
			'livy',
			livySimulator({
				clock: manualClock(),
				credentials: {username: 'ops', password: 's3cret-pass'},
			}),
		);
		const anonymous = await expectProviderError(
			createLivyProvider({target: 'l', endpoint: secured.url}).listRuns!(
				AbortSignal.timeout(5000),
			),
		);
		assert.equal(anonymous.status, 401);
		const wrong = await expectProviderError(
			createLivyProvider({
				target: 'l',
				endpoint: secured.url,
				credentials: {username: 'ops', password: 'wrong-pass'},
			}).listRuns!(AbortSignal.timeout(5000)),
		);
		assert.doesNotMatch(wrong.summary(), /wrong-pass/v);
		const runs = await createLivyProvider({
			target: 'l',
			endpoint: secured.url,
			credentials: {username: 'ops', password: 's3cret-pass'},
		}).listRuns!(AbortSignal.timeout(5000));
		assert.ok(runs.length > 0);
	});

	test('credentials follow their origin: never another host or port, never http where it was https', () => {
		const credentials = {username: 'ops', password: 'p'};
		const knox = 'https://knox.example.com:8443/gateway/prod/livy/v1';
		for (const [url, expected] of [
			[
				'https://knox.example.com:8443/gateway/prod/yarn/proxy/app_1/',
				credentials,
			],
			[
				'http://knox.example.com:8443/gateway/prod/yarn/proxy/app_1/',
				undefined,
			],
			['https://knox.example.com/gateway/prod/yarn/proxy/app_1/', undefined],
			['https://rm-host.example.com:8443/proxy/app_1/', undefined],
			['not a url', undefined],
		] as const) {
			assert.equal(credentialsForOrigin(url, knox, credentials), expected, url);
		}
	});

	test("Livy's credentials go only to Livy's origin: a Spark UI elsewhere is read without them", async t => {
		const clock = manualClock();
		const credentials = {username: 'ops', password: 's3cret-pass'};
		const sparkApps = sparkSimulator(livyApplications(), clock);
		// A Spark UI on another port: another origin.
		const elsewhere = await serve(t, 'spark', sparkApps);
		const livy = await serve(
			t,
			'livy',
			livySimulator({clock, credentials, sparkUrl: () => elsewhere.url}),
		);
		clock.advance(20_000);
		const provider = createLivyProvider({
			target: 'l',
			endpoint: livy.url,
			credentials,
		});
		const session = (await provider.listRuns!(signal())).find(
			run => run.key === 'l:session:0',
		)!;
		assert.ok(session.sparkUiUrl?.startsWith(elsewhere.url));
		assert.ok((await provider.getProgress!(session, signal())).jobs.length > 0);
		assert.ok(elsewhere.requests.length > 0);
		assert.ok(
			elsewhere.requests.every(
				request => request.headers.authorization === undefined,
			),
			'no Authorization went to the other origin',
		);
		assert.ok(
			livy.requests.every(request =>
				String(request.headers.authorization).startsWith('Basic '),
			),
		);

		// The same gateway serving both (Knox in front of Livy and YARN): the same origin, so the
		// credentials go along.
		const livyHandler = livySimulator({
			clock,
			startedAt: clock.now() - 20_000,
			credentials,
			sparkUrl: () => gateway.url,
		});
		const gateway = await serve(t, 'gateway', request =>
			request.path.startsWith('/proxy/')
				? sparkApps(request)
				: livyHandler(request),
		);
		const behindGateway = createLivyProvider({
			target: 'g',
			endpoint: gateway.url,
			credentials,
		});
		const proxied = (await behindGateway.listRuns!(signal())).find(
			run => run.key === 'g:session:0',
		)!;
		await behindGateway.getProgress!(proxied, signal());
		const toSpark = gateway.requests.filter(request =>
			request.path.startsWith('/proxy/'),
		);
		assert.ok(toSpark.length > 0);
		assert.ok(
			toSpark.every(request =>
				String(request.headers.authorization).startsWith('Basic '),
			),
		);
	});

	test('cancel a running statement, then delete the session and a batch (with X-Requested-By)', async t => {
		// Session 0 runs a statement every 10 s from 4 s; each waits 1 s and runs 7 s.
		const {clock, server: own} = await scenario(t, {
			only: 'livy',
			atSeconds: 6,
		});
		const livyProvider = createLivyProvider({target: 'l', endpoint: own.url});
		const session = (
			await livyProvider.listRuns!(AbortSignal.timeout(5000))
		).find(run => run.key === 'l:session:0')!;
		const statements = await livyProvider.listStatements!(
			session,
			AbortSignal.timeout(5000),
		);
		const running = statements.find(statement => statement.state === 'running');
		assert.ok(running, statements.map(statement => statement.state).join(','));
		await livyProvider.cancelStatement!(
			session,
			running,
			AbortSignal.timeout(5000),
		);
		const cancel = own.requests.at(-1)!;
		assert.equal(cancel.method, 'POST');
		assert.equal(cancel.headers['x-requested-by'], 'sparktop');
		clock.advance(10_000);
		const after = await livyProvider.listStatements!(
			session,
			AbortSignal.timeout(5000),
		);
		assert.equal(
			after.find(statement => statement.id === running.id)?.state,
			'cancelled',
		);

		const batch = (
			await livyProvider.listRuns!(AbortSignal.timeout(5000))
		).find(run => run.kind === 'batch')!;
		await livyProvider.cancelRun!(session, AbortSignal.timeout(5000));
		await livyProvider.cancelRun!(batch, AbortSignal.timeout(5000));
		assert.equal(own.requests.at(-1)?.method, 'DELETE');
		const keys = new Set(
			(await livyProvider.listRuns!(AbortSignal.timeout(5000))).map(
				run => run.key,
			),
		);
		assert.ok(!keys.has(session.key) && !keys.has(batch.key));
		const gone = await expectProviderError(
			livyProvider.cancelRun!(session, AbortSignal.timeout(5000)),
		);
		assert.equal(gone.status, 404);
	});
});

test('a steady poll hands back the same run objects for runs that did not change, and new ones for runs that did', async t => {
	const livy = manyBatches(450, [120, 449]);
	const server = await serve(t, 'livy', livy.handler);
	const provider = createLivyProvider({target: 'livy', endpoint: server.url});
	const first = await provider.listRuns!(signal());
	livy.batches[120]!.state = 'dead';
	const second = await provider.listRuns!(signal());
	const byKey = new Map(first.map(run => [run.key, run]));
	const changed = second.filter(run => byKey.get(run.key) !== run);
	// The newest page and the page of the active run were read again (200 of 450); of them, only
	// the run that changed is a new object.
	assert.deepEqual(
		changed.map(run => run.key),
		['livy:batch:120'],
	);
	assert.equal(
		second.find(run => run.key === 'livy:batch:120')?.rawState,
		'dead',
	);
	assert.equal(
		second.find(run => run.key === 'livy:batch:3'),
		first.find(run => run.key === 'livy:batch:3'),
	);
});

test('a steady poll that finds nothing a run shows changed hands back the very list it had', async t => {
	const livy = manyBatches(450, [120, 449]);
	const server = await serve(t, 'livy', livy.handler);
	const provider = createLivyProvider({target: 'livy', endpoint: server.url});
	const first = await provider.listRuns!(signal());
	assert.equal(await provider.listRuns!(signal()), first);
	// Livy's list carries the last lines of a batch's log, which the runs do not show.
	Object.assign(livy.batches[449]!, {log: ['stdout: stage 3 of 7']});
	assert.equal(await provider.listRuns!(signal()), first);
	livy.batches.push({id: 450, name: 'nightly-etl-00450', state: 'starting'});
	const grown = await provider.listRuns!(signal());
	assert.notEqual(grown, first);
	assert.equal(grown.length, 451);
	assert.deepEqual(
		grown.filter(run => !first.includes(run)).map(run => run.key),
		['livy:batch:450'],
	);
});

test('a list read newest first keeps the items it had when a steady read finds them the same', async t => {
	const livy = manyBatches(95, [90], {newestFirst: true});
	const server = await serve(t, 'livy', livy.handler);
	const client = new LivyClient({
		endpoint: server.url,
		pageSize: 20,
		trustTotal: false,
	});
	const first = await client.listBatches(signal());
	const second = await client.listBatches(signal());
	assert.equal(second.items, first.items);
	livy.batches[90]!.state = 'success';
	const third = await client.listBatches(signal());
	assert.deepEqual(
		third.items.filter(item => !first.items.includes(item)),
		[{id: 90, name: 'nightly-etl-00090', state: 'success'}],
	);
});
