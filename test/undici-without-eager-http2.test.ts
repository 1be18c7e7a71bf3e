import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import process from 'node:process';
import {type TestContext, test} from 'node:test';
import type {Plugin} from 'esbuild';
import {bundledSnippet, bundleModule} from './helpers/bundle-snippet.js';

/** The bundle's undici calls require(), as the cli's banner lets it. */
const givesRequire = `data:text/javascript,${encodeURIComponent(
	"import {createRequire} from 'node:module'; globalThis.require = createRequire('file:///');",
)}`;

/** Whether a program bundled with `plugins` loads Node's http2 as it sets up undici's agent. */
async function loadsHttp2(t: TestContext, plugins: Plugin[]): Promise<boolean> {
	const file = await bundledSnippet(
		t,
		[
			"import Agent from 'undici/lib/dispatcher/agent.js';",
			'new Agent().close();',
			"console.log(JSON.stringify(process.moduleLoadList.includes('NativeModule http2')));",
		],
		plugins,
	);
	return JSON.parse(
		execFileSync(process.execPath, ['--import', givesRequire, file], {
			encoding: 'utf8',
		}),
	) as boolean;
}

test("the bundle's undici loads Node's http2 only when a connection would speak it", async t => {
	const {undiciWithoutEagerHttp2} = await bundleModule<{
		undiciWithoutEagerHttp2: Plugin;
	}>('bundle-options.mjs');
	assert.equal(await loadsHttp2(t, []), true, 'without the plugin it does');
	assert.equal(await loadsHttp2(t, [undiciWithoutEagerHttp2]), false);
});
