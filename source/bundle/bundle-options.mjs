// What every build of the cli shares: the npm package's bundle with chunks (build.mjs) and the
// single executable's one-file bundle (build-sea.mjs) run the same code.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {inkOutput} from './ink-output.mjs';
import {patchPlugin} from './patch-plugin.mjs';

const manifest = JSON.parse(
	readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
);

/**
 * Yoga's emscripten loader, made synchronous:
 * - It would fetch its inlined wasm (a data: URL) whenever a global fetch exists, and Node's fetch
 *   loads Node's own copy of undici first: about 30 ms of every start-up. It now decodes the wasm
 *   in place, as it does where there is no fetch.
 * - It would compile the wasm asynchronously, on V8's worker threads, where it queues behind the
 *   optimizing of undici's HTTP parser (wasm too) once the first answers are read: the program
 *   then waits idle for some 40 ms. Compiled on the spot, it takes about 2 ms.
 * - yoga-layout's index awaits the loader at its top level, which only a module can do; the bundle
 *   runs as a script (with its compiled code kept between runs, source/launch), and a loader that
 *   is done when it returns needs no waiting.
 */
export const yogaSynchronous = patchPlugin('yoga-synchronous', [
	{
		file: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
		edits: [
			[
				'(function(){return w||"function"!=typeof WebAssembly.instantiateStreaming||ua(H)||"function"!=typeof fetch?c(b):fetch(H,{credentials:"same-origin"}).then(function(e){return WebAssembly.instantiateStreaming(e,d).then(b,function(f){v("wasm streaming compile failed: "+f);v("falling back to ArrayBuffer instantiation");return c(b)})})})().catch(ca);return{}',
				'a(new WebAssembly.Instance(new WebAssembly.Module(wa()),d));return{}',
			],
		],
	},
	{
		file: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
		edits: [
			[
				'const Yoga = wrapAssembly(await loadYoga());',
				'const yogaModule = {};\nloadYoga(yogaModule);\nconst Yoga = wrapAssembly(yogaModule);',
			],
		],
	},
]);

/**
 * meow's bundled dependencies set up normalize-package-data as they load (spdx license lists
 * sorted with ICU collation, semver, hosted-git-info): about 15 ms of every start-up and 2.6 MB of
 * ICU data in memory, for a package.json sparktop never reads (the cli hands meow its own `pkg`).
 * The set-up now waits for the first normalizing, which never comes.
 */
export const meowWithoutEagerNormalize = patchPlugin(
	'meow-without-eager-normalize',
	[
		{
			file: /[\\/]meow[\\/]build[\\/]dependencies\.js$/,
			edits: [
				[
					'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
					'const normalizePackageData = data => getDefaultExportFromCjs(requireNormalize())(data);',
				],
			],
		},
	],
);

/**
 * undici loads its HTTP/2 client, and with it Node's http2 (some 4 ms), as it loads; sparktop
 * never asks for HTTP/2, so it now loads when a connection would speak it.
 */
export const undiciWithoutEagerHttp2 = patchPlugin(
	'undici-without-eager-http2',
	[
		{
			file: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/,
			edits: [
				[
					"const connectH2 = require('./client-h2.js')",
					"const connectH2 = (...connection) => require('./client-h2.js')(...connection)",
				],
			],
		},
	],
);

const lazyUnicodeModule = JSON.stringify(
	fileURLToPath(new URL('../text/lazy-unicode.ts', import.meta.url)),
);

/**
 * ICU's grapheme rules and the emoji set of string-width, built when text first needs them, not
 * as the modules load (lazy-unicode.ts): some 27 ms of every start-up.
 */
export const lazyUnicode = patchPlugin(
	'lazy-unicode',
	[
		// wrap-ansi's own string-width (7) first: the next filter matches its path too.
		{
			file: /[\\/]wrap-ansi[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
			edits: [['new Intl.Segmenter()', 'new LazySegmenter()']],
		},
		{
			file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
			edits: [
				['new Intl.Segmenter()', 'new LazySegmenter()'],
				[String.raw`/^\p{RGI_Emoji}$/v`, 'rgiEmoji'],
			],
		},
		{
			file: /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/,
			edits: [['new Intl.Segmenter(', 'new LazySegmenter(']],
		},
		{
			file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
			edits: [['new Intl.Segmenter(', 'new LazySegmenter(']],
		},
	].map(patch => ({
		...patch,
		prefix: `import {LazySegmenter, rgiEmoji} from ${lazyUnicodeModule};\n`,
	})),
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
	// esbuild's tables do not know that Node 20's V8 has the `v` flag, and would turn every
	// `/…/v` literal into a `new RegExp(…)` built again on each call: redaction alone then
	// compiled three patterns per string drawn.
	supported: {'regexp-set-notation': true},
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
	plugins: [
		inkOutput,
		yogaSynchronous,
		meowWithoutEagerNormalize,
		undiciWithoutEagerHttp2,
		lazyUnicode,
	],
};

/**
 * The cli as one CommonJS script, which both the npm program (source/launch) and the single
 * executable run with V8's code kept: Node keeps code for scripts, not for modules (Node 20).
 * @type {import('esbuild').BuildOptions}
 */
export const scriptOptions = {
	...bundleOptions,
	format: 'cjs',
	// A script has no import(): bundled modules loaded on demand are required instead.
	supported: {...bundleOptions.supported, 'dynamic-import': false},
	// Bundled modules read their own place through import.meta, which a script does not have.
	define: {...bundleOptions.define, 'import.meta': 'sparktopImportMeta'},
	// Strict as the modules were: esbuild's own "use strict" comes after the banner, too late.
	banner: {
		js: "'use strict'; const sparktopImportMeta = {url: require('node:url').pathToFileURL(__filename).href};",
	},
};

/** A built script's text; the cli's hashbang would be a syntax error inside a function wrapping it. */
export const scriptText = outputFile => outputFile.text.replace(/^#!.*\n/v, '');
