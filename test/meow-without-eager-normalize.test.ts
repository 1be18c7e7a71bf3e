import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import process from 'node:process';
import {type TestContext, test} from 'node:test';
import type {Plugin} from 'esbuild';
import {bundledSnippet, bundleModule} from './helpers/bundle-snippet.js';

type Seen = {sortsBeforePkg: number; id: string};

/** How many sorts meow bundled with `plugins` makes before its `pkg` is read, and the normalized id. */
async function meowSorts(t: TestContext, plugins: Plugin[]): Promise<Seen> {
	const file = await bundledSnippet(
		t,
		[
			'let sorts = 0;',
			'const sort = Array.prototype.sort;',
			'Array.prototype.sort = function (...rest) { sorts++; return sort.apply(this, rest); };',
			"const {default: meow} = await import('meow');",
			"const cli = meow('help', {importMeta: import.meta, pkg: {name: 'x', version: '1.0.0'}, argv: ['--flag']});",
			'const sortsBeforePkg = sorts;',
			'console.log(JSON.stringify({sortsBeforePkg, id: cli.pkg._id}));',
		],
		plugins,
	);
	return JSON.parse(
		execFileSync(process.execPath, [file], {encoding: 'utf8'}),
	) as Seen;
}

test('meow sets up package normalizing only when a package is normalized, which the cli never asks', async t => {
	const {meowWithoutEagerNormalize} = await bundleModule<{
		meowWithoutEagerNormalize: Plugin;
	}>('bundle-options.mjs');
	const eager = await meowSorts(t, []);
	assert.ok(
		eager.sortsBeforePkg > 0,
		'without the plugin, loading meow sorts the spdx license lists',
	);
	assert.deepEqual(await meowSorts(t, [meowWithoutEagerNormalize]), {
		sortsBeforePkg: 0,
		id: eager.id,
	});
	assert.equal(eager.id, 'x@1.0.0');
});
