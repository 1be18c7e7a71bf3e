import process from 'node:process';
import path from 'node:path';
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {cliPath} from './helpers/spawn-cli.js';
import {tempFolder} from './helpers/temp-files.js';
import {hasTmux, recordPid, TmuxSession} from './helpers/tmux.js';

const session = new TmuxSession();

after(() => {
	session.kill();
});

function taskCounts(screen: string): number[] {
	return [...screen.matchAll(/(\d+)\/\d+ \(\d+ running\)/gv)].map(match =>
		Number(match[1]),
	);
}

// Locally a missing tmux skips this test; CI sets SPARKTOP_REQUIRE_TMUX so it fails instead.
const skip =
	hasTmux() || process.env['SPARKTOP_REQUIRE_TMUX']
		? false
		: 'tmux is not installed (.ci/run installs it)';

describe('sparktop --demo in a real terminal (tmux)', {skip}, () => {
	test('runs, a session with its statements, live bars, a resize to 80x24, and a clean quit', async () => {
		// Ink draws nothing live when CI is set, so the child runs without it.
		session.start(
			`env -u CI NODE_ENV=production ${process.execPath} ${cliPath} --demo --interval 1`,
			120,
			40,
		);

		let screen = await session.waitFor(
			text => text.includes('etl-notebook') && text.includes('nightly-etl'),
			'the runs list',
		);
		assert.equal(
			session.display('#{alternate_on}'),
			'1',
			'runs on the alternate screen',
		);
		assert.match(screen.split('\n')[0] ?? '', /^sparktop livy · spark/v);
		const lines = screen.split('\n').filter(line => line !== '');
		assert.ok(
			lines.length <= 39,
			`frame has ${lines.length} lines in a 40-row pane`,
		);

		session.type('/etl-notebook');
		session.keys('Enter');
		// A filter never moves the selection; g picks the first row it left.
		session.type('g');
		await session.waitFor(
			text => /▸ \w+\s+etl-notebook/v.test(text),
			'the session selected by the filter',
		);
		session.type('3');
		screen = await session.waitFor(
			text =>
				text.includes('[3 Statements]') &&
				text.includes('│ spark.range(1000 * 1000).count()'),
			'a statement with its code',
			30_000,
		);
		session.type('G');
		screen = await session.waitFor(
			text => text.includes('#0 available') && text.includes('1000000'),
			'the first statement and its output',
			30_000,
		);

		const first = taskCounts(
			await session.waitFor(
				text => taskCounts(text).length > 0,
				'a running task bar',
				20_000,
			),
		);
		screen = await session.waitFor(
			text => {
				const now = taskCounts(text);
				return (
					now.length > 0 && (now[0]! > first[0]! || now.length !== first.length)
				);
			},
			'the task bar to advance',
			20_000,
		);
		assert.match(screen, /[█▓]+░*/v);

		session.resize(80, 24);
		screen = await session.waitFor(
			text => text.includes(' 1 Runs ') && text.includes(' 4 Progress '),
			'the tab strip at 80x24',
		);
		assert.ok(screen.split('\n').filter(line => line !== '').length <= 23);
		assert.match(screen, /\[3 Statements\]/v);
		session.type('1');
		screen = await session.waitFor(
			text => text.includes('[1 Runs]') && text.includes('etl-notebook'),
			'the runs pane at 80x24',
		);
		session.type('?');
		await session.waitFor(
			text => text.includes('next / previous pane'),
			'help at 80x24',
		);
		session.keys('Escape');

		session.type('q');
		session.waitForExit(10_000);
		screen = session.capture();
		assert.match(screen, /EXIT=0/v);
		assert.equal(
			session.display('#{alternate_on}'),
			'0',
			'the alternate screen was left',
		);
		assert.doesNotMatch(
			screen,
			/Statements\]|╭─/v,
			'the monitor is gone from the normal screen',
		);
	});

	test('a signal by kill (INT, QUIT, TERM) leaves the alternate screen and exits 128 + its number', async t => {
		const folder = tempFolder(t);
		for (const [signal, status] of [
			['SIGINT', 130],
			['SIGQUIT', 131],
			['SIGTERM', 143],
		] as const) {
			const signalled = new TmuxSession();
			t.after(() => {
				signalled.kill();
			});
			const pidFile = path.join(folder, `${signal}.pid`);
			signalled.start(
				recordPid(pidFile, `env -u CI ${process.execPath} ${cliPath} --demo`),
				100,
				30,
			);
			await signalled.waitFor(
				text => text.includes('[1 Runs]') && text.includes('etl-notebook'),
				`the runs list before ${signal}`,
			);
			assert.equal(signalled.display('#{alternate_on}'), '1');
			process.kill(signalled.pid(pidFile), signal);
			signalled.waitForExit(10_000);
			assert.match(signalled.capture(), new RegExp(`EXIT=${status}`, 'v'));
			assert.equal(
				signalled.display('#{alternate_on}'),
				'0',
				`${signal} left the alternate screen`,
			);
		}
	});

	test('a shell with CI set still gets the live screen', async () => {
		const withCi = new TmuxSession();
		try {
			withCi.start(
				`env CI=true CI_PIPELINE_ID=1 ${process.execPath} ${cliPath} --demo`,
				100,
				30,
			);
			await withCi.waitFor(
				text => text.includes('[1 Runs]') && text.includes('etl-notebook'),
				'the runs list with CI set',
			);
			withCi.type('q');
			withCi.waitForExit(10_000);
			assert.match(withCi.capture(), /EXIT=0/v);
		} finally {
			withCi.kill();
		}
	});
});
