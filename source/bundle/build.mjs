// Bundles the cli and everything it uses: start-up drops from ~0.75 s (hundreds of module files) to
// ~0.3 s, React runs its production build, and the npm package needs no dependencies at all. Run
// after tsc, which type-checks and builds the tests.
import {chmodSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {bundleOptions, requireBanner} from './bundle-options.mjs';

const outdir = fileURLToPath(new URL('../../dist', import.meta.url));
rmSync(`${outdir}/chunks`, {recursive: true, force: true});

await build({
	...bundleOptions,
	outdir,
	// @azure/identity (MSAL, most of the bundle's bytes) is imported only for Synapse targets
	// without --token-command: it lands in its own chunk, read only then.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	banner: {js: requireBanner('import.meta.url')},
});
chmodSync(`${outdir}/sparktop.js`, 0o755);
