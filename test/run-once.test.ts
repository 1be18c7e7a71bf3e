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
