import {Buffer} from 'node:buffer';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {build} from 'esbuild';
import {median, runInPty, textOf, waitUntil} from './pty.js';

const node = process.execPath;

/** Spawn to exit of a command in a 120x40 pty, median of `samples` (after one warm-up). */
export async function spawnToExit(
	command: string,
	samples = 7,
): Promise<number> {
	const times: number[] = [];
	for (let index = 0; index < samples + 1; index++) {
		const run = runInPty(command, 120, 40);
		const ended = await new Promise<number>(resolve => {
			run.child.on('close', () => {
				resolve(performance.now());
			});
		});
		if (index > 0) {
			times.push(ended - run.startedAt);
		}
	}

	return median(times);
}

/**
 * A minimal Ink app, bundled as sparktop is (esbuild, minified, production React): spawn to its
 * first frame in a pty. What any Ink program pays before it draws.
 */
export async function minimalInkFirstFrame(samples = 7): Promise<number> {
	const folder = mkdtempSync(path.join(tmpdir(), 'sparktop-bench-'));
	try {
		const entry = path.join(folder, 'app.mjs');
		writeFileSync(
			entry,
			"import {createElement} from 'react';\nimport {render, Text, useApp} from 'ink';\nfunction App() {\n\tconst {exit} = useApp();\n\tsetTimeout(exit, 50);\n\treturn createElement(Text, null, 'minimal ink frame');\n}\nrender(createElement(App));\n",
		);
		const outfile = path.join(folder, 'bundle.mjs');
		await build({
			entryPoints: [entry],
			outfile,
			bundle: true,
			platform: 'node',
			format: 'esm',
			minify: true,
			logLevel: 'error',
			nodePaths: [path.resolve('node_modules')],
			define: {'process.env.NODE_ENV': '"production"'},
			alias: {
				'react-devtools-core': path.resolve(
					'source/bundle/react-devtools-stub.js',
				),
			},
			banner: {
				js: "import {createRequire} from 'node:module'; const require = createRequire(import.meta.url);",
			},
		});
		const times: number[] = [];
		for (let index = 0; index < samples + 1; index++) {
			const run = runInPty(`${node} ${outfile}`, 120, 40);
			await waitUntil(
				() => textOf(run.chunks).includes('minimal ink frame'),
				10_000,
			);
			const first = run.chunks.find(chunk =>
				Buffer.from(chunk.bytes).toString().includes('minimal ink frame'),
			);
			if (index > 0 && first) {
				times.push(first.at - run.startedAt);
			}

			await new Promise<void>(resolve => {
				run.child.on('close', () => {
					resolve();
				});
			});
		}

		return median(times);
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}
