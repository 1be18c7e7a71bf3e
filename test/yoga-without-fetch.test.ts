import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Node's internal modules of fetch that a program bundled with `plugins` loads as it lays out one node. */
async function fetchModulesLoaded(plugins: Plugin[]): Promise<string[]> {
	const bundled = await build({
		stdin: {
			contents: [
				"import Yoga from 'yoga-layout';",
				'Yoga.Node.create().calculateLayout(10, 10);',
				"console.log(JSON.stringify(process.moduleLoadList.filter(name => name.includes('undici'))));",
			].join('\n'),
			resolveDir: root,
			loader: 'js',
		},
		bundle: true,
		platform: 'node',
		format: 'esm',
		write: false,
		logLevel: 'silent',
		plugins,
	});
	const folder = mkdtempSync(path.join(tmpdir(), 'sparktop-yoga-'));
	try {
		const file = path.join(folder, 'yoga.mjs');
		writeFileSync(file, bundled.outputFiles[0]!.text);
		const out = execFileSync(process.execPath, [file], {encoding: 'utf8'});
		return JSON.parse(out) as string[];
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}

test("the bundle's yoga decodes its wasm in place: start-up never loads Node's fetch", async () => {
	const {yogaWithoutFetch} = (await import(
		pathToFileURL(path.join(root, 'source/bundle/bundle-options.mjs')).href
	)) as {yogaWithoutFetch: Plugin};
	assert.deepEqual(
		await fetchModulesLoaded([]),
		['NativeModule internal/deps/undici/undici'],
		'without the plugin, yoga fetches its data: URL',
	);
	assert.deepEqual(await fetchModulesLoaded([yogaWithoutFetch]), []);
});
