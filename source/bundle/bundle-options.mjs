// What every build of the cli shares: the npm package's bundle with chunks (build.mjs) and the
// single executable's one-file bundle (build-sea.mjs) run the same code.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {inkOutput} from './ink-output.mjs';

const manifest = JSON.parse(
	readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
);

/** @type {import('esbuild').BuildOptions} */
export const bundleOptions = {
	entryPoints: {
		sparktop: fileURLToPath(new URL('../cli.tsx', import.meta.url)),
	},
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minify: true,
	logLevel: 'warning',
	define: {
		'process.env.NODE_ENV': '"production"',
		// The cli's name, version and description, stamped in: nothing reads package.json at run
		// time, and the single executable has none beside it.
		SPARKTOP_PACKAGE: JSON.stringify({
			name: manifest.name,
			version: manifest.version,
			description: manifest.description,
		}),
	},
	// Ink's optional devtools import would otherwise pull in a package the bundle does not need.
	alias: {
		'react-devtools-core': fileURLToPath(
			new URL('react-devtools-stub.js', import.meta.url),
		),
	},
	plugins: [inkOutput],
};

/** Bundled CommonJS dependencies (signal-exit and others) call require(); `base` names the module's place. */
export const requireBanner = base =>
	`import {createRequire as sparktopCreateRequire} from 'node:module'; const require = sparktopCreateRequire(${base});`;
