import assert from 'node:assert/strict';
import {test} from 'node:test';
import {mapEmrJobRunDetail} from '../source/providers/emr-serverless/emr-mapping.js';
import type {Provider} from '../source/providers/provider.js';
import type {Session} from '../source/model/types.js';
import {detailScreen} from '../source/ui/panes/detail-pane.js';
import {detailLines, fieldRows} from '../source/ui/render/detail-lines.js';
import {sessionRun} from './helpers/fixtures.js';
import {press, renderApp, waitForFrame} from './helpers/render-app.js';

const text = (line: ReadonlyArray<{text: string}>) =>
	line.map(part => part.text).join('');

test('each fact once: an error the state reason and the run repeat shows only under Errors', () => {
	const detail = mapEmrJobRunDetail('emr', {
		jobRunId: 'jr-1',
		name: 'broken',
		state: 'Failed',
		stateChangeReason: {
			code: 'ERR-300001',
			message: 'spark.executor.memory must be at least 1g',
		},
	});
	const lines = detailLines(detail, detail, {now: Date.now(), zone: 'utc'}).map(
		row => text(row.line),
	);
	assert.equal(
		lines.filter(line => line.includes('spark.executor.memory must be')).length,
		1,
		lines.join('\n'),
	);
	assert.ok(lines.includes('Errors'));
});

test("a running job run's placeholder reason (code 0) is left out", () => {
	const detail = mapEmrJobRunDetail('emr', {
		jobRunId: 'jr-2',
		state: 'Running',
		stateChangeReason: {code: '0', message: ''},
	});
	assert.ok(!detail.fields.some(([label]) => label === 'State reason'));
});

test('a label never runs into its value, however long', () => {
	const [row] = fieldRows([['Executor driver (driver)', 'Dead']], 24);
	assert.equal(text(row!.line), 'Executor driver (driver)  Dead');
	const [cut] = fieldRows([['a label far longer than any column', 'v']], 12);
	assert.equal(text(cut!.line), 'a label far…  v');
	assert.equal(cut!.copy, 'v');
});

test('Detail wraps a long value in full, or cuts it and scrolls sideways; the cursor row is inverted', () => {
	const url = `https://web.azuresynapse.net/sparkui/${'x'.repeat(60)}/spark-history`;
	const rows = fieldRows([
		['Id', '7'],
		['sparkUiUrl', url],
	]);
	const wrapped = detailScreen(rows, {
		width: 40,
		wrap: true,
		sideways: 0,
		cursor: 1,
	});
	assert.deepEqual(wrapped.starts, [0, 1]);
	assert.equal(
		wrapped.lines
			.slice(1)
			.map(line => text(line))
			.join(''),
		`sparkUiUrl  ${url}`,
		'nothing of the value is lost',
	);
	assert.ok(wrapped.lines.every(line => text(line).length <= 40));
	assert.equal(wrapped.lines[1]![0]!.inverse, true);
	const cut = detailScreen(rows, {
		width: 40,
		wrap: false,
		sideways: 16,
		cursor: -1,
	});
	assert.equal(cut.lines.length, 2);
	assert.equal(text(cut.lines[1]!), `sparkUiUrl  ${url}`.slice(16, 56));
});

test('the executors summary: active and dead, cores, memory, failed tasks, GC, and why the dead died', () => {
	const detail: Session = {
		...sessionRun('0'),
		fields: [],
		timeline: [],
		config: {},
		errors: [],
		logTail: [],
		links: {},
		executors: [
			{
				id: 'driver',
				driver: true,
				active: true,
				cores: 0,
				memoryUsed: 0,
				maxMemory: 1024 ** 3,
				activeTasks: 0,
				completedTasks: 0,
				failedTasks: 0,
			},
			{
				id: '2',
				driver: false,
				active: false,
				cores: 4,
				memoryUsed: 0,
				maxMemory: 1024 ** 3,
				activeTasks: 0,
				completedTasks: 7,
				failedTasks: 3,
				gcTimeMs: 2000,
				taskTimeMs: 10_000,
				removeReason: 'Container killed by YARN for exceeding memory limits',
			},
		],
	};
	const lines = detailLines(detail, detail, {now: Date.now(), zone: 'utc'}).map(
		row => text(row.line),
	);
	const at = lines.indexOf('Executors');
	assert.deepEqual(lines.slice(at + 1, at + 7), [
		'Count            0 active + driver, 1 dead',
		'Cores            0',
		'Memory           0 B used of 1.0 GiB (storage)',
		'Tasks            7 done, 0 running, 3 failed',
		'GC time          2s (20% of 10s task time)',
		'Dead executor 2  Container killed by YARN for exceeding memory limits',
	]);
});

test('y in Detail copies the whole value of the line under the cursor', async () => {
	const url = `https://web.azuresynapse.net/sparkui/${'y'.repeat(80)}`;
	const provider: Provider = {
		id: 'livy',
		kinds: ['session'],
		target: 'livy',
		endpoint: 'http://127.0.0.1:1',
		listRuns: async () => [sessionRun('0', {name: 'etl'})],
		getRun: async run => ({
			...run,
			fields: [['sparkUiUrl', url]],
			timeline: [],
			config: {},
			errors: [],
			logTail: [],
			links: {},
		}),
	};
	const copied: string[] = [];
	const app = renderApp([provider], {
		copy(value) {
			copied.push(value);
		},
	});
	try {
		await waitForFrame(app.lastFrame, frame => frame.includes('sparkUiUrl'));
		await press(app.stdin, '2', 'G', 'y');
		await waitForFrame(app.lastFrame, frame =>
			frame.includes('copied the sparkUiUrl (OSC 52)'),
		);
		await press(app.stdin, 'g', 'j', 'j', 'j', 'j', 'y');
		await waitForFrame(app.lastFrame, frame =>
			frame.includes('copied the Id (OSC 52)'),
		);
		assert.deepEqual(copied, [url, '0']);
	} finally {
		app.cleanup();
	}
});
