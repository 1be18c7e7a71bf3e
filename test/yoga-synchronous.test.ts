import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import process from 'node:process';
import {type TestContext, test} from 'node:test';
import type {Plugin} from 'esbuild';
import {bundledSnippet, bundleModule} from './helpers/bundle-snippet.js';

/** Counts WebAssembly.instantiate calls from before the bundle loads. */
const countInstantiate = `data:text/javascript,${encodeURIComponent(
	'const instantiate = WebAssembly.instantiate; globalThis.instantiated = 0; WebAssembly.instantiate = (...a) => { globalThis.instantiated++; return instantiate(...a); };',
)}`;

type YogaLoad = {
	/** Node's internal modules of fetch that were loaded. */
	readonly fetchModules: string[];
	/** How often the wasm was compiled asynchronously (WebAssembly.instantiate). */
	readonly instantiated: number;
	readonly width: number;
};

/** What a program bundled with `plugins` (as `format`) does as it lays out one node. */
async function yogaLoad(
	t: TestContext,
	plugins: Plugin[],
	format: 'esm' | 'cjs' = 'esm',
): Promise<YogaLoad> {
	const file = await bundledSnippet(
		t,
		[
			"import Yoga from 'yoga-layout';",
			'const node = Yoga.Node.create();',
			'node.calculateLayout(10, 10);',
			"console.log(JSON.stringify({fetchModules: process.moduleLoadList.filter(name => name.includes('undici')), instantiated: globalThis.instantiated, width: node.getComputedWidth()}));",
		],
		plugins,
		format,
	);
	const out = execFileSync(
		process.execPath,
		['--import', countInstantiate, file],
		{encoding: 'utf8'},
	);
	return JSON.parse(out) as YogaLoad;
}

test("the bundle's yoga decodes its wasm in place and compiles it on the spot, before its module is done loading: start-up never loads Node's fetch nor waits for V8's workers, and the bundle can be a script", async t => {
	const {yogaSynchronous} = await bundleModule<{yogaSynchronous: Plugin}>(
		'bundle-options.mjs',
	);
	const unpatched = await yogaLoad(t, []);
	assert.deepEqual(
		unpatched.fetchModules,
		['NativeModule internal/deps/undici/undici'],
		'without the plugin, yoga fetches its data: URL',
	);
	assert.ok(
		unpatched.instantiated > 0,
		'without the plugin, yoga compiles its wasm asynchronously',
	);
	await assert.rejects(
		yogaLoad(t, [], 'cjs'),
		/Top-level await/v,
		'without the plugin, yoga awaits its wasm at its top level, which a script cannot',
	);
	const patched = {fetchModules: [], instantiated: 0, width: 10};
	assert.deepEqual(await yogaLoad(t, [yogaSynchronous]), patched);
	assert.deepEqual(await yogaLoad(t, [yogaSynchronous], 'cjs'), patched);
});
