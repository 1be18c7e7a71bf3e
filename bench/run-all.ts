import process from 'node:process';
import {Buffer} from 'node:buffer';
import path from 'node:path';
import {keypressLatency} from './keypress-latency.js';
import {idleCost, startupToRuns} from './livy-idle.js';
import {jobsPollCost, manyRunsInPty, pollCost} from './many-runs.js';
import {minimalInkFirstFrame, spawnToExit} from './references.js';
import {
	cpuSeconds,
	median,
	rssMiB,
	runInPty,
	textOf,
	waitUntil,
} from './pty.js';

const cli = path.resolve(process.cwd(), 'dist/sparktop.js');
const node = process.execPath;

function text(run: ReturnType<typeof runInPty>): string {
	return textOf(run.chunks);
}

/** Spawn to the first frame that shows runs, in a 120x40 pty; median of several starts. */
async function startupToFirstFrame(
	samples = 7,
): Promise<{firstFrame: number; firstRuns: number}> {
	const frames: number[] = [];
	const runsShown: number[] = [];
	for (let index = 0; index < samples + 1; index++) {
		const run = runInPty(`${node} ${cli} --demo`, 120, 40, {
			NODE_ENV: 'production',
		});
		await waitUntil(() => text(run).includes('sparktop'), 10_000);
		const first = run.chunks.find(chunk =>
			Buffer.from(chunk.bytes).toString().includes('sparktop'),
		);
		// The Runs title counts the runs by state once the first list has arrived.
		const counted = /\d+ succeeded/v;
		await waitUntil(() => counted.test(text(run)), 10_000);
		const withRuns = run.chunks.find(chunk =>
			counted.test(Buffer.from(chunk.bytes).toString()),
		);
		if (index > 0 && first && withRuns) {
			frames.push(first.at - run.startedAt);
			runsShown.push(withRuns.at - run.startedAt);
		}

		await run.stop();
	}

	return {firstFrame: median(frames), firstRuns: median(runsShown)};
}

/** Bytes sent to the terminal per refresh and CPU, while the demo is live and while paused (idle). */
async function steadyState(seconds = 15) {
	const run = runInPty(`${node} ${cli} --demo --interval 1`, 120, 40, {
		NODE_ENV: 'production',
	});
	await waitUntil(() => text(run).includes('nightly-etl'), 10_000);
	await new Promise(resolve => {
		setTimeout(resolve, 3000);
	});
	const pid = run.nodePid()!;
	const measure = async (ms: number) => {
		const fromChunk = run.chunks.length;
		const cpuBefore = cpuSeconds(pid);
		await new Promise(resolve => {
			setTimeout(resolve, ms);
		});
		const chunks = run.chunks.slice(fromChunk);
		const bytes = chunks.reduce((sum, chunk) => sum + chunk.bytes.length, 0);
		const frames =
			Buffer.concat(chunks.map(chunk => chunk.bytes))
				.toString('latin1')
				.split('\u001B[?2026h').length - 1;
		return {bytes, frames, cpu: (cpuSeconds(pid) - cpuBefore) / (ms / 1000)};
	};

	const live = await measure(seconds * 1000);
	const rss = rssMiB(pid);
	run.child.stdin!.write('p');
	await new Promise(resolve => {
		setTimeout(resolve, 1500);
	});
	const paused = await measure(seconds * 1000);
	await run.stop();
	return {
		liveBytesPerRefresh: live.bytes / seconds,
		liveBytesPerFrame: live.frames === 0 ? 0 : live.bytes / live.frames,
		liveFramesPerSecond: live.frames / seconds,
		liveCpuPercent: live.cpu * 100,
		pausedBytesPerSecond: paused.bytes / seconds,
		pausedCpuPercent: paused.cpu * 100,
		rssMiB: rss,
	};
}

const bare = await spawnToExit(`${node} -e 0`);
const version = await spawnToExit(`${node} ${cli} --version`);
const minimalInk = await minimalInkFirstFrame();
const startup = await startupToFirstFrame();
const livyStartup = await startupToRuns();
const livyCompiling = await startupToRuns(7, {NODE_DISABLE_COMPILE_CACHE: '1'});
const idle = await idleCost();
const steady = await steadyState();
const keys = await keypressLatency();
const polls = await pollCost();
const synapsePolls = await pollCost('synapse');
const jobPolls = {
	'DLI SQL jobs': await jobsPollCost('dli'),
	'DLA jobs': await jobsPollCost('dla'),
	'EMR Serverless job runs': await jobsPollCost('emr'),
};
const many = await manyRunsInPty(5000, {presses: 60, settleMs: 0});
const tenThousand = await manyRunsInPty(10_000, {
	presses: 20,
	settleMs: 60_000,
});
const fiftyThousand = await manyRunsInPty(50_000, {presses: 40, settleMs: 0});
const ratio = (ms: number, reference: number) =>
	`${ms.toFixed(0)} ms (${(ms / reference).toFixed(1)}x node -e 0)`;
const rows: Array<[string, string]> = [
	[
		'reference: node -e 0, spawn to exit (pty, median of 7)',
		`${bare.toFixed(0)} ms`,
	],
	[
		'reference: a minimal bundled Ink app, spawn to first frame',
		ratio(minimalInk, bare),
	],
	['sparktop --version, spawn to exit', ratio(version, bare)],
	[
		'start-up to first frame (120x40 pty, median of 7)',
		ratio(startup.firstFrame, bare),
	],
	[
		'start-up to runs on screen (Livy, 50 batches, loopback)',
		`${ratio(livyStartup, bare)}; ${(livyStartup / minimalInk).toFixed(1)}x the minimal Ink app`,
	],
	[
		'the same, compiling each time (NODE_DISABLE_COMPILE_CACHE=1, as a first start)',
		ratio(livyCompiling, bare),
	],
	[
		'start-up to runs on screen (demo, simulators in-process)',
		`${ratio(startup.firstRuns, bare)}; ${(startup.firstRuns / minimalInk).toFixed(1)}x the minimal Ink app`,
	],
	[
		'Livy, 50,000 batches: first load (window 5000)',
		`${polls.first.requests} requests, ${(polls.first.bytes / 1024).toFixed(0)} KiB`,
	],
	[
		'Livy, 50,000 batches: one steady poll',
		`${polls.steady.requests} requests, ${(polls.steady.bytes / 1024).toFixed(1)} KiB`,
	],
	...[
		[
			'Synapse wire (newest first, 20 a page), 50,000 batches',
			synapsePolls,
		] as const,
		...Object.entries(jobPolls).map(
			([name, cost]) => [`${name} (100 a page), 50,000`, cost] as const,
		),
	].map(([name, cost]): [string, string] => [
		`${name}: first load / steady poll`,
		`${cost.first.requests} requests, ${(cost.first.bytes / 1024).toFixed(0)} KiB / ${cost.steady.requests} requests, ${(cost.steady.bytes / 1024).toFixed(1)} KiB`,
	]),
	[
		'keypress to first byte of its frame, pty, 50,000 batches (5000 listed)',
		`${many.median.toFixed(1)} / ${many.p95.toFixed(1)} ms (median / p95)`,
	],
	[
		'filter typing (each character) to first byte, pty, 5000 of 50,000 listed',
		`${many.filterMedian.toFixed(1)} / ${many.filterP95.toFixed(1)} ms (median / p95)`,
	],
	[
		'keypress / filter typing to first byte, pty, all 50,000 listed (--max-runs 50000)',
		`${fiftyThousand.median.toFixed(1)} / ${fiftyThousand.p95.toFixed(1)} ms; ${fiftyThousand.filterMedian.toFixed(1)} / ${fiftyThousand.filterP95.toFixed(1)} ms (median / p95)`,
	],
	[
		'keypress to first byte, pty, 10,000 runs listed',
		`${tenThousand.median.toFixed(1)} / ${tenThousand.p95.toFixed(1)} ms (median / p95)`,
	],
	[
		'resident memory, 10,000 runs listed, after 60 s',
		`${tenThousand.rssMiB.toFixed(0)} MiB`,
	],
	[
		'idle (Livy, nothing changing, --interval 1): bytes per second',
		`${idle.live.bytesPerSecond.toFixed(0)} B/s`,
	],
	[
		'idle: CPU, first half minute / the half minute after',
		`${idle.live.cpuSecondsPerMinute.toFixed(2)} / ${idle.warmed.cpuSecondsPerMinute.toFixed(2)} CPU-s/min`,
	],
	[
		'idle and paused: bytes per second / CPU',
		`${idle.paused.bytesPerSecond.toFixed(0)} B/s, ${idle.paused.cpuSecondsPerMinute.toFixed(2)} CPU-s/min`,
	],
	[
		'bytes to the terminal per refresh (demo, --interval 1, 120x40)',
		`${steady.liveBytesPerRefresh.toFixed(0)} B`,
	],
	[
		'bytes per frame while live',
		`${steady.liveBytesPerFrame.toFixed(0)} B (${steady.liveFramesPerSecond.toFixed(1)} frames/s)`,
	],
	[
		'CPU while live (demo, --interval 1, simulators in the same process)',
		`${steady.liveCpuPercent.toFixed(1)} % of a core`,
	],
	[
		'bytes per second while paused (idle)',
		`${steady.pausedBytesPerSecond.toFixed(0)} B`,
	],
	[
		'CPU while paused (idle)',
		`${steady.pausedCpuPercent.toFixed(1)} % of a core`,
	],
	['resident memory (demo, after 18 s)', `${steady.rssMiB.toFixed(0)} MiB`],
	[
		'keypress to next frame, 10,000 runs, render path only (median / p95)',
		`${keys.median.toFixed(1)} / ${keys.p95.toFixed(1)} ms`,
	],
	['JS heap with 10,000 runs', `${keys.heapMiB.toFixed(0)} MiB`],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) {
	console.log(`${label.padEnd(width)}  ${value}`);
}
