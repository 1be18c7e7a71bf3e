import assert from 'node:assert/strict';
import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {saveLog, logFileName} from '../source/cli/save-log.js';
import {looksLikeTrouble} from '../source/model/log-search.js';
import {logStreams, splitLivyLog} from '../source/model/log-streams.js';
import {mapLivyLog} from '../source/providers/livy/livy-mapping.js';
import {
	followLog,
	type LogAction,
	type LogState,
	type LogView,
	navigateLog,
	openLog,
} from '../source/ui/log-view.js';
import {initialNavigation, navigate} from '../source/ui/navigation.js';
import {logScreen} from '../source/ui/render/log-lines.js';
import {contractsRoot} from './helpers/contracts.js';
import {tempFolder} from './helpers/temp-files.js';

const livyLog = [
	'stdout: ',
	'hello from the job',
	'\nstderr: ',
	'INFO SparkContext: Running Spark version 3.5.1',
	'ERROR Executor: Exception in task 0.0',
	'\nYARN Diagnostics: ',
	'Application killed by user',
];

test("Livy's log splits into stdout, stderr and YARN diagnostics", () => {
	assert.deepEqual(splitLivyLog(livyLog), [
		{name: 'stdout', lines: ['hello from the job']},
		{
			name: 'stderr',
			lines: [
				'INFO SparkContext: Running Spark version 3.5.1',
				'ERROR Executor: Exception in task 0.0',
			],
		},
		{name: 'YARN diagnostics', lines: ['Application killed by user']},
	]);
	// A tail that starts inside stderr: its first lines belong to the part before the first marker.
	assert.deepEqual(splitLivyLog(livyLog.slice(4)), [
		{name: 'stderr', lines: ['ERROR Executor: Exception in task 0.0']},
		{name: 'YARN diagnostics', lines: ['Application killed by user']},
	]);
	assert.deepEqual(splitLivyLog(['just', 'lines']), [
		{name: 'log', lines: ['just', 'lines']},
	]);
});

test("the Livy contract's log maps to its streams; a provider's own split wins", () => {
	const contract = JSON.parse(
		readFileSync(
			path.join(contractsRoot, 'livy', 'batch-log.shape.json'),
			'utf8',
		),
	) as {response: {body: unknown}};
	const tail = mapLivyLog('livy:batch:0', contract.response.body);
	const streams = logStreams(tail);
	assert.deepEqual(
		streams.map(stream => [stream.name, stream.lines.length]),
		[['stdout', 2]],
	);
	assert.deepEqual(
		logStreams({
			runKey: 'k',
			lines: ['── driver stdout ──', 'a'],
			streams: [{name: 'driver stdout', lines: ['a']}],
		}).map(stream => stream.name),
		['driver stdout'],
	);
	assert.deepEqual(logStreams(undefined, []), []);
});

test('trouble lines: errors, exceptions, tracebacks, causes and stack frames, not every mention of "error"', () => {
	for (const line of [
		'24/01/01 00:00:01 ERROR Executor: task failed',
		'java.lang.IllegalStateException: input is empty',
		'Traceback (most recent call last):',
		'Caused by: java.io.FileNotFoundException: x',
		'\tat org.apache.spark.rdd.RDD.compute(RDD.scala:364)',
		'FATAL ApplicationMaster: out of memory',
		'py4j.protocol.Py4JJavaError: An error occurred',
	]) {
		assert.ok(looksLikeTrouble(line), line);
	}

	for (const line of [
		'INFO DAGScheduler: job 3 finished',
		'errors=0 warnings=2',
		'WARN NativeCodeLoader: Unable to load native-hadoop library',
	]) {
		assert.ok(!looksLikeTrouble(line), line);
	}
});

const lines = Array.from({length: 30}, (_, index) =>
	index === 7
		? 'ERROR Executor: Exception in task 7'
		: index === 21
			? 'Caused by: java.io.IOException: disk full'
			: `INFO line ${index}`,
);
const view: LogView = {streams: 3, lines, pageSize: 10};
function act(state: LogState, ...actions: LogAction[]): LogState {
	let current = state;
	for (const action of actions) {
		current = navigateLog(current, action, view);
	}

	return current;
}

test('the log opens following its tail, stops when scrolled up, and G follows again', () => {
	let state = navigate(initialNavigation, {type: 'toggle', what: 'log'});
	assert.equal(state.log?.top, followLog);
	const withLog = {...state};
	state = navigate(
		withLog,
		{type: 'move', delta: -1},
		{
			runKeys: [],
			statementIds: [],
			pageSize: 5,
			columns: [],
			log: view,
		},
	);
	assert.equal(state.log?.top, 19, 'one line above the last page');
	state = navigate(
		state,
		{type: 'moveTo', end: 'last'},
		{
			runKeys: [],
			statementIds: [],
			pageSize: 5,
			columns: [],
			log: view,
		},
	);
	assert.equal(state.log?.top, followLog);
	// One Esc leaves the log, even with a pane zoomed behind it.
	state = navigate({...state, zoom: true}, {type: 'back'});
	assert.equal(state.log, undefined);
	assert.equal(state.zoom, true);
});

test('search: typed, kept with Enter, n and N go round the matches; e and E jump to trouble', () => {
	let state = act(
		openLog,
		{type: 'searchStart'},
		{type: 'searchInput', text: 'x'},
		{type: 'searchErase'},
		{type: 'searchInput', text: '5'},
	);
	assert.equal(state.search, '5');
	assert.equal(state.searching, true);
	state = act(state, {type: 'searchDone'});
	assert.equal(state.searching, false);
	// Following, the view's top is line 20: the first match from there.
	assert.equal(state.cursor, 25);
	assert.equal(state.top, 23, 'the match shows with two lines above it');
	state = act(state, {type: 'find', what: 'match', direction: 1});
	assert.equal(state.cursor, 5, 'wraps round to the first match');
	state = act(state, {type: 'find', what: 'match', direction: 1});
	assert.equal(state.cursor, 15);
	state = act(state, {type: 'find', what: 'match', direction: -1});
	assert.equal(state.cursor, 5);
	state = act(state, {type: 'find', what: 'match', direction: -1});
	assert.equal(state.cursor, 25, 'and round backwards');

	state = act(state, {type: 'find', what: 'trouble', direction: 1});
	assert.equal(state.cursor, 7);
	state = act(state, {type: 'find', what: 'trouble', direction: 1});
	assert.equal(state.cursor, 21);
	state = act(state, {type: 'find', what: 'trouble', direction: -1});
	assert.equal(state.cursor, 7);

	state = act(state, {type: 'searchClear'});
	assert.deepEqual([state.search, state.cursor], ['', undefined]);
});

test('another stream starts following, keeping wrap and the search', () => {
	const state = act(
		{...openLog, wrap: true, search: 'x', top: 3},
		{type: 'stream', step: -1},
	);
	assert.deepEqual(
		[state.stream, state.top, state.wrap, state.search],
		[2, followLog, true, 'x'],
	);
	assert.equal(act(state, {type: 'stream', step: 1}).stream, 0);
});

test('the log screen: the tail when following, wrapped or cut sideways, matches inverted, escapes gone', () => {
	const long = `${'x'.repeat(50)}\u001B[31mRED\u001B[0m needle`;
	const following = logScreen(['a', 'b', long], openLog, 22, 4);
	assert.deepEqual(
		following.rows.map(row => row.map(part => part.text).join('')),
		['  a', '  b', `  ${'x'.repeat(20)}`],
	);
	assert.deepEqual([following.first, following.last], [1, 3]);

	const wrapped = logScreen(
		['a', long],
		{...openLog, wrap: true, search: 'NEEDLE'},
		22,
		10,
	);
	const text = wrapped.rows.map(row => row.map(part => part.text).join(''));
	assert.ok(!text.join('').includes('\u001B'), 'no escape reaches the screen');
	const shown = `${'x'.repeat(50)}^[[31mRED^[[0m needle`;
	assert.deepEqual(text, [
		'  a',
		`  ${shown.slice(0, 20)}`,
		`  ${shown.slice(20, 40)}`,
		`  ${shown.slice(40, 60)}`,
		`  ${shown.slice(60)}`,
	]);
	assert.equal(wrapped.matches, 1);
	const match = wrapped.rows.flat().find(part => part.inverse);
	assert.equal(match?.text, 'needle');

	const sideways = logScreen([long], {...openLog, top: 0, sideways: 45}, 22, 3);
	assert.equal(
		sideways.rows[0]?.map(part => part.text).join(''),
		`  ${shown.slice(45, 65)}`,
	);
});

test('a saved log is a new file of its own, redacted and without escapes; it never overwrites one', async t => {
	const folder = tempFolder(t);
	const other = tempFolder(t);
	const at = new Date('2026-12-02T13:15:02Z');
	assert.equal(
		logFileName('livy-batch-7-YARN diagnostics', at),
		'sparktop-livy-batch-7-YARN-diagnostics-20261202-131502.log',
	);
	const log = {
		name: 'livy-batch-7-stderr',
		lines: [
			'\u001B[31mERROR\u001B[0m boom',
			'Authorization: Bearer abcdef123456',
		],
	};
	const file = await saveLog(log, [folder, other], at);
	assert.equal(path.dirname(file), folder);
	assert.equal(
		readFileSync(file, 'utf8'),
		'^[[31mERROR^[[0m boom\nAuthorization: Bearer [redacted]\n',
	);
	assert.equal(statSync(file).mode.toString(8).slice(-3), '600');
	const second = await saveLog(log, [folder, other], at);
	assert.equal(
		path.dirname(second),
		other,
		'the same name again goes elsewhere',
	);
	await assert.rejects(saveLog(log, [folder, other], at));
});
