import {writeFileSync} from 'node:fs';
import path from 'node:path';
import type {TestContext} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {tempFolder} from './temp-files.js';

/** The repository's root (tests run from dist/test). */
export const repositoryRoot = fileURLToPath(
	new URL('../../../', import.meta.url),
);

/** A module of the build itself (source/bundle/*.mjs): its esbuild plugins. */
export async function bundleModule<Module>(name: string): Promise<Module> {
	return (await import(
		pathToFileURL(path.join(repositoryRoot, 'source/bundle', name)).href
	)) as Module;
}

/**
 * `lines` of JavaScript bundled from the repository's root through `plugins`, as the cli's build
 * bundles its dependencies, into a file of the test's own.
 */
export async function bundledSnippet(
	t: TestContext,
	lines: string[],
	plugins: Plugin[],
): Promise<string> {
	const bundled = await build({
		stdin: {
			contents: lines.join('\n'),
			resolveDir: repositoryRoot,
			loader: 'js',
		},
		bundle: true,
		platform: 'node',
		format: 'esm',
		write: false,
		logLevel: 'silent',
		plugins,
	});
	const file = path.join(tempFolder(t), 'bundled.mjs');
	writeFileSync(file, bundled.outputFiles[0]!.text);
	return file;
}
