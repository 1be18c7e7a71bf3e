import assert from 'node:assert/strict';
import {test} from 'node:test';
import {hasMore, runList, totalOf} from '../source/model/run-list.js';
import {LivyClient} from '../source/providers/livy/livy-client.js';
import {createLivyProvider} from '../source/providers/livy/livy-provider.js';
import type {Provider} from '../source/providers/provider.js';
import {createSynapseProvider} from '../source/providers/synapse/synapse-provider.js';
import {manyBatches} from '../source/simulators/livy/many-batches.js';
import {json} from '../source/simulators/sim-server.js';
import {sessionRun} from './helpers/fixtures.js';
import {renderApp, waitForFrame} from './helpers/render-app.js';
import {serve} from './helpers/simulators.js';

// A full window is 51 requests, and one origin gets at most ten a second.
const signal = () => AbortSignal.timeout(30_000);

/** The many-batches Livy server on loopback, closed when the test ends. */
async function bigLivy(
	t: Parameters<typeof serve>[0],
	count: number,
	running: readonly number[],
	options?: {newestFirst?: boolean},
) {
	const livy = manyBatches(count, running, options);
	const server = await serve(t, 'livy', livy.handler);
	return {...livy, url: server.url};
}

test('at 50,000 batches a steady poll asks for the newest page and the pages of active runs only', async t => {
	const livy = await bigLivy(t, 50_000, [46_010, 49_998, 49_999]);
	const provider = createLivyProvider({target: 'livy', endpoint: livy.url});
	const first = await provider.listRuns!(signal());
	const full = livy.poll();
	assert.equal(first.length, 5000);
	assert.equal(first.at(-1)?.id, '49999', 'the newest are there');
	assert.equal(
		full.requests.filter(path => path.startsWith('/batches')).length,
		51,
		'a first load reads the whole window: the total, then 50 pages',
	);

	livy.batches[46_010]!.state = 'dead';
	const steady = await provider.listRuns!(signal());
	const poll = livy.poll();
	assert.deepEqual(poll.requests.toSorted(), [
		'/batches?from=46010',
		'/batches?from=49900',
		'/sessions?from=0',
	]);
	t.diagnostic(
		`steady poll at 50,000 batches: ${poll.requests.length} requests, ${poll.bytes} bytes (first load: ${full.requests.length} requests, ${full.bytes} bytes)`,
	);
	assert.equal(steady.length, 5000);
	assert.equal(
		steady.find(run => run.id === '46010')?.state,
		'failed',
		'the active run far back was read again',
	);

	// Its state settled, the old run is no longer asked for; new batches arrive at the end.
	for (let id = 50_000; id < 50_150; id++) {
		livy.batches.push({id, name: `new-${id}`, state: 'starting'});
	}

	const grown = await provider.listRuns!(signal());
	assert.deepEqual(livy.poll().requests.toSorted(), [
		'/batches?from=49900',
		'/batches?from=50000',
		'/batches?from=50100',
		'/sessions?from=0',
	]);
	assert.equal(grown.length, 5000, 'still the window');
	assert.equal(grown.at(-1)?.id, '50149');
	assert.equal(grown[0]?.id, '45150');

	// The server deleted a run: offsets moved, so the whole window is read again.
	livy.batches.splice(48_000, 1);
	const moved = await provider.listRuns!(signal());
	assert.ok(livy.poll().requests.length > 50);
	assert.equal(moved.at(-1)?.id, '50149');
	assert.ok(!moved.some(run => run.id === '48000'));
});

test('Synapse lists newest first and its total cannot be believed: the newest window is read, and said to have more', async t => {
	const count = 250;
	const asked: number[] = [];
	const server = await serve(t, 'synapse', request => {
		const from = Number(request.query.get('from') ?? 0);
		const size = Math.min(20, Number(request.query.get('size') ?? 20));
		const isBatches = request.path.endsWith('/batches');
		if (isBatches) {
			asked.push(from);
		}

		// Newest first; `total` is the page's length, as Synapse has been seen to send it.
		const items = isBatches
			? Array.from({length: count}, (_, index) => ({
					id: count - 1 - index,
					name: `batch-${count - 1 - index}`,
					state: 'success',
				})).slice(from, from + size)
			: [];
		return json(200, {from, total: items.length, sessions: items});
	});
	const provider = createSynapseProvider({
		target: 'syn',
		endpoint: server.url,
		pool: 'pool',
		maxRuns: 100,
		tokenSource: {describe: 'test', fetch: async () => ({token: 'x'})},
	});
	const runs = await provider.listRuns!(signal());
	assert.equal(runs.length, 100);
	assert.deepEqual(
		[runs[0]?.id, runs.at(-1)?.id],
		['249', '150'],
		'the newest hundred',
	);
	assert.deepEqual(asked, [0, 20, 40, 60, 80]);
	assert.equal(hasMore(runs), true, 'and it says there are more');
	assert.equal(totalOf(runs), 100);
});

test('the Runs title says "newest N of TOTAL" for a window, and "TOTAL+" when the service did not say how many', async () => {
	const runs = Array.from({length: 3}, (_, index) =>
		sessionRun(String(index), {name: `run-${index}`}),
	);
	for (const [list, title] of [
		[runList([...runs], 50_000), 'newest 3 of 50000'],
		[runList([...runs], 3, true), 'newest 3 of 3+'],
	] as const) {
		const provider: Provider = {
			id: 'livy',
			kinds: ['session'],
			target: 'livy',
			endpoint: 'http://127.0.0.1:1',
			listRuns: async () => list,
		};
		const app = renderApp([provider]);
		try {
			await waitForFrame(app.lastFrame, frame => frame.includes(title));
		} finally {
			app.cleanup();
		}
	}
});

test('a list paged newest first with no total (Synapse): a steady poll reads from the newest to the runs it had, and the pages of active ones', async t => {
	const livy = await bigLivy(t, 50_000, [49_700, 49_990], {newestFirst: true});
	const client = new LivyClient({
		endpoint: livy.url,
		pageSize: 20,
		window: 400,
		trustTotal: false,
	});
	const ids = (window: {items: readonly unknown[]}) =>
		window.items.map(item => (item as {id: number}).id);
	const first = await client.listBatches(signal());
	assert.equal(
		livy.poll().requests.length,
		20,
		'a first load reads the window',
	);
	assert.equal(ids(first)[0], 49_999, 'newest first');
	assert.equal(first.items.length, 400);
	assert.equal(first.more, true, 'the server had more than the window');

	const steady = await client.listBatches(signal());
	assert.deepEqual(
		livy.poll().requests,
		['/batches?from=0', '/batches?from=280'],
		'the newest page (which holds the active 49990), and the page of the active 49700',
	);
	assert.deepEqual(ids(steady), ids(first));

	// Three new runs, and the old active one finishes.
	for (let id = 50_000; id < 50_003; id++) {
		livy.batches.push({id, name: `new-${id}`, state: 'running'});
	}

	// 49700 is now three places further down: on the next page.
	livy.batches[49_700]!.state = 'dead';
	const grown = await client.listBatches(signal());
	assert.deepEqual(livy.poll().requests, [
		'/batches?from=0',
		'/batches?from=300',
	]);
	assert.deepEqual(ids(grown).slice(0, 4), [50_002, 50_001, 50_000, 49_999]);
	assert.equal(grown.items.length, 400, 'still the window');
	assert.equal(
		(
			grown.items.find(item => (item as {id: number}).id === 49_700) as {
				state: string;
			}
		).state,
		'dead',
	);

	// The run that finished is not asked for again; only the newest page is.
	await client.listBatches(signal());
	assert.deepEqual(livy.poll().requests, ['/batches?from=0']);

	// The newest run it had was deleted: the list moved under it, so the window is read again.
	livy.batches.pop();
	const moved = await client.listBatches(signal());
	assert.ok(livy.poll().requests.length >= 20, 'read whole again');
	assert.deepEqual(ids(moved).slice(0, 2), [50_001, 50_000]);
	assert.equal(moved.items.length, 400);
});
