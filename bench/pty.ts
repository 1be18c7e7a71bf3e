import {Buffer} from 'node:buffer';
import process from 'node:process';
import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';

export type PtyRun = {
	readonly child: ChildProcess;
	/** Bytes the program wrote to its terminal, with the time each chunk arrived. */
	readonly chunks: Array<{at: number; bytes: Uint8Array}>;
	readonly startedAt: number;
	stop(): Promise<void>;
	/** The node process inside the pty (the child of `script`). */
	nodePid(): number | undefined;
};

/** Runs a command in a real pseudo-terminal of the given size through util-linux `script`. */
export function runInPty(
	command: string,
	columns: number,
	rows: number,
	env: NodeJS.ProcessEnv = {},
): PtyRun {
	const startedAt = performance.now();
	// Ink draws nothing live when CI is set at all, even to an empty string.
	const inherited = {...process.env};
	delete inherited['CI'];
	delete inherited['CONTINUOUS_INTEGRATION'];
	const child = spawn(
		'script',
		[
			'-qfec',
			`stty cols ${columns} rows ${rows}; exec ${command}`,
			'/dev/null',
		],
		{
			env: {...inherited, ...env, TERM: 'xterm-256color'},
			stdio: ['pipe', 'pipe', 'inherit'],
		},
	);
	const chunks: Array<{at: number; bytes: Uint8Array}> = [];
	child.stdout.on('data', (bytes: Uint8Array) => {
		chunks.push({at: performance.now(), bytes});
	});
	return {
		child,
		chunks,
		startedAt,
		nodePid() {
			try {
				// The program renames itself (meow sets the process title), so take script's only child.
				const out = execFileSync(
					'ps',
					['-o', 'pid=', '--ppid', String(child.pid)],
					{encoding: 'utf8'},
				);
				const pid = Number(out.trim().split('\n')[0]);
				return Number.isFinite(pid) && pid > 0 ? pid : undefined;
			} catch {
				return undefined;
			}
		},
		async stop() {
			child.stdin.write('q');
			await new Promise<void>(resolve => {
				const timer = setTimeout(() => {
					child.kill('SIGKILL');
					resolve();
				}, 5000);
				child.on('close', () => {
					clearTimeout(timer);
					resolve();
				});
			});
		},
	};
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
		.split(') ')[1]!
		.split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return ticks / 100;
}

export function rssMiB(pid: number): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find(item => item.startsWith('VmRSS:'));
	return Number(line?.split(/\s+/v)[1] ?? 0) / 1024;
}

/** What a program wrote to its terminal in these chunks, as text. */
export function textOf(chunks: ReadonlyArray<{bytes: Uint8Array}>): string {
	return Buffer.concat(chunks.map(chunk => chunk.bytes)).toString();
}

export async function waitUntil(
	check: () => boolean,
	timeoutMs: number,
): Promise<boolean> {
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		if (check()) {
			return true;
		}

		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}

	return false;
}

export function median(values: readonly number[]): number {
	const sorted = values.toSorted((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function percentile(values: readonly number[], p: number): number {
	const sorted = values.toSorted((a, b) => a - b);
	return (
		sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ??
		Number.NaN
	);
}
