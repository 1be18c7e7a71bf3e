import process from 'node:process';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {after, test} from 'node:test';
import {scenario} from './helpers/simulators.js';
import {onceJsonOf, runProgram} from './helpers/spawn-cli.js';
import {tempFolder} from './helpers/temp-files.js';
import {TmuxSession, tmuxSkip} from './helpers/tmux.js';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
// Building needs a linux-x64 Node with single executable assets (20.12 and later).
const skip =
	process.platform === 'linux' && process.arch === 'x64'
		? major > 20 || (major === 20 && minor >= 12)
			? false
			: `Node ${process.version} cannot embed assets in a single executable (20.12 and later can)`
		: `the single executable is built for linux-x64, not ${process.platform}-${process.arch}`;

/** PATH without any folder that holds a `node`: the executable must bring its own. */
const pathWithoutNode = (process.env['PATH'] ?? '')
	.split(path.delimiter)
	.filter(folder => folder !== '' && !existsSync(path.join(folder, 'node')))
	.join(path.delimiter);

const session = new TmuxSession();
after(() => {
	session.kill();
});

test(
	'npm run build:sea makes one file that runs --version, --once and the --demo TUI where there is no node',
	{skip},
	async t => {
		const folder = tempFolder(t);
		const executable = path.join(folder, 'sparktop');
		execFileSync(
			process.execPath,
			['source/bundle/build-sea.mjs', executable],
			{stdio: 'ignore', timeout: 120_000},
		);
		const env = {PATH: pathWithoutNode};
		const lookup = spawnSync('/bin/sh', ['-c', 'command -v node'], {
			env,
			encoding: 'utf8',
		});
		assert.equal(lookup.error, undefined);
		assert.deepEqual(
			[lookup.status === 0, lookup.stdout],
			[false, ''],
			'no node on the stripped PATH',
		);

		const version = await runProgram(executable, ['--version'], env);
		assert.equal(version.code, 0, version.stderr);
		assert.equal(version.stdout.trim(), '0.1.0');

		const {url} = await scenario(t, {only: 'livy', atSeconds: 4.5, now: true});
		const once = await runProgram(
			executable,
			['runs', '--once', '--json', '--provider', 'livy', '--endpoint', url],
			env,
		);
		assert.equal(once.code, 0, once.stderr);
		assert.ok((onceJsonOf(once.stdout)['runs'] as unknown[]).length > 0);

		const bad = await runProgram(executable, ['--interval', '0'], env);
		assert.equal(bad.code, 2, 'a bad flag is still exit 2');
		assert.match(bad.stderr, /--interval/v);
		assert.ok(bad.stderr.length < 500, 'a short message, no stack trace');

		const tmuxMissing = tmuxSkip();
		if (tmuxMissing) {
			t.diagnostic(`${tmuxMissing}: the TUI part was not run`);
			return;
		}

		// Ink draws nothing live when CI is set, so the child runs without it.
		session.start(
			`/usr/bin/env -i PATH='${pathWithoutNode}' TERM=xterm-256color HOME=${folder} ${executable} --demo --interval 1`,
			120,
			40,
		);
		await session.waitFor(
			screen =>
				screen.includes('etl-notebook') && screen.includes('nightly-etl'),
			'the runs list of the demo',
		);
		session.type('q');
		session.waitForExit(10_000);
		assert.match(session.capture(), /EXIT=0/v);
	},
);
