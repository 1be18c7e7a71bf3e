import assert from 'node:assert/strict';
import {test} from 'node:test';
import {commandHistory} from '../source/ui/command-history.js';

test('↑ and ↓ walk the commands run, newest first, as a shell’s history; blank ones are not kept', () => {
	const history = commandHistory();
	assert.equal(history.step(-1), '', 'nothing run yet');
	history.record('sort age');
	history.record('   ');
	history.record('filter failed');
	assert.equal(history.step(-1), 'filter failed');
	assert.equal(history.step(-1), 'sort age');
	assert.equal(history.step(-1), 'sort age', 'the oldest stays');
	assert.equal(history.step(1), 'filter failed');
	assert.equal(history.step(1), '', 'past the newest: an empty line');
	assert.equal(history.step(1), '');
	history.record('jump 42');
	assert.equal(
		history.step(-1),
		'jump 42',
		'a command run goes back to the end',
	);
});

test('the newest hundred are kept, and ↑ after them still starts at the newest', () => {
	const history = commandHistory();
	for (let index = 0; index < 150; index++) {
		history.record(`jump ${index}`);
	}

	assert.equal(history.step(-1), 'jump 149');
	assert.equal(history.step(-1000), 'jump 50');
});
