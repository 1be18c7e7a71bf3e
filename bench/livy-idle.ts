import path from 'node:path';
import process from 'node:process';
import {manyBatches} from '../source/simulators/livy/many-batches.js';
import {startSimServer} from '../source/simulators/sim-server.js';
import {cpuSeconds, median, runInPty, textOf, waitUntil} from './pty.js';

const cli = path.resolve(process.cwd(), 'dist/sparktop.js');
const node = process.execPath;

const sleep = async (ms: number) =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});

/** A Livy server with 50 finished batches on loopback (in this process), for `work`. */
async function withFiftyBatches<T>(work: (url: string) => Promise<T>) {
	const livy = manyBatches(50);
	const server = await startSimServer('livy', livy.handler);
	try {
		return await work(server.url);
	} finally {
		await server.close();
	}
}

/**
 * Spawn to the first frame that shows the newest of 50 Livy batches, 120x40 pty, median. The
 * first start, left out, keeps V8's code for the others; `env` can turn that off.
 */
export async function startupToRuns(
	samples = 7,
	env: Record<string, string> = {},
): Promise<number> {
	return withFiftyBatches(async url => {
		const times: number[] = [];
		for (let index = 0; index < samples + 1; index++) {
			const run = runInPty(
				`${node} ${cli} --provider livy --endpoint ${url}`,
				120,
				40,
				{NODE_ENV: 'production', ...env},
			);
			await waitUntil(
				() => textOf(run.chunks).includes('nightly-etl-00049'),
				10_000,
			);
			const shown = run.chunks.find((_, at) =>
				textOf(run.chunks.slice(0, at + 1)).includes('nightly-etl-00049'),
			);
			if (index > 0 && shown) {
				times.push(shown.at - run.startedAt);
			}

			await run.stop();
		}

		return median(times);
	});
}

/**
 * Nothing changing on the server (50 finished Livy batches), `--interval 1`: bytes to the terminal
 * and CPU, live (from 3 s after the runs show, then the half minute after that) and then paused,
 * over `seconds` each.
 */
export async function idleCost(seconds = 30) {
	return withFiftyBatches(async url => {
		const run = runInPty(
			`${node} ${cli} --provider livy --endpoint ${url} --interval 1`,
			120,
			40,
			{NODE_ENV: 'production'},
		);
		try {
			await waitUntil(
				() => textOf(run.chunks).includes('nightly-etl-00049'),
				10_000,
			);
			await sleep(3000);
			const pid = run.nodePid()!;
			const measure = async () => {
				const from = run.chunks.length;
				const cpu = cpuSeconds(pid);
				await sleep(seconds * 1000);
				const bytes = run.chunks
					.slice(from)
					.reduce((sum, chunk) => sum + chunk.bytes.length, 0);
				return {
					bytesPerSecond: bytes / seconds,
					cpuSecondsPerMinute: ((cpuSeconds(pid) - cpu) / seconds) * 60,
				};
			};

			const live = await measure();
			// The first half minute includes V8 optimizing the code that runs every tick, on its
			// worker threads; the next is what an idle monitor costs for as long as it is left open.
			const warmed = await measure();
			run.child.stdin!.write('p');
			await sleep(1500);
			const paused = await measure();
			return {live, warmed, paused};
		} finally {
			await run.stop();
		}
	});
}
