// Bundles the cli and everything it uses: start-up drops from ~0.75 s (hundreds of module files) to
// ~0.3 s, React runs its production build, and the npm package needs no dependencies at all. Run
// after tsc, which type-checks and builds the tests.
import {chmodSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {bundleOptions, requireBanner} from './bundle-options.mjs';

const outdir = fileURLToPath(new URL('../../dist', import.meta.url));
rmSync(`${outdir}/chunks`, {recursive: true, force: true});

await build({
	...bundleOptions,
	entryPoints: {'chunks/main': bundleOptions.entryPoints.sparktop},
	outdir,
	// @azure/identity (MSAL, most of the bundle's bytes) is imported only for Synapse targets
	// without --token-command: it lands in its own chunk, read only then.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	banner: {js: requireBanner('import.meta.url')},
});
// The program is a small loader: on Node 22 and later it first turns on Node's compile cache
// (in the OS temp folder, or NODE_COMPILE_CACHE), so V8's code for the bundle is kept between runs
// and start-up is some 10 % quicker; Node 20 has no such cache and just runs the bundle.
writeFileSync(
	`${outdir}/sparktop.js`,
	[
		'#!/usr/bin/env node',
		"import module from 'node:module';",
		'module.enableCompileCache?.();',
		"await import('./chunks/main.js');",
		'',
	].join('\n'),
);
chmodSync(`${outdir}/sparktop.js`, 0o755);
