import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import process from 'node:process';
import {test} from 'node:test';

test("the monitor's V8 settings are ones this Node knows: setting them prints nothing", () => {
	const tuning = new URL('../source/cli/v8-tuning.js', import.meta.url).href;
	const result = spawnSync(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			`const {tuneV8ForAMonitor} = await import(${JSON.stringify(tuning)}); tuneV8ForAMonitor();`,
		],
		{encoding: 'utf8'},
	);
	assert.equal(result.status, 0);
	assert.equal(result.stderr, '');
	// A flag this Node does not know is reported on stderr, as the check above relies on.
	const unknown = spawnSync(
		process.execPath,
		['-e', "require('node:v8').setFlagsFromString('--no-such-flag-at-all')"],
		{encoding: 'utf8'},
	);
	assert.match(unknown.stderr, /unrecognized flag/v);
});
