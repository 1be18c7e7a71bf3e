import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {runOnce} from '../source/cli/run-once.js';
import type {Provider} from '../source/providers/provider.js';
import {sessionRun} from './helpers/fixtures.js';

test('--once tables line up by terminal cells, CJK names included', async () => {
	const provider: Provider = {
		id: 'livy',
		kinds: ['session', 'batch'],
		target: 'livy',
		endpoint: 'http://127.0.0.1:1',
		listRuns: async () => [
			sessionRun('1', {name: '日次集計ジョブ', owner: 'alice'}),
			sessionRun('2', {name: 'nightly', owner: 'bob'}),
		],
	};
	let output = '';
	await runOnce({
		command: 'runs',
		json: false,
		zone: 'utc',
		providers: [provider],
		now: Date.now(),
		write(text) {
			output += text;
		},
		warn() {
			assert.fail('no target fails here');
		},
	});
	const lines = output.trimEnd().split('\n');
	const ownerColumn = (line: string) =>
		stringWidth(line.slice(0, line.search(/alice|bob|OWNER/v)));
	assert.equal(lines.length, 3);
	assert.equal(new Set(lines.map(line => ownerColumn(line))).size, 1, output);
});

test('runs --once lists newest first, all targets together, whatever order each provider listed them in', async () => {
	const at = (minutes: number) => Date.UTC(2026, 11, 4, 9, minutes);
	const provider = (target: string, runs: Provider['listRuns']): Provider => ({
		id: 'livy',
		kinds: ['session', 'batch'],
		target,
		endpoint: 'http://127.0.0.1:1',
		listRuns: runs,
	});
	let output = '';
	await runOnce({
		command: 'runs',
		json: true,
		zone: 'utc',
		providers: [
			provider('old-first', async () => [
				sessionRun('1', {target: 'old-first', submittedAt: at(1)}),
				sessionRun('2', {target: 'old-first', submittedAt: at(3)}),
			]),
			provider('new-first', async () => [
				sessionRun('9', {target: 'new-first', submittedAt: at(4)}),
				sessionRun('8', {target: 'new-first', submittedAt: at(2)}),
			]),
		],
		now: at(5),
		write(text) {
			output += text;
		},
		warn() {
			assert.fail('no target fails here');
		},
	});
	const {runs} = JSON.parse(output) as {runs: Array<{id: string}>};
	assert.deepEqual(
		runs.map(run => run.id),
		['9', '2', '8', '1'],
	);
});
