import assert from 'node:assert/strict';
import {test} from 'node:test';
import {firstFrameWaitMs, startWatching} from '../source/cli/start-watching.js';
import type {RunList} from '../source/model/run-list.js';
import type {Provider} from '../source/providers/provider.js';

function provider(
	target: string,
	listRuns: (signal: AbortSignal) => Promise<RunList>,
): Provider {
	return {
		id: 'livy',
		kinds: ['batch'],
		target,
		endpoint: 'http://127.0.0.1:1',
		listRuns,
	};
}

const answerAfter = async (ms: number): Promise<RunList> =>
	new Promise(resolve => {
		setTimeout(() => {
			resolve([]);
		}, ms);
	});

test('the lists are asked for at once, and the first frame waits for them while they answer quickly', async () => {
	const asked: string[] = [];
	const startedAt = performance.now();
	const {store, listedOrDue} = startWatching(
		['a', 'b'].map(target =>
			provider(target, async () => {
				asked.push(target);
				return answerAfter(5);
			}),
		),
		3000,
	);
	try {
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		assert.deepEqual(asked, ['a', 'b'], 'asked before anything waits');
		await listedOrDue;
		assert.ok(performance.now() - startedAt < firstFrameWaitMs);
		assert.deepEqual(store.getSnapshot('runs:a').data, []);
		assert.deepEqual(store.getSnapshot('runs:b').data, []);
	} finally {
		store.dispose();
	}
});

test('a list that is slow to answer holds the first frame no longer than the wait', async () => {
	const startedAt = performance.now();
	const {store, listedOrDue} = startWatching(
		[
			provider('quick', async () => answerAfter(1)),
			provider('slow', async () => answerAfter(10_000)),
		],
		3000,
	);
	try {
		await listedOrDue;
		const waited = performance.now() - startedAt;
		assert.ok(
			waited >= firstFrameWaitMs - 2 && waited < firstFrameWaitMs + 500,
			`waited ${waited} ms`,
		);
		assert.equal(store.getSnapshot('runs:slow').loading, true);
	} finally {
		store.dispose();
	}
});
