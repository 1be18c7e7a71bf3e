// Bundles the cli and everything it uses: start-up drops from ~0.75 s (hundreds of module files) to
// ~0.3 s, React runs its production build, and the npm package needs no dependencies at all. Run
// after tsc, which type-checks and builds the tests.
import {chmodSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {inkFix} from './ink-fix.mjs';

const outdir = fileURLToPath(new URL('../../dist', import.meta.url));
rmSync(`${outdir}/chunks`, {recursive: true, force: true});

await build({
	entryPoints: {
		sparktop: fileURLToPath(new URL('../cli.tsx', import.meta.url)),
	},
	outdir,
	// @azure/identity (MSAL, most of the bundle's bytes) is imported only for Synapse targets
	// without --token-command: it lands in its own chunk, read only then.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minify: true,
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink's optional devtools import would otherwise pull in a package the bundle does not need.
	alias: {
		'react-devtools-core': fileURLToPath(
			new URL('react-devtools-stub.js', import.meta.url),
		),
	},
	plugins: [inkFix],
	// Bundled CommonJS dependencies (signal-exit and others) call require().
	banner: {
		js: "import {createRequire as sparktopCreateRequire} from 'node:module'; const require = sparktopCreateRequire(import.meta.url);",
	},
});
chmodSync(`${outdir}/sparktop.js`, 0o755);
