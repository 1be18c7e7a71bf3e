import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ProviderError} from '../source/http/provider-error.js';
import {runList} from '../source/model/run-list.js';
import type {Run, Statement} from '../source/model/types.js';
import type {Provider} from '../source/providers/provider.js';
import {sessionRun} from './helpers/fixtures.js';
import {press, renderApp, waitForFrame} from './helpers/render-app.js';

const run = (id: string, extra: Partial<Run> = {}): Run =>
	sessionRun(id, {name: `session-${id}`, ...extra});

const statements: Statement[] = [
	{
		id: '0',
		sessionKey: 'livy:session:0',
		code: "print(open('/tmp/motd').read())",
		state: 'available',
		rawState: 'available',
		output: {
			status: 'ok',
			data: {'text/plain': 'motd \u001B]52;c;ZXZpbA==\u0007\u001B[2J done'},
			traceback: [],
		},
	},
	{
		id: '1',
		sessionKey: 'livy:session:0',
		code: 'df.count()',
		state: 'available',
		rawState: 'available',
		output: {
			status: 'error',
			errorName: 'AnalysisException',
			errorValue: '[PATH_NOT_FOUND] Path does not exist',
			data: {},
			traceback: [
				'Traceback (most recent call last):\n',
				'  File "<stdin>", line 1\n',
			],
		},
	},
];

function livy(runs: Run[], extra: Partial<Provider> = {}): Provider {
	return {
		id: 'livy',
		kinds: ['session', 'batch'],
		target: 'livy',
		endpoint: 'http://127.0.0.1:1',
		listRuns: async () => runs,
		async getRun(selected) {
			return {
				...selected,
				fields: [['Interpreter', 'pyspark']],
				timeline: [],
				config: {'spark.executor.memory': '8g'},
				errors: [],
				logTail: ['stdout: ready'],
				links: {},
			};
		},
		listStatements: async selected => (selected.id === '0' ? statements : []),
		async getProgress(selected) {
			return {
				runKey: selected.key,
				source: 'test',
				jobs: [
					{
						id: 7,
						name: 'count at <console>:17',
						status: 'running',
						rawStatus: 'RUNNING',
						stageIds: [1, 2, 3],
						tasks: {
							total: 200,
							active: 8,
							completed: 50,
							completedIndices: 50,
							skipped: 100,
							failed: 2,
							killed: 0,
						},
						stages: {total: 3, active: 1, completed: 0, skipped: 1, failed: 0},
						killedSummary: {},
					},
				],
			};
		},
		...extra,
	};
}

describe('the monitor', () => {
	test('lists runs, shows the selected one in Detail, and moves with j/k', async () => {
		const app = renderApp([
			livy([run('0'), run('1', {state: 'busy', rawState: 'busy'})]),
		]);
		try {
			// Newest first: session 1 leads and is selected.
			let frame = await waitForFrame(
				app.lastFrame,
				text => text.includes('session-0') && text.includes('Interpreter'),
			);
			assert.match(frame, /\[1 Runs\]/v);
			assert.match(frame, /▸ busy\s+session-1/v);
			assert.match(frame, /session-1\s+busy/v);
			await press(app.stdin, 'j');
			frame = await waitForFrame(app.lastFrame, text =>
				/▸ idle\s+session-0/v.test(text),
			);
			assert.match(frame, /session-0\s+idle/v);
			await press(app.stdin, 'k');
			await waitForFrame(app.lastFrame, text =>
				/▸ busy\s+session-1/v.test(text),
			);
		} finally {
			app.cleanup();
		}
	});

	test('the selection stays on its run through arrivals above it, a filter and its removal', async () => {
		let runs = [run('1'), run('2')];
		const copied: string[] = [];
		const app = renderApp([livy([], {listRuns: async () => runs})], {
			copy(text) {
				copied.push(text);
			},
		});
		try {
			await waitForFrame(app.lastFrame, text =>
				/▸ idle\s+session-2/v.test(text),
			);
			await press(app.stdin, 'j');
			await waitForFrame(app.lastFrame, text =>
				/▸ idle\s+session-1/v.test(text),
			);
			// Newer runs arrive at the top on the next poll.
			runs = [run('4'), run('3'), ...runs];
			app.store.refresh();
			let frame = await waitForFrame(app.lastFrame, text =>
				text.includes('session-4'),
			);
			assert.match(frame, /▸ idle\s+session-1/v);
			assert.match(frame, /session-1\s+idle/v, 'Detail still shows it');
			await press(app.stdin, 'y');
			assert.deepEqual(copied, ['1']);
			// Filtered out: Detail keeps it and says so; y still copies its id.
			await press(
				app.stdin,
				'/',
				's',
				'e',
				's',
				's',
				'i',
				'o',
				'n',
				'-',
				'3',
				'\r',
			);
			frame = await waitForFrame(app.lastFrame, text =>
				text.includes('no longer in the list'),
			);
			assert.doesNotMatch(frame, /▸/v, 'no row is highlighted');
			assert.match(frame, /session-1\s+idle/v);
			await press(app.stdin, 'y');
			assert.deepEqual(copied, ['1', '1']);
			// Gone from the provider too, with the filter cleared: still held, until a move.
			runs = [run('4'), run('3'), run('2')];
			await press(app.stdin, '\u001B');
			app.store.refresh();
			frame = await waitForFrame(
				app.lastFrame,
				text =>
					!/│[ ▸] \w+\s+session-1\b/v.test(text) &&
					text.includes('no longer in the list'),
			);
			await press(app.stdin, 'k');
			await waitForFrame(app.lastFrame, text =>
				/▸ idle\s+session-2/v.test(text),
			);
		} finally {
			app.cleanup();
		}
	});

	test('a run that turns failed is marked until selected and rings the bell once; one failed already is not', async () => {
		let runs = [run('1'), run('2'), run('3', {state: 'failed'})];
		let rings = 0;
		const app = renderApp([livy([], {listRuns: async () => runs})], {
			bell() {
				rings++;
			},
		});
		try {
			await waitForFrame(app.lastFrame, text => text.includes('session-3'));
			assert.doesNotMatch(app.lastFrame() ?? '', /✖/v);
			runs = [
				run('1', {state: 'failed'}),
				run('2'),
				run('3', {state: 'failed'}),
			];
			app.store.refresh();
			let frame = await waitForFrame(app.lastFrame, text =>
				/✖ failed\s+session-1/v.test(text),
			);
			assert.equal(rings, 1);
			assert.doesNotMatch(frame, /✖ failed\s+session-3/v);
			app.store.refresh();
			await waitForFrame(app.lastFrame, text => text.includes('session-1'));
			assert.equal(rings, 1, 'one ring per run that turned failed');
			// Selecting it clears the mark.
			await press(app.stdin, 'G');
			frame = await waitForFrame(app.lastFrame, text =>
				/▸ failed\s+session-1/v.test(text),
			);
			await press(app.stdin, 'k');
			frame = await waitForFrame(app.lastFrame, text =>
				/ {2}failed\s+session-1/v.test(text),
			);
			assert.doesNotMatch(frame, /✖/v);
		} finally {
			app.cleanup();
		}
	});

	test('a list that is a window of the newest runs says so in the title', async () => {
		const app = renderApp([
			livy([], {listRuns: async () => runList([run('2'), run('1')], 50_000)}),
		]);
		try {
			await waitForFrame(app.lastFrame, text =>
				text.includes('newest 2 of 50000'),
			);
		} finally {
			app.cleanup();
		}
	});

	test('statement output with escape sequences is shown as harmless text', async () => {
		const app = renderApp([livy([run('0')])]);
		try {
			await waitForFrame(app.lastFrame, text => text.includes('#1'));
			await press(app.stdin, '3', 'j');
			const frame = await waitForFrame(app.lastFrame, text =>
				text.includes('motd'),
			);
			assert.match(frame, /\^\[\]52;c;ZXZpbA==\^G\^\[\[2J done/v);
			assert.doesNotMatch(frame, /\u001B|\u0007/v);
		} finally {
			app.cleanup();
		}
	});

	test('an error output shows its name, value and traceback', async () => {
		const app = renderApp([livy([run('0')])]);
		try {
			const frame = await waitForFrame(app.lastFrame, text =>
				text.includes('AnalysisException: [PATH_NOT_FOUND]'),
			);
			// Listed as failed, although Livy's state word is `available`.
			assert.match(frame, /▸✖#1 failed AnalysisException/v);
			assert.match(frame, /Traceback \(most recent call last\)/v);
		} finally {
			app.cleanup();
		}
	});

	test('progress bars count like Spark: skipped tasks out of the total', async () => {
		const app = renderApp([livy([run('0')])]);
		try {
			await waitForFrame(app.lastFrame, text => text.includes('#7'));
			await press(app.stdin, '4', 'z');
			const frame = await waitForFrame(
				app.lastFrame,
				text => text.includes('[4 Progress]') && !text.includes('Runs]'),
			);
			assert.match(
				frame,
				/50\/100 \(8 running\) \(2 failed\) \(100 skipped\)/v,
			);
			assert.match(frame, /stages 0\/2 \(1 skipped\)/v);
			assert.match(frame, /█+▓+░+/v);
		} finally {
			app.cleanup();
		}
	});

	test('--ascii draws bars and borders without Unicode blocks', async () => {
		const app = renderApp([livy([run('0')])], {ascii: true});
		try {
			await waitForFrame(app.lastFrame, text => text.includes('#7'));
			await press(app.stdin, '4', 'z');
			const frame = await waitForFrame(
				app.lastFrame,
				text => text.includes('[4 Progress]') && !text.includes('Runs]'),
			);
			assert.match(frame, /#+>+\.+ 50\/100/v);
			assert.doesNotMatch(frame, /[█▓░╭]/v);
		} finally {
			app.cleanup();
		}
	});

	test('Tab moves focus, ? opens help, Esc closes it, p pauses visibly', async () => {
		const app = renderApp([livy([run('0')])]);
		try {
			await waitForFrame(app.lastFrame, text => text.includes('session-0'));
			await press(app.stdin, '\t');
			await waitForFrame(app.lastFrame, text => text.includes('[2 Detail]'));
			await press(app.stdin, '?');
			await waitForFrame(app.lastFrame, text =>
				text.includes('next / previous pane'),
			);
			await press(app.stdin, '\u001B');
			await waitForFrame(
				app.lastFrame,
				text => !text.includes('next / previous pane'),
			);
			await press(app.stdin, 'p');
			await waitForFrame(app.lastFrame, text => text.includes('PAUSED'));
			assert.equal(app.store.getStatus().paused, true);
		} finally {
			app.cleanup();
		}
	});

	test('/ filters the runs by typed words', async () => {
		const app = renderApp([
			livy([run('0', {name: 'etl-notebook'}), run('1', {name: 'reporting'})]),
		]);
		try {
			await waitForFrame(app.lastFrame, text => text.includes('reporting'));
			await press(app.stdin, '/', 'r', 'e', 'p', '\r');
			const frame = await waitForFrame(
				app.lastFrame,
				text => !text.includes('etl-notebook'),
			);
			assert.match(frame, /\/rep/v);
			assert.match(frame, /reporting/v);
		} finally {
			app.cleanup();
		}
	});

	test('a failing target shows its error, and its last data stays on screen marked stale', async () => {
		let fail = false;
		const app = renderApp([
			livy([run('0')], {
				async listRuns() {
					if (fail) {
						throw new ProviderError({
							kind: 'http',
							provider: 'livy',
							operation: 'listSessions',
							status: 503,
							message: 'Service Unavailable',
						});
					}

					return [run('0')];
				},
			}),
		]);
		try {
			await waitForFrame(app.lastFrame, text => text.includes('session-0'));
			fail = true;
			app.store.refresh('runs:livy');
			const frame = await waitForFrame(
				app.lastFrame,
				text => text.includes('STALE') && text.includes('✖'),
			);
			assert.match(frame, /retry in \d+s/v);
			assert.match(frame, /session-0/v);
			assert.match(frame, /livy: stale, livy listSessions: HTTP 503/v);
			assert.match(frame, /✖ livy listSessions: HTTP 503/v);
		} finally {
			app.cleanup();
		}
	});
});
