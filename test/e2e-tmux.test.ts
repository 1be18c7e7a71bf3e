import process from 'node:process';
import path from 'node:path';
import {readFileSync} from 'node:fs';
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {cliPath} from './helpers/spawn-cli.js';
import {tempFolder} from './helpers/temp-files.js';
import {recordPid, TmuxSession, tmuxSkip} from './helpers/tmux.js';

const session = new TmuxSession();

after(() => {
	session.kill();
});

function taskCounts(screen: string): number[] {
	return [...screen.matchAll(/(\d+)\/\d+ \(\d+ running\)/gv)].map(match =>
		Number(match[1]),
	);
}

/** The Runs pane with every target's first list in (none says `loading…`) and its summary line. */
function listed(screen: string): boolean {
	return (
		screen.includes('[1 Runs]') &&
		/\d+ running/v.test(screen) &&
		!/│[\w\-]+: loading…/v.test(screen)
	);
}

/** The Runs pane's rows (and other lines), without its borders, in the left part of the screen. */
function runsPane(screen: string): string[] {
	return screen
		.split('\n')
		.map(line => /^│(.*?)│(?:│|$)/v.exec(line)?.[1] ?? '')
		.filter(Boolean);
}

/** The state word of each run row in the Runs pane. */
function rowStates(screen: string): string[] {
	return runsPane(screen).flatMap(row => {
		const match = /^[▸✖ ] ([a-z]+)\s/v.exec(row);
		return match ? [match[1]!] : [];
	});
}

/** The Runs title's `position/total` badge. */
function runsBadge(
	screen: string,
): {position: number; total: number} | undefined {
	const match = /\[1 Runs\] (\d+)\/(\d+)/v.exec(screen);
	return match
		? {position: Number(match[1]), total: Number(match[2])}
		: undefined;
}

/** A field of the Detail pane, by its label. */
function detailField(screen: string, label: string): string | undefined {
	return new RegExp(String.raw`│${label} +(\S+)`, 'v').exec(screen)?.[1];
}

function lastLine(screen: string): string {
	return screen.trimEnd().split('\n').at(-1) ?? '';
}

describe(
	'sparktop --demo in a real terminal (tmux)',
	{skip: tmuxSkip()},
	() => {
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

			session.type('/kind:session target:livy etl');
			session.keys('Enter');
			// A filter never moves a selection the user made; g picks the first row it left.
			session.type('g');
			await session.waitFor(
				text =>
					/▸ \w+\s+etl-notebook\s.*livy/v.test(text) && text.includes(' 1 of '),
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
						now.length > 0 &&
						(now[0]! > first[0]! || now.length !== first.length)
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
			// ESC and q in one read would be Alt-q: q goes once the help has closed.
			await session.waitFor(
				text => !text.includes('next / previous pane'),
				'help to close',
			);
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

		test('the Runs view: the selected run stays put through arrivals, y copies its id, a filter shows only what it names, ids show in full at 200 columns, and the hint line keeps ? and q', async () => {
			const view = new TmuxSession();
			try {
				view.start(
					`env -u CI NODE_ENV=production ${process.execPath} ${cliPath} --demo --interval 1`,
					200,
					60,
				);
				await view.waitFor(listed, 'the runs list');
				view.acceptClipboard();
				// Newest first, so that every arrival lands above the selection.
				view.type(':sort submitted');
				view.keys('Enter');
				// Runs arrive all the time at the start, so rows move between a key and a look at the
				// screen: the run is picked by name, and then watched.
				view.type(':run livy:batch:2');
				view.keys('Enter');
				let screen = await view.waitFor(
					text =>
						text.includes('selected batch 2 on livy') &&
						detailField(text, 'Id') === '2' &&
						runsBadge(text) !== undefined,
					'batch 2 selected',
				);
				const chosen = {
					id: detailField(screen, 'Id')!,
					target: detailField(screen, 'Target')!,
					total: runsBadge(screen)!.total,
					position: runsBadge(screen)!.position,
				};
				assert.ok(
					runsPane(screen).some(
						row => row.startsWith('▸') && row.includes(` ${chosen.id} `),
					),
					`the selected row shows the whole id ${chosen.id}`,
				);

				// DLI submits a job every 20 s, Livy and Synapse a batch every 45 s.
				screen = await view.waitFor(
					text => (runsBadge(text)?.position ?? 0) > chosen.position,
					'new runs to arrive',
					60_000,
				);
				assert.equal(detailField(screen, 'Id'), chosen.id);
				assert.equal(detailField(screen, 'Target'), chosen.target);
				assert.ok(
					runsPane(screen).some(
						row => row.startsWith('▸') && row.includes(` ${chosen.id} `),
					),
					'the same row is still selected',
				);
				view.type('y');
				await view.waitFor(
					text => text.includes('copied the id of'),
					'the copy',
				);
				assert.equal(view.clipboard(), chosen.id);

				view.type('/state:failed');
				view.keys('Enter');
				screen = await view.waitFor(
					text => text.includes('/state:failed ') && rowStates(text).length > 0,
					'the failed runs',
				);
				assert.deepEqual([...new Set(rowStates(screen))], ['failed']);

				view.type('/target:dli');
				view.keys('Enter');
				screen = await view.waitFor(
					text => text.includes('/target:dli ') && rowStates(text).length > 0,
					'the DLI runs',
				);
				assert.match(
					runsPane(screen).join('\n'),
					/ [\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12} /v,
					'a DLI job id in full',
				);
				view.keys('Escape');

				for (const [columns, rows] of [
					[80, 24],
					[60, 20],
				] as const) {
					view.resize(columns, rows);
					screen = await view.waitFor(
						text =>
							lastLine(text).length <= columns &&
							lastLine(text).includes('q:quit'),
						`the hint line at ${columns}x${rows}`,
					);
					assert.match(lastLine(screen), /\?:help/v);
				}

				view.type('?');
				screen = await view.waitFor(
					text => text.includes('[Keys]') && text.includes(' 1-'),
					'help at 60x20',
				);
				assert.ok(screen.split('\n').filter(line => line !== '').length <= 19);
				view.type('jjj');
				screen = await view.waitFor(
					text => text.includes('[Keys]') && text.includes(' 4-'),
					'help to scroll by three lines',
				);
				assert.ok(screen.split('\n').filter(line => line !== '').length <= 19);
			} finally {
				view.kill();
			}
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
				await signalled.waitFor(listed, `the runs list before ${signal}`);
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

		test("a session's selected statement shows its own Spark jobs in Progress; a shows them all", async t => {
			const jobs = new TmuxSession();
			t.after(() => {
				jobs.kill();
			});
			jobs.start(
				`env -u CI NODE_ENV=production ${process.execPath} ${cliPath} --demo --interval 1`,
				160,
				50,
			);
			await jobs.waitFor(listed, 'the runs list');
			jobs.type(':run livy:session:0');
			jobs.keys('Enter');
			const screen = await jobs.waitFor(
				text =>
					/jobs of statement #\d+ \(a: all jobs\)/v.test(text) &&
					/│#\d+ RUNNING/v.test(text),
				"the selected statement's running jobs",
				30_000,
			);
			const shown = /jobs of statement #(\d+)/v.exec(screen)![1];
			assert.match(
				screen,
				new RegExp(String.raw`▸ #${shown} `, 'v'),
				'the statement selected in Statements',
			);
			assert.match(screen, /in its Spark jobs/v, 'its combined bar under it');
			jobs.type('4a');
			await jobs.waitFor(
				text => text.includes('all jobs of the application'),
				'all jobs',
			);
			jobs.type('q');
			jobs.waitForExit(10_000);
		});

		test('the log: full-screen, streams apart, a search, a jump to the exception, saved to a file, and one Esc out', async t => {
			const folder = tempFolder(t);
			const logs = new TmuxSession();
			t.after(() => {
				logs.kill();
			});
			logs.start(
				`cd ${folder} && env -u CI NODE_ENV=production ${process.execPath} ${cliPath} --demo --interval 1`,
				120,
				40,
			);
			await logs.waitFor(listed, 'the runs list');
			// The batch broken-job: its stderr gets the exception once it dies, 18 s into the demo.
			logs.type(':run livy:batch:1');
			logs.keys('Enter');
			await logs.waitFor(
				text => text.includes('selected batch 1 on livy'),
				'the batch selected',
			);
			logs.type('l');
			let screen = await logs.waitFor(
				text =>
					text.includes('[Log · batch 1]') &&
					text.includes('following') &&
					text.includes('[stdout] stderr'),
				'the log, following its tail, its streams apart',
			);
			assert.doesNotMatch(
				screen,
				/\[1 Runs\]/v,
				'the log has the whole screen',
			);
			logs.keys('Tab');
			screen = await logs.waitFor(
				text =>
					text.includes('stdout [stderr]') &&
					text.includes('Caused by: java.io.FileNotFoundException'),
				'the exception in stderr',
				30_000,
			);
			assert.doesNotMatch(screen, /ShuffleMapStage/v, 'stdout is not mixed in');

			logs.type('g');
			logs.type('e');
			screen = await logs.waitFor(
				text =>
					text.includes(
						'▸ ERROR ApplicationMaster: User class threw exception',
					),
				'the first trouble line marked',
			);
			logs.type('/');
			logs.type('filenotfound');
			logs.keys('Enter');
			screen = await logs.waitFor(
				text => text.includes('▸ Caused by: java.io.FileNotFoundException'),
				'the search landing on its match',
			);
			assert.match(screen, /\/filenotfound: 1 lines/v);

			logs.type('s');
			screen = await logs.waitFor(
				text => text.includes('saved '),
				'the bottom line saying where the log went',
			);
			const saved = /saved \d+ lines of stderr to (\S+\.log)/v.exec(
				screen,
			)?.[1];
			assert.ok(saved, screen);
			assert.equal(path.dirname(saved), folder);
			assert.match(
				readFileSync(saved, 'utf8'),
				/^WARN NativeCodeLoader[\s\S]*\nCaused by: java\.io\.FileNotFoundException/v,
			);

			logs.keys('Escape');
			await logs.waitFor(
				text => text.includes('[1 Runs]'),
				'the panes again after one Esc',
			);
			logs.type('q');
			logs.waitForExit(10_000);
			assert.match(logs.capture(), /EXIT=0/v);
		});

		test('a shell with CI set still gets the live screen', async () => {
			const withCi = new TmuxSession();
			try {
				withCi.start(
					`env CI=true CI_PIPELINE_ID=1 ${process.execPath} ${cliPath} --demo`,
					100,
					30,
				);
				await withCi.waitFor(listed, 'the runs list with CI set');
				withCi.type('q');
				withCi.waitForExit(10_000);
				assert.match(withCi.capture(), /EXIT=0/v);
			} finally {
				withCi.kill();
			}
		});
	},
);
