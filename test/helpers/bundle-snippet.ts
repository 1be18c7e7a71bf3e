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
 * bundles its dependencies, into a file of the test's own: a module, or a CommonJS script as the
 * cli's bundle is.
 */
export async function bundledSnippet(
	t: TestContext,
	lines: string[],
	plugins: Plugin[],
	format: 'esm' | 'cjs' = 'esm',
): Promise<string> {
	const bundled = await build({
		stdin: {
			contents: lines.join('\n'),
			resolveDir: repositoryRoot,
			loader: 'js',
		},
		bundle: true,
		platform: 'node',
		format,
		write: false,
		logLevel: 'silent',
		plugins,
	});
	const file = path.join(
		tempFolder(t),
		format === 'esm' ? 'bundled.mjs' : 'bundled.cjs',
	);
	writeFileSync(file, bundled.outputFiles[0]!.text);
	return file;
}
