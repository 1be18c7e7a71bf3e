import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ProviderError} from '../source/http/provider-error.js';
import type {Run, Statement} from '../source/model/types.js';
import type {Provider} from '../source/providers/provider.js';
import {sessionRun} from './helpers/fixtures.js';
import {settle} from './helpers/fake-clock.js';
import {press, renderApp, waitForFrame} from './helpers/render-app.js';

const statement = (id: string, state: Statement['state']): Statement => ({
	id,
	sessionKey: 'livy:session:0',
	code: `step ${id}`,
	state,
	rawState: state,
});

/** A provider that records the actions asked of it. */
function recorder(runs: Run[], fail = false) {
	const calls: string[] = [];
	const provider: Provider = {
		id: 'livy',
		kinds: ['session', 'batch'],
		target: 'livy',
		endpoint: 'http://127.0.0.1:1',
		listRuns: async () => runs,
		listStatements: async () => [
			statement('0', 'available'),
			statement('1', 'running'),
		],
		async cancelRun(run) {
			calls.push(`run ${run.id}`);
		},
		async cancelStatement(run, chosen) {
			if (fail) {
				throw new ProviderError({
					kind: 'http',
					provider: 'livy',
					operation: 'cancelStatement',
					status: 403,
					message: 'access denied',
				});
			}

			calls.push(`statement ${run.id}/${chosen.id}`);
		},
	};
	return {provider, calls};
}

const busy = sessionRun('0', {name: 'etl', state: 'busy', rawState: 'busy'});

describe('cancel actions', () => {
	test('read-only by default: c says how to allow it and does nothing', async () => {
		const {provider, calls} = recorder([busy]);
		const app = renderApp([provider]);
		try {
			await waitForFrame(app.lastFrame, text => text.includes('etl'));
			await press(app.stdin, 'c');
			await waitForFrame(app.lastFrame, text =>
				text.includes('read-only: start sparktop with --write to cancel'),
			);
			await press(app.stdin, 'y');
			assert.deepEqual(calls, []);
		} finally {
			app.cleanup();
		}
	});

	test('with --write, c asks first; any key but y keeps the statement running', async () => {
		const {provider, calls} = recorder([busy]);
		const app = renderApp([provider], {write: true, questionReadyMs: 0});
		try {
			await waitForFrame(app.lastFrame, text => text.includes('c:cancel'));
			// Statements pane; newest first, so the running statement #1 is selected.
			await press(app.stdin, '3');
			await waitForFrame(app.lastFrame, text => text.includes('step 1'));
			await press(app.stdin, 'c');
			await waitForFrame(app.lastFrame, text =>
				text.includes(
					'cancel statement #1 of session 0 (etl) on livy? y to confirm, any other key keeps it',
				),
			);
			await press(app.stdin, 'n');
			await waitForFrame(app.lastFrame, text =>
				text.includes('kept: did not cancel statement #1'),
			);
			assert.deepEqual(calls, []);
			// A paste (or keys faster than a frame) holding "cy" asks, but never answers itself.
			await press(app.stdin, 'cy');
			await waitForFrame(app.lastFrame, text =>
				text.includes('cancel statement #1 of session 0 (etl) on livy? y'),
			);
			assert.deepEqual(calls, []);
			// Only y confirms; Y (the copy-link key) keeps things as they are.
			await press(app.stdin, 'Y');
			await waitForFrame(app.lastFrame, text =>
				text.includes('kept: did not cancel statement #1'),
			);
			assert.deepEqual(calls, []);
			// A y already queued behind the c, before the question was drawn, does not answer it.
			app.stdin.write('c');
			app.stdin.write('y');
			await waitForFrame(app.lastFrame, text =>
				text.includes('on livy? y to confirm'),
			);
			await settle();
			assert.deepEqual(calls, []);
			await press(app.stdin, 'y');
			await waitForFrame(app.lastFrame, text =>
				text.includes(
					'✔ cancel statement #1 of session 0 (etl) on livy: requested',
				),
			);
			assert.deepEqual(calls, ['statement 0/1']);
		} finally {
			app.cleanup();
		}
	});

	test('a finished statement or run is not offered; the run is cancelled from the Runs pane', async () => {
		const done = sessionRun('1', {
			name: 'old',
			state: 'failed',
			rawState: 'dead',
		});
		const {provider, calls} = recorder([busy, done]);
		const app = renderApp([provider], {write: true, questionReadyMs: 0});
		try {
			await waitForFrame(app.lastFrame, text => text.includes('old'));
			// Work in flight heads the list; the dead session 1 (no time: not a recent failure) is last.
			await press(app.stdin, 'G', 'c');
			await waitForFrame(app.lastFrame, text =>
				text.includes('session 1 has already ended (dead)'),
			);
			await press(app.stdin, 'g', 'c');
			await waitForFrame(app.lastFrame, text =>
				text.includes('cancel session 0 (etl) on livy? y to confirm'),
			);
			await press(app.stdin, 'y');
			await waitForFrame(app.lastFrame, text =>
				text.includes('✔ cancel session 0'),
			);
			assert.deepEqual(calls, ['run 0']);
			await press(app.stdin, '3', 'j', 'c');
			await waitForFrame(app.lastFrame, text =>
				text.includes('statement #0 has already finished (available)'),
			);
		} finally {
			app.cleanup();
		}
	});

	test("a refused cancel says why, with the provider's message", async () => {
		const {provider} = recorder([busy], true);
		const app = renderApp([provider], {write: true, questionReadyMs: 0});
		try {
			await waitForFrame(app.lastFrame, text => text.includes('etl'));
			await press(app.stdin, '3');
			await waitForFrame(app.lastFrame, text => text.includes('step 1'));
			await press(app.stdin, 'c', 'y');
			await waitForFrame(app.lastFrame, text =>
				text.includes(
					'✖ cancel statement #1 of session 0 (etl) on livy failed: livy cancelStatement: HTTP 403',
				),
			);
		} finally {
			app.cleanup();
		}
	});
});

describe('the : command line', () => {
	test(':statement ID watches a statement on the selected session; unknown commands say what works', async () => {
		const watched: string[] = [];
		const session = {...busy, target: 'emr', key: 'emr:session:0'};
		const provider: Provider = {
			id: 'emr-serverless',
			kinds: ['batch', 'session'],
			target: 'emr',
			endpoint: 'http://127.0.0.1:1',
			listRuns: async () => [session],
			listStatements: async () => watched.map(id => statement(id, 'running')),
			watchStatement(run, id) {
				watched.push(`${run.id}/${id}`);
			},
		};
		const app = renderApp([provider]);
		try {
			await waitForFrame(app.lastFrame, text =>
				text.includes(':statement ID watches one'),
			);
			await press(app.stdin, ':', 's', 't', ' ', 'x');
			await waitForFrame(app.lastFrame, text => text.includes(':st x█'));
			await press(app.stdin, '\u007F');
			await press(app.stdin, 'st-42', '\r');
			await waitForFrame(app.lastFrame, text =>
				text.includes('watching statement st-42 on session 0'),
			);
			assert.deepEqual(watched, ['0/st-42']);
			await waitForFrame(app.lastFrame, text => text.includes('#0/st-42'));
			await press(app.stdin, ':', 'bogus', '\r');
			await waitForFrame(app.lastFrame, text =>
				text.includes('unknown command "bogus"; :help lists them'),
			);
		} finally {
			app.cleanup();
		}
	});
});

describe('copying with OSC 52', () => {
	test("y copies the run id, or the selected statement's code; Y the Spark UI link", async () => {
		const copied: string[] = [];
		const {provider} = recorder([
			{...busy, sparkUiUrl: 'http://rm:8088/proxy/application_1/'},
		]);
		const app = renderApp([provider], {
			copy(text) {
				copied.push(text);
			},
		});
		try {
			await waitForFrame(app.lastFrame, text => text.includes('etl'));
			await press(app.stdin, 'y');
			await waitForFrame(app.lastFrame, text =>
				text.includes('copied the id of session 0 (OSC 52)'),
			);
			await press(app.stdin, 'Y');
			await waitForFrame(app.lastFrame, text =>
				text.includes('copied the Spark UI link (OSC 52)'),
			);
			await press(app.stdin, '3');
			await waitForFrame(app.lastFrame, text => text.includes('step 1'));
			await press(app.stdin, 'y');
			await waitForFrame(app.lastFrame, text =>
				text.includes('copied the code of statement #1'),
			);
			assert.deepEqual(copied, [
				'0',
				'http://rm:8088/proxy/application_1/',
				'step 1',
			]);
		} finally {
			app.cleanup();
		}
	});
});
