import process from 'node:process';
import assert from 'node:assert/strict';
import {
	chownSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import {homedir} from 'node:os';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {type TestContext, test} from 'node:test';
import {
	codeCacheFile,
	codeCacheFolder,
	readCodeCache,
	writeCodeCache,
} from '../source/launch/code-cache.js';
import {scenario} from './helpers/simulators.js';
import {cliPath, onceJsonOf, runCli} from './helpers/spawn-cli.js';
import {tempFolder} from './helpers/temp-files.js';
import {TmuxSession, tmuxSkip} from './helpers/tmux.js';

const thisNode = `-${process.version}-${process.arch}.v8code`;

const keptOf = (...code: number[]) => ({
	bytecodeBytes: 1000,
	code: Uint8Array.of(...code),
});

test('the code is kept in the user’s cache folder, not a shared one, unless Node’s own switch turns it off', () => {
	assert.equal(
		codeCacheFolder({XDG_CACHE_HOME: '/somewhere/cache'}),
		'/somewhere/cache/sparktop',
	);
	assert.equal(
		codeCacheFolder({XDG_CACHE_HOME: ''}),
		path.join(homedir(), '.cache', 'sparktop'),
		'an empty XDG_CACHE_HOME counts as unset',
	);
	assert.equal(codeCacheFolder({}), path.join(homedir(), '.cache', 'sparktop'));
	assert.equal(
		codeCacheFolder({
			NODE_DISABLE_COMPILE_CACHE: '1',
			XDG_CACHE_HOME: '/somewhere/cache',
		}),
		undefined,
	);
});

test('code is written whole for this user alone, read back, and replaces the code this Node kept for other bundles', t => {
	const folder = path.join(tempFolder(t), 'cache', 'sparktop');
	const older = codeCacheFile(folder, 'a'.repeat(32));
	const otherNode = path.join(folder, `${'a'.repeat(32)}-v0.0.0-x64.v8code`);
	writeCodeCache(older, keptOf(1, 2));
	writeFileSync(otherNode, 'kept');
	const file = codeCacheFile(folder, 'b'.repeat(32));
	assert.equal(path.basename(file), `${'b'.repeat(32)}${thisNode}`);
	assert.equal(readCodeCache(file), undefined, 'nothing kept yet');

	writeCodeCache(file, {bytecodeBytes: 123_456, code: Uint8Array.of(7, 8, 9)});
	const read = readCodeCache(file);
	assert.deepEqual(
		[read?.bytecodeBytes, [...(read?.code ?? [])]],
		[123_456, [7, 8, 9]],
	);
	assert.deepEqual(readdirSync(folder).toSorted(), [
		path.basename(otherNode),
		path.basename(file),
	]);
	assert.equal(statSync(file).mode.toString(8).slice(-3), '600');
	assert.equal(statSync(folder).mode.toString(8).slice(-3), '700');
});

test(
	'a cache folder that cannot be made means no cache, at once: in /proc Node’s recursive mkdir would spin forever as the program ends',
	{skip: process.platform === 'linux' ? false : 'no /proc here'},
	() => {
		// In a child with a deadline: a program that spins never gives a test runner back its thread.
		const run = spawnSync(process.execPath, [cliPath, '--version'], {
			env: {PATH: process.env['PATH'] ?? '', HOME: '/proc'},
			encoding: 'utf8',
			timeout: 20_000,
			// A process spinning in native code never runs its JavaScript SIGTERM handlers.
			killSignal: 'SIGKILL',
		});
		assert.deepEqual(
			[run.error, run.status, run.stdout.trim(), run.stderr],
			[undefined, 0, '0.1.0', ''],
		);
	},
);

test('a cache that cannot be written, or is no file, is left alone without an error', t => {
	const blocker = path.join(tempFolder(t), 'not-a-folder');
	writeFileSync(blocker, '');
	const file = codeCacheFile(path.join(blocker, 'sparktop'), 'c'.repeat(32));
	assert.doesNotThrow(() => {
		writeCodeCache(file, keptOf(1));
	});
	assert.equal(readCodeCache(file), undefined);

	const folder = tempFolder(t);
	const asFolder = codeCacheFile(folder, 'd'.repeat(32));
	mkdirSync(asFolder);
	assert.equal(readCodeCache(asFolder), undefined);
});

test(
	'code another user wrote is never run',
	{
		skip:
			process.getuid?.() === 0
				? false
				: 'only root can give a file to another user',
	},
	t => {
		const file = codeCacheFile(tempFolder(t), 'e'.repeat(32));
		writeCodeCache(file, keptOf(1, 2, 3));
		assert.notEqual(readCodeCache(file), undefined);
		chownSync(file, 1, 1);
		assert.equal(readCodeCache(file), undefined);
	},
);

/** The program's kept code in `cache` (an XDG_CACHE_HOME): its one file, and that file's state. */
function keptCode(cache: string) {
	const folder = path.join(cache, 'sparktop');
	const names = existsSync(folder) ? readdirSync(folder) : [];
	assert.ok(names.length <= 1, `one file at most: ${names.join(', ')}`);
	const [name] = names;
	if (name === undefined) {
		return undefined;
	}

	const file = path.join(folder, name);
	const {mtimeMs, ino, size} = statSync(file);
	return {name, mtimeMs, ino, size};
}

/** The monitor watching `url` with its code kept in `cache`, until its runs show and q ends it. */
async function watchOnce(t: TestContext, cache: string, url: string) {
	const session = new TmuxSession();
	t.after(() => {
		session.kill();
	});
	// Ink draws nothing live when CI is set, so the child runs without it.
	session.start(
		`env -u CI XDG_CACHE_HOME=${cache} TERM=xterm-256color ${process.execPath} ${cliPath} --provider livy --endpoint ${url}`,
		120,
		30,
	);
	await session.waitFor(
		screen => screen.includes('nightly-etl'),
		'the runs list',
	);
	session.type('q');
	session.waitForExit(10_000);
	assert.match(session.capture(), /EXIT=0/v);
}

test(
	'the monitor keeps V8’s code and starts from it afterwards: V8 accepts it under the monitor’s own V8 settings, so it is not written again; code kept by a run that compiled far less is replaced',
	{skip: tmuxSkip()},
	async t => {
		const cache = tempFolder(t);
		const version = await runCli(['--version'], {XDG_CACHE_HOME: cache});
		assert.equal(version.code, 0, version.stderr);
		const versionCode = keptCode(cache);
		assert.ok(versionCode, '--version keeps its code');
		assert.match(versionCode.name, /^[\da-f]{32}-v[\d.]+-\w+\.v8code$/v);

		const {url} = await scenario(t, {only: 'livy', atSeconds: 4.5, now: true});
		await watchOnce(t, cache, url);
		const made = keptCode(cache);
		assert.ok(
			made && made.size > versionCode.size * 1.5,
			`the monitor keeps its own code: ${made?.size} bytes, where --version kept ${versionCode.size}`,
		);

		await watchOnce(t, cache, url);
		assert.deepEqual(
			keptCode(cache),
			made,
			'a run from the kept code leaves it as it was: V8 took it (a rejected one is written again)',
		);

		const args = ['runs', '--once', '--json', '--provider', 'livy'];
		const env = {XDG_CACHE_HOME: cache};
		const cached = await runCli([...args, '--endpoint', url], env);
		assert.equal(cached.code, 0, cached.stderr);
		assert.deepEqual(keptCode(cache), made);
		const compiled = await runCli([...args, '--endpoint', url], {
			...env,
			NODE_DISABLE_COMPILE_CACHE: '1',
		});
		assert.equal(compiled.code, 0, compiled.stderr);
		const runsOf = (stdout: string) =>
			(onceJsonOf(stdout)['runs'] as Array<{key: string}>).map(run => run.key);
		assert.deepEqual(runsOf(cached.stdout), runsOf(compiled.stdout));
		assert.ok(runsOf(cached.stdout).length > 0);
	},
);

test('kept code that is damaged (cut short, bytes changed) or not V8’s is replaced, and the program runs as ever', async t => {
	const cache = tempFolder(t);
	const env = {XDG_CACHE_HOME: cache};
	assert.equal((await runCli(['--version'], env)).code, 0);
	const made = keptCode(cache);
	assert.ok(made);
	const file = path.join(cache, 'sparktop', made.name);
	const whole = readFileSync(file);
	const flipped = Uint8Array.from(whole);
	for (
		let at = Math.floor(flipped.length / 2);
		at < flipped.length;
		at += 4099
	) {
		flipped[at] = 255 - flipped[at]!;
	}

	for (const damage of [
		new TextEncoder().encode('not code at all'),
		new Uint8Array(2),
		whole.subarray(0, Math.floor(made.size / 2)),
		flipped,
	]) {
		writeFileSync(file, damage);
		const run = await runCli(['--version'], env);
		assert.deepEqual(
			[run.code, run.stdout.trim(), run.stderr],
			[0, '0.1.0', ''],
		);
		const again = readCodeCache(file);
		assert.ok(
			again && again.code.length > 10_000,
			'written again whole: its digest holds',
		);
	}
});

test('with NODE_DISABLE_COMPILE_CACHE the program keeps no code', async t => {
	const cache = tempFolder(t);
	const run = await runCli(['--version'], {
		XDG_CACHE_HOME: cache,
		NODE_DISABLE_COMPILE_CACHE: '1',
	});
	assert.equal(run.code, 0, run.stderr);
	assert.deepEqual(readdirSync(cache), []);
});
