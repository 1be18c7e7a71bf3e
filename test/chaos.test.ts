import assert from 'node:assert/strict';
import {describe, test, type TestContext} from 'node:test';
import {createLivyProvider} from '../source/providers/livy/livy-provider.js';
import {createSparkProvider} from '../source/providers/spark/spark-provider.js';
import {systemClock} from '../source/store/clock.js';
import {PollingStore} from '../source/store/polling-store.js';
import {runsResource} from '../source/store/resources.js';
import type {Run} from '../source/model/types.js';
import {maxFieldChars} from '../source/model/wire.js';
import {faultKinds, type FaultKind, faultProxy} from './helpers/fault-proxy.js';
import {scenario} from './helpers/simulators.js';
import {runCli} from './helpers/spawn-cli.js';

/** The interval the monitor polls at in these runs. */
const intervalMs = 1000;
/** The longest backoff step (the store's cap at this interval). */
const backoffCapMs = 5000;
/** The shortest the store waits for a request that usually answers fast. */
const deadlineMs = 2000;
/** Scheduling on a busy 2-core machine. */
const slackMs = 1500;

async function until(
	check: () => boolean,
	timeoutMs: number,
	what: string,
): Promise<number> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > timeoutMs) {
			throw new Error(`${what} did not happen within ${timeoutMs} ms`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 25);
		});
	}

	return Date.now() - started;
}

type Server = 'livy' | 'spark';

const providers = {
	livy: (endpoint: string) => createLivyProvider({target: 'livy', endpoint}),
	spark: (endpoint: string) => createSparkProvider({target: 'spark', endpoint}),
};

/** One fault in front of a simulator, as the monitor's store meets it. */
async function monitorThrough(t: TestContext, server: Server, kind: FaultKind) {
	const {url} = await scenario(t, {only: server, atSeconds: 30, now: true});
	const proxy = await faultProxy(t, url);
	const store = new PollingStore({clock: systemClock(), intervalMs});
	t.after(() => {
		store.dispose();
	});
	const provider = providers[server](proxy.url);
	const spec = runsResource(provider)!;
	store.subscribe(spec, () => undefined);
	const runs = () => store.getSnapshot<Run[]>(spec.key).data;
	await until(() => (runs()?.length ?? 0) > 0, 10_000, 'the first runs');
	// A second answer, so the store knows how long answers usually take.
	const first = store.getStatus().updatedAt!;
	await until(
		() => (store.getStatus().updatedAt ?? 0) > first,
		5000,
		'a second answer',
	);

	proxy.fault(kind);
	const troubled = () => {
		const status = store.getStatus();
		return status.errors.length > 0 || status.lateSince !== undefined;
	};

	const troubleAfter =
		kind === 'huge'
			? undefined
			: await until(
					troubled,
					3 * intervalMs + slackMs,
					`${kind}: trouble shown`,
				);
	if (kind === 'huge') {
		const name = () => runs()?.[0]?.name ?? '';
		// A few megabytes to read and parse: a slow machine takes a few intervals.
		await until(
			() => name().endsWith('KB more'),
			3 * intervalMs + deadlineMs + slackMs,
			'the huge name, cut',
		);
		assert.ok(
			name().length <= maxFieldChars + 64,
			`${name().length} characters kept`,
		);
		assert.match(name(), /… [\d,]+ KB more$/v);
	} else {
		// Watched for a while: neither dropped nor replaced by what the fault sends.
		const kept = runs();
		await new Promise(resolve => {
			setTimeout(resolve, 1500);
		});
		assert.ok((runs()?.length ?? 0) > 0, `${kind}: the last data stays`);
		assert.equal(runs(), kept, `${kind}: the last data stays as it was`);
	}

	proxy.fault(undefined);
	const endedAt = Date.now();
	const recoveredAfter = await until(
		() => {
			const status = store.getStatus();
			return (
				!troubled() &&
				(status.updatedAt ?? 0) > endedAt &&
				(runs()?.length ?? 0) > 1
			);
		},
		intervalMs + deadlineMs + backoffCapMs + slackMs,
		`${kind}: fresh again`,
	);
	return {troubleAfter, recoveredAfter, proxy};
}

describe(
	'faults between sparktop and a server (a proxy in front of the Livy and Spark simulators)',
	{concurrency: true},
	() => {
		for (const server of ['livy', 'spark'] as const) {
			for (const kind of faultKinds) {
				test(`${server}, ${kind}: the monitor stays up, keeps the last data, shows the trouble, and recovers by itself; --once ends in time with one line`, async t => {
					const {troubleAfter, recoveredAfter, proxy} = await monitorThrough(
						t,
						server,
						kind,
					);
					t.diagnostic(
						`${server}, ${kind}: trouble shown after ${troubleAfter ?? '-'} ms, fresh ${recoveredAfter} ms after it ended`,
					);
					proxy.fault(kind);
					// A slow answer must fit in the deadline with room for a loaded machine; the
					// others must end at it.
					const timeoutSeconds = kind === 'latency' ? 8 : 4;
					const started = Date.now();
					const once = await runCli([
						'runs',
						'--once',
						'--timeout',
						String(timeoutSeconds),
						'--provider',
						server,
						'--endpoint',
						proxy.url,
					]);
					const took = Date.now() - started;
					t.diagnostic(
						`${server}, ${kind}: --once exit ${once.code} after ${took} ms`,
					);
					assert.ok(
						took < timeoutSeconds * 1000 + 3000,
						`--once took ${took} ms`,
					);
					// A slow answer is still an answer; a huge one is read with its fields capped.
					const answers = kind === 'latency' || kind === 'huge';
					if (answers) {
						assert.equal(once.code, 0, once.stderr);
						assert.equal(once.stderr, '');
					} else {
						assert.equal(once.code, 1, once.stdout);
						assert.equal(once.stderr.trim().split('\n').length, 1, once.stderr);
						assert.match(
							once.stderr,
							new RegExp(`^sparktop: target "${server}" failed: `, 'v'),
						);
					}
				});
			}
		}
	},
);
