import {Buffer} from 'node:buffer';
import {createHash} from 'node:crypto';
import {
	appendFileSync,
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
import v8 from 'node:v8';
import type vm from 'node:vm';
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

/** V8's code for the bundle, and how much bytecode the run that made it had compiled by then. */
export type KeptCode = {
	readonly code: Uint8Array;
	readonly bytecodeBytes: number;
};

/**
 * The file starts with the first 16 bytes of the SHA-256 of V8's code and the bytecode count (a
 * little-endian 32-bit number), padded to 24 bytes so the code after them stays 8-byte aligned.
 * V8 checks its code's length but not its bytes: code damaged on disk would crash every start.
 */
const digestBytes = 16;
const headerBytes = 24;

function digestOf(code: Uint8Array): Uint8Array {
	return createHash('sha256').update(code).digest().subarray(0, digestBytes);
}

/**
 * The code kept in `file`, if it is there and this user's own (a file another user could have
 * written is code this one would run).
 */
export function readCodeCache(file: string): KeptCode | undefined {
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

		const kept = readFileSync(descriptor);
		const code = kept.subarray(headerBytes);
		return kept.length > headerBytes &&
			kept.subarray(0, digestBytes).equals(digestOf(code))
			? {bytecodeBytes: kept.readUInt32LE(digestBytes), code}
			: undefined;
	} catch {
		return undefined;
	} finally {
		closeSync(descriptor);
	}
}

/**
 * Makes `folder` and, if need be, its parent (the cache base folder), for this user alone. Node's
 * recursive mkdirSync spins forever where mkdir answers ENOENT under a parent that is there (as
 * in /proc), which would hang the program as it ends.
 */
function makeFolder(folder: string): void {
	for (const each of [path.dirname(folder), folder]) {
		try {
			mkdirSync(each, {mode: 0o700});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}
	}
}

/**
 * Keeps `kept` in `file`, whole or not at all (written aside, then renamed), in a folder only this
 * user can read, and drops this Node's code for other bundles (earlier versions of sparktop). A
 * cache that cannot be written is no error: the next start compiles again.
 */
export function writeCodeCache(file: string, kept: KeptCode): void {
	const folder = path.dirname(file);
	const aside = `${file}.${process.pid}`;
	const header = Buffer.alloc(headerBytes);
	header.set(digestOf(kept.code));
	header.writeUInt32LE(
		Math.min(kept.bytecodeBytes, 0xff_ff_ff_ff),
		digestBytes,
	);
	try {
		makeFolder(folder);
		writeFileSync(aside, header, {mode: 0o600});
		appendFileSync(aside, kept.code);
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

/**
 * When a run's code is looked at for keeping: a monitor has drawn its runs by then, and V8 has not
 * yet dropped the bytecode of functions only the start ran (it flushes what goes unused).
 */
const keepAfterMs = 2000;

/** How much more bytecode than the kept code was made with makes it worth writing again. */
const growthWorthKeeping = 1.2;

/**
 * Keeps the code `script` compiled in `file`, 2 s after the start or as the program ends if that
 * comes first, when there was none (`kept`), V8 refused it, or this run compiled a fifth more:
 * code kept by `sparktop --version` would leave the monitor's own to be compiled at every start.
 */
export function keepCompiledCode(
	script: vm.Script,
	file: string,
	kept: KeptCode | undefined,
): void {
	const madeWith =
		kept === undefined || script.cachedDataRejected === true
			? 0
			: kept.bytecodeBytes;
	const decide = () => {
		clearTimeout(timer);
		process.off('exit', decide);
		const bytecodeBytes = v8.getHeapCodeStatistics().bytecode_and_metadata_size;
		if (bytecodeBytes > madeWith * growthWorthKeeping) {
			writeCodeCache(file, {bytecodeBytes, code: script.createCachedData()});
		}
	};

	const timer = setTimeout(decide, keepAfterMs).unref();
	process.once('exit', decide);
}
