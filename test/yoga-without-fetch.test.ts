import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import process from 'node:process';
import {type TestContext, test} from 'node:test';
import type {Plugin} from 'esbuild';
import {bundledSnippet, bundleModule} from './helpers/bundle-snippet.js';

/** Node's internal modules of fetch that a program bundled with `plugins` loads as it lays out one node. */
async function fetchModulesLoaded(
	t: TestContext,
	plugins: Plugin[],
): Promise<string[]> {
	const file = await bundledSnippet(
		t,
		[
			"import Yoga from 'yoga-layout';",
			'Yoga.Node.create().calculateLayout(10, 10);',
			"console.log(JSON.stringify(process.moduleLoadList.filter(name => name.includes('undici'))));",
		],
		plugins,
	);
	const out = execFileSync(process.execPath, [file], {encoding: 'utf8'});
	return JSON.parse(out) as string[];
}

test("the bundle's yoga decodes its wasm in place: start-up never loads Node's fetch", async t => {
	const {yogaWithoutFetch} = await bundleModule<{yogaWithoutFetch: Plugin}>(
		'bundle-options.mjs',
	);
	assert.deepEqual(
		await fetchModulesLoaded(t, []),
		['NativeModule internal/deps/undici/undici'],
		'without the plugin, yoga fetches its data: URL',
	);
	assert.deepEqual(await fetchModulesLoaded(t, [yogaWithoutFetch]), []);
});
