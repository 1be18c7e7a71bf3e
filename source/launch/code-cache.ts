import {
	closeSync,
	fstatSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {xdgFolder} from '../cli/xdg-folder.js';

/**
 * Where V8's code for the bundle is kept between runs: the user's own cache folder, never a shared
 * temp folder, where another user could leave code for this one to run. Undefined when turned off
 * (NODE_DISABLE_COMPILE_CACHE, as for Node's own cache).
 */
export function codeCacheFolder(
	env: NodeJS.ProcessEnv = process.env,
): string | undefined {
	return env['NODE_DISABLE_COMPILE_CACHE'] === undefined
		? xdgFolder(env, 'XDG_CACHE_HOME', '.cache')
		: undefined;
}

/** Ends the name of every file of code for this Node. */
const codeSuffix = `-${process.version}-${process.arch}.v8code`;

/**
 * The file for one bundle's code under one Node: V8 checks its own version and flags and the
 * source's length, but not the source itself, so the name carries the bundle's digest.
 */
export function codeCacheFile(folder: string, bundleDigest: string): string {
	return path.join(folder, `${bundleDigest}${codeSuffix}`);
}

/**
 * The cached code in `file`, if it is there and this user's own (a file another user could have
 * written is code this one would run).
 */
export function readCodeCache(file: string): Uint8Array | undefined {
	let descriptor: number;
	try {
		descriptor = openSync(file, 'r');
	} catch {
		return undefined;
	}

	try {
		const stat = fstatSync(descriptor);
		const uid = process.getuid?.();
		if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) {
			return undefined;
		}

		return readFileSync(descriptor);
	} catch {
		return undefined;
	} finally {
		closeSync(descriptor);
	}
}

/**
 * Keeps `code` in `file`, whole or not at all (written aside, then renamed), in a folder only this
 * user can read, and drops this Node's code for other bundles (earlier versions of sparktop). A
 * cache that cannot be written is no error: the next start compiles again.
 */
export function writeCodeCache(file: string, code: Uint8Array): void {
	const folder = path.dirname(file);
	const aside = `${file}.${process.pid}`;
	try {
		mkdirSync(folder, {recursive: true, mode: 0o700});
		writeFileSync(aside, code, {mode: 0o600});
		renameSync(aside, file);
		for (const name of readdirSync(folder)) {
			if (name.endsWith(codeSuffix) && name !== path.basename(file)) {
				rmSync(path.join(folder, name), {force: true});
			}
		}
	} catch {
		try {
			rmSync(aside, {force: true});
		} catch {
			// Nothing more can be done, and the program is ending: an error here would only alarm.
		}
	}
}
