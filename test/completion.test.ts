import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {runCli} from './helpers/spawn-cli.js';
import {configFile, tempFolder} from './helpers/temp-files.js';

test("completion bash completes commands, flags, providers, filters and the config file's profiles; other shells get theirs; an unknown shell is refused", async t => {
	const config = configFile(t, {
		profiles: {
			'prod-livy': {provider: 'livy', endpoint: 'http://127.0.0.1:1'},
			"it's-odd": {provider: 'spark', endpoint: 'http://127.0.0.1:1'},
		},
	});
	const generated = await runCli(['completion', 'bash', '--config', config]);
	assert.equal(generated.code, 0, generated.stderr);
	const script = path.join(tempFolder(t), 'sparktop.bash');
	writeFileSync(script, generated.stdout);
	const complete = (...words: string[]) => {
		const result = spawnSync(
			'bash',
			[
				'-c',
				`source "$0"; COMP_WORDS=(sparktop "$@"); COMP_CWORD=$#; _sparktop; printf '%s\\n' "\${COMPREPLY[@]}"`,
				script,
				...words,
			],
			{encoding: 'utf8'},
		);
		assert.equal(result.status, 0, result.stderr);
		return result.stdout.split('\n').filter(Boolean);
	};

	assert.deepEqual(complete('pro'), ['progress']);
	assert.deepEqual(complete('--max'), ['--max-runs']);
	assert.ok(complete('--no').includes('--no-color'));
	assert.deepEqual(complete('--provider', 'emr'), ['emr-serverless']);
	// Quoted for the command line, as bash inserts it.
	assert.deepEqual(complete('--profile', 'it'), [String.raw`it\'s-odd`]);
	assert.deepEqual(complete('--profile', 'p'), ['prod-livy']);
	assert.deepEqual(complete('--filter', 'job-s'), ['job-status=']);
	assert.deepEqual(complete('completion', 'f'), ['fish']);

	const fish = await runCli(['completion', 'fish', '--config', config]);
	assert.equal(fish.code, 0, fish.stderr);
	assert.match(
		fish.stdout,
		/^complete -c sparktop -l provider -x -a 'livy spark/mv,
	);
	const zsh = await runCli(['completion', 'zsh', '--config', config]);
	assert.equal(zsh.code, 0, zsh.stderr);
	assert.match(zsh.stdout, /bashcompinit/v);
	assert.match(zsh.stdout, /complete -F _sparktop sparktop/v);

	const refused = await runCli(['completion', 'tcsh']);
	assert.equal(refused.code, 2);
	assert.match(
		refused.stderr,
		/completion takes one of bash, zsh, fish, not "tcsh"/v,
	);
});
