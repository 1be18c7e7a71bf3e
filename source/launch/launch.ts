import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';
import {tuneV8ForAMonitor} from '../cli/v8-tuning.js';
import {
	codeCacheFile,
	codeCacheFolder,
	readCodeCache,
	writeCodeCache,
} from './code-cache.js';

/** The bundle's SHA-256, stamped in by the build (build.mjs). */
declare const SPARKTOP_BUNDLE_DIGEST: string;

/**
 * The program: it runs the bundle (a CommonJS script beside it) with V8's code from the last run,
 * which spares compiling a megabyte and a half of JavaScript at each start. Node 22 has its own
 * compile cache, but not Node 20, and neither keeps the code of functions compiled as they run.
 */
// V8 accepts cached code only under the flags it was made with: the monitor's are set first.
tuneV8ForAMonitor();
const bundle = fileURLToPath(new URL('sparktop.cjs', import.meta.url));
const source = readFileSync(bundle, 'utf8');
const folder = codeCacheFolder();
const cacheFile =
	folder === undefined
		? undefined
		: codeCacheFile(folder, SPARKTOP_BUNDLE_DIGEST);
const cachedData =
	cacheFile === undefined ? undefined : readCodeCache(cacheFile);
// Node's own wrapper for a CommonJS module, on the bundle's first line so its lines keep their numbers.
const script = new vm.Script(
	`(function (exports, require, module, __filename, __dirname) {${source}\n})`,
	{filename: bundle, cachedData},
);
if (
	cacheFile !== undefined &&
	(cachedData === undefined || script.cachedDataRejected === true)
) {
	// Kept as the program ends, with the code of every function the run compiled.
	process.once('exit', () => {
		writeCodeCache(cacheFile, script.createCachedData());
	});
}

const module_ = {exports: {}};
(script.runInThisContext() as (...parameters: unknown[]) => void)(
	module_.exports,
	createRequire(bundle),
	module_,
	bundle,
	path.dirname(bundle),
);
