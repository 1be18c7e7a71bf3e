// What every build of the cli shares: the npm package's bundle with chunks (build.mjs) and the
// single executable's one-file bundle (build-sea.mjs) run the same code.
import {readFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {inkOutput} from './ink-output.mjs';

const manifest = JSON.parse(
	readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
);

/**
 * Yoga's emscripten loader fetches its inlined wasm (a data: URL) whenever a global fetch exists,
 * and Node's fetch loads Node's own copy of undici first: about 30 ms of every start-up. With
 * fetch hidden from that one module it decodes the wasm in place, as it does where there is none.
 */
export const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		build.onLoad(
			{
				filter:
					/[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
			},
			async args => ({
				contents: `const fetch = undefined;\n${await readFile(args.path, 'utf8')}`,
				loader: 'js',
			}),
		);
	},
};

const eagerNormalize =
	'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';

/**
 * meow's bundled dependencies set up normalize-package-data as they load (spdx license lists
 * sorted with ICU collation, semver, hosted-git-info): about 15 ms of every start-up and 2.6 MB of
 * ICU data in memory, for a package.json sparktop never reads (the cli hands meow its own `pkg`).
 * The set-up now waits for the first normalizing, which never comes.
 */
export const meowWithoutEagerNormalize = {
	name: 'meow-without-eager-normalize',
	setup(build) {
		build.onLoad(
			{filter: /[\\/]meow[\\/]build[\\/]dependencies\.js$/},
			async args => {
				const source = await readFile(args.path, 'utf8');
				if (!source.includes(eagerNormalize)) {
					throw new Error(
						`meow's dependencies no longer set up normalize-package-data as expected: ${args.path}`,
					);
				}

				return {
					contents: source.replace(
						eagerNormalize,
						'const normalizePackageData = data => getDefaultExportFromCjs(requireNormalize())(data);',
					),
					loader: 'js',
				};
			},
		);
	},
};

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
	plugins: [inkOutput, yogaWithoutFetch, meowWithoutEagerNormalize],
};

/** Bundled CommonJS dependencies (signal-exit and others) call require(); `base` names the module's place. */
export const requireBanner = base =>
	`import {createRequire as sparktopCreateRequire} from 'node:module'; const require = sparktopCreateRequire(${base});`;
