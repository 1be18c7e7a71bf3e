import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';
import {tuneV8ForAMonitor} from '../cli/v8-tuning.js';
import {
	codeCacheFile,
	codeCacheFolder,
	keepCompiledCode,
	readCodeCache,
} from './code-cache.js';

/** The bundle's SHA-256, stamped in by the build (build.mjs). */
declare const SPARKTOP_BUNDLE_DIGEST: string;

/**
 * The program: it runs the bundle (a CommonJS script beside it) with V8's code from the last run,
 * which spares compiling a megabyte of JavaScript and the functions a start runs. Node 22 has its
 * own compile cache, but not Node 20, and neither keeps the code of functions compiled as they run.
 */
function run(bundle: string): void {
	// V8 accepts kept code only under the flags it was made with: the monitor's are set first.
	tuneV8ForAMonitor();
	const source = readFileSync(bundle, 'utf8');
	const folder = codeCacheFolder();
	const file =
		folder === undefined
			? undefined
			: codeCacheFile(folder, SPARKTOP_BUNDLE_DIGEST);
	const kept = file === undefined ? undefined : readCodeCache(file);
	// Node's own wrapper for a CommonJS module, on the bundle's first line so its lines keep their numbers.
	const script = new vm.Script(
		`(function (exports, require, module, __filename, __dirname) {${source}\n})`,
		{filename: bundle, cachedData: kept?.code},
	);
	if (file !== undefined) {
		keepCompiledCode(script, file, kept);
	}

	const module_ = {exports: {}};
	(script.runInThisContext() as (...parameters: unknown[]) => void)(
		module_.exports,
		createRequire(bundle),
		module_,
		bundle,
		path.dirname(bundle),
	);
}

run(fileURLToPath(new URL('sparktop.cjs', import.meta.url)));
