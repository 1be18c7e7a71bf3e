// Bundles the cli and everything it uses into CommonJS scripts, and the program that runs them
// (source/launch: the bundle with V8's code from the last run). Start-up drops from ~0.75 s
// (hundreds of module files) to ~0.2 s, React runs its production build, and the npm package needs
// no dependencies at all. Run after tsc, which type-checks and builds the tests.
// - dist/sparktop.cjs: the cli;
// - dist/azure-identity.cjs: @azure/identity (MSAL, a third of the bytes), which the cli requires
//   only for a Synapse target without --token-command, so other starts never compile it;
// - dist/sparktop.js: the program, with the cli's SHA-256 stamped in to name its cached code.
import {createHash} from 'node:crypto';
import {chmodSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {bundleOptions, scriptOptions, scriptText} from './bundle-options.mjs';

const outdir = fileURLToPath(new URL('../../dist', import.meta.url));
rmSync(`${outdir}/chunks`, {recursive: true, force: true});

const identityApart = {
	name: 'azure-identity-apart',
	setup(build) {
		build.onResolve({filter: /^@azure\/identity$/}, () => ({
			path: './azure-identity.cjs',
			external: true,
		}));
	},
};

await build({
	...scriptOptions,
	entryPoints: ['@azure/identity'],
	outfile: `${outdir}/azure-identity.cjs`,
});
const bundled = await build({
	...scriptOptions,
	outfile: `${outdir}/sparktop.cjs`,
	write: false,
	plugins: [...scriptOptions.plugins, identityApart],
});
const bundle = Buffer.from(scriptText(bundled.outputFiles[0]));
writeFileSync(`${outdir}/sparktop.cjs`, bundle);

await build({
	...bundleOptions,
	entryPoints: [fileURLToPath(new URL('../launch/launch.ts', import.meta.url))],
	outfile: `${outdir}/sparktop.js`,
	plugins: [],
	define: {
		SPARKTOP_BUNDLE_DIGEST: JSON.stringify(
			createHash('sha256').update(bundle).digest('hex').slice(0, 32),
		),
	},
	banner: {js: '#!/usr/bin/env node'},
});
chmodSync(`${outdir}/sparktop.js`, 0o755);
