import path from 'node:path';
import process from 'node:process';
import type {AlibabaCredentials} from '../source/providers/alibaba/acs3-signer.js';
import {CachedCredential} from '../source/providers/auth/cached-credential.js';
import {DlaClient} from '../source/providers/dla/dla-client.js';
import type {AkskCredentials} from '../source/providers/dli/aksk-signer.js';
import {DliClient} from '../source/providers/dli/dli-client.js';
import {EmrServerlessClient} from '../source/providers/emr-serverless/emr-client.js';
import type {Window} from '../source/http/paging.js';
import {LivyClient} from '../source/providers/livy/livy-client.js';
import {alibabaTestCredentials} from '../source/simulators/alibaba/pop-gateway.js';
import {dliTestCredentials} from '../source/simulators/dli/dli-gateway.js';
import {manyBatches} from '../source/simulators/livy/many-batches.js';
import {type ListWire, manyJobs} from '../source/simulators/many-jobs.js';
import {startSimServer} from '../source/simulators/sim-server.js';
import {
	median,
	percentile,
	rssMiB,
	runInPty,
	textOf,
	waitUntil,
} from './pty.js';

const cli = path.resolve(process.cwd(), 'dist/sparktop.js');
const node = process.execPath;

const running = [46_010, 49_997, 49_998, 49_999];

type PollCost = {
	first: {requests: number; bytes: number};
	steady: {requests: number; bytes: number};
	/** What the steady poll asked for. */
	asked?: string[];
};

/**
 * What a first load and one steady poll of 50,000 batches ask for, requests and bytes: as Livy
 * lists them (oldest first, 100 a page, with a total), or as Synapse does (newest first, 20 a
 * page, no total to believe).
 */
export async function pollCost(
	wire: 'livy' | 'synapse' = 'livy',
): Promise<PollCost> {
	const livy = manyBatches(50_000, running, {newestFirst: wire === 'synapse'});
	const server = await startSimServer('livy', livy.handler);
	try {
		const client = new LivyClient(
			wire === 'livy'
				? {endpoint: server.url}
				: {endpoint: server.url, pageSize: 20, trustTotal: false},
		);
		await client.listBatches(AbortSignal.timeout(120_000));
		const first = livy.poll();
		await client.listBatches(AbortSignal.timeout(120_000));
		const steady = livy.poll();
		return {
			first: {requests: first.requests.length, bytes: first.bytes},
			steady: {requests: steady.requests.length, bytes: steady.bytes},
		};
	} finally {
		await server.close();
	}
}

type Lister = (signal: AbortSignal) => Promise<Window>;

/** Test keys, as a credential of a provider. */
function testKeys<Keys>(provider: string, value: Keys, secret: string) {
	return new CachedCredential<Keys>({
		source: {describe: 'test keys', fetch: async () => ({value})},
		provider,
		secretsOf: () => [secret],
	});
}

/** The same for 50,000 DLI SQL jobs, DLA jobs or EMR Serverless job runs, listed newest first. */
export async function jobsPollCost(wire: ListWire): Promise<PollCost> {
	const jobs = manyJobs(wire, 50_000, running);
	const server = await startSimServer(wire, jobs.handler);
	const alibaba = () =>
		testKeys<AlibabaCredentials>(
			wire,
			alibabaTestCredentials,
			alibabaTestCredentials.accessKeySecret,
		);
	const listers: Record<ListWire, () => Lister> = {
		dli() {
			const client = new DliClient({
				endpoint: server.url,
				projectId: 'p',
				auth: {
					kind: 'aksk',
					credentials: testKeys<AkskCredentials>(
						'dli',
						dliTestCredentials,
						dliTestCredentials.secretKey,
					),
				},
			});
			return async signal => client.listSqlJobs({}, signal);
		},
		dla() {
			const client = new DlaClient({
				endpoint: server.url,
				virtualCluster: 'vc',
				credentials: alibaba(),
			});
			return async signal => client.listSparkJobs({}, signal);
		},
		emr() {
			const client = new EmrServerlessClient({
				endpoint: server.url,
				workspaceId: 'w',
				credentials: alibaba(),
			});
			return async signal => client.listJobRuns({}, signal);
		},
	};
	const list = listers[wire]();
	try {
		await list(AbortSignal.timeout(120_000));
		const first = jobs.poll();
		await list(AbortSignal.timeout(120_000));
		const steady = jobs.poll();
		return {
			first: {requests: first.requests.length, bytes: first.bytes},
			steady: {requests: steady.requests.length, bytes: steady.bytes},
			asked: steady.requests,
		};
	} finally {
		await server.close();
	}
}

/**
 * The monitor watching 50,000 Livy batches (the newest `window` listed) in a 120x40 pty: time from
 * a key to the first byte of the frame it causes, median and p95 of `presses` keys, and the
 * resident memory `settleMs` after start.
 */
export async function manyRunsInPty(
	window: number,
	options: {presses: number; settleMs: number},
): Promise<{
	median: number;
	p95: number;
	filterMedian: number;
	filterP95: number;
	rssMiB: number;
}> {
	const livy = manyBatches(50_000, running);
	const server = await startSimServer('livy', livy.handler);
	const run = runInPty(
		`${node} ${cli} --provider livy --endpoint ${server.url} --max-runs ${window} --interval 3`,
		120,
		40,
		{NODE_ENV: 'production'},
	);
	try {
		const text = () => textOf(run.chunks);
		await waitUntil(
			() => text().includes(`newest ${window} of 50000`),
			120_000,
		);
		/** Time from each key to the first byte of its frame. */
		const press = async (keys: string[]) => {
			const latencies: number[] = [];
			for (const key of keys) {
				const before = run.chunks.length;
				const sent = performance.now();
				run.child.stdin!.write(key);
				await waitUntil(() => run.chunks.length > before, 2000);
				const reply = run.chunks[before];
				if (reply) {
					latencies.push(reply.at - sent);
				}

				await new Promise(resolve => {
					setTimeout(resolve, 90);
				});
			}

			return latencies;
		};

		const latencies = await press(
			Array.from({length: options.presses}, (_, index) =>
				index % 20 < 10 ? 'j' : 'k',
			),
		);
		// A filter typed a character at a time: each narrows the whole list again. Backspaces
		// widen it back, so the measure repeats.
		const typed: number[] = [];
		await press(['/']);
		for (let round = 0; round < Math.max(1, options.presses / 20); round++) {
			const narrowing = await press([...'etl-4999']);
			const widening = await press(Array.from({length: 8}, () => '\u007F'));
			typed.push(...narrowing, ...widening);
		}

		await press(['\u001B']);

		const left = options.settleMs - (performance.now() - run.startedAt);
		if (left > 0) {
			await new Promise(resolve => {
				setTimeout(resolve, left);
			});
		}

		return {
			median: median(latencies),
			p95: percentile(latencies, 0.95),
			filterMedian: median(typed),
			filterP95: percentile(typed, 0.95),
			rssMiB: rssMiB(run.nodePid()!),
		};
	} finally {
		await run.stop();
		await server.close();
	}
}
