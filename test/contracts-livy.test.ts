import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {readErrorBody} from '../source/http/error-body.js';
import {
	mapLivyDetail,
	mapLivyLog,
	mapLivyOutput,
	mapLivyPage,
	mapLivyRun,
	mapLivyState,
	mapLivyStatement,
	mapLivyStatements,
} from '../source/providers/livy/livy-mapping.js';
import {outputLines} from '../source/ui/render/output-lines.js';
import {asArray, asObject} from '../source/model/wire.js';
import {livyRunState} from '../source/providers/livy/livy-states.js';
import {contractFiles, isEnvelope} from './helpers/contracts.js';
import {assertModelInvariants} from './helpers/model-invariants.js';

const files = contractFiles('livy');

/** Routes one recorded exchange to the mapper for its path, as the client would. */
function mapExchange(
	method: string,
	path: string,
	status: number,
	body: unknown,
): unknown {
	if (status >= 400) {
		return readErrorBody(
			typeof body === 'string' ? body : JSON.stringify(body ?? ''),
			body,
		);
	}

	const kind = path.startsWith('/batches') ? 'batch' : 'session';
	if (/^\/(sessions|batches)$/v.test(path)) {
		return method === 'POST'
			? mapLivyRun('t', kind, body)
			: mapLivyPage(body).items.map(item => mapLivyRun('t', kind, item));
	}

	if (/^\/(sessions|batches)\/\d+$/v.test(path)) {
		return method === 'DELETE'
			? readErrorBody(JSON.stringify(body), body)
			: mapLivyDetail('t', kind, body);
	}

	if (path.endsWith('/state')) {
		return mapLivyState(body);
	}

	if (path.endsWith('/log')) {
		return mapLivyLog('t:session:0', body);
	}

	if (path.endsWith('/statements')) {
		return method === 'POST'
			? mapLivyStatement('t:session:0', body)
			: mapLivyStatements('t:session:0', body);
	}

	if (path.endsWith('/cancel')) {
		return readErrorBody(JSON.stringify(body), body);
	}

	if (/\/statements\/\d+$/v.test(path)) {
		return mapLivyStatement('t:session:0', body);
	}

	throw new Error(`no mapper routed for ${method} ${path}`);
}

/** How many model objects an answer holds: one per listed item, else one. */
function expectedObjects(method: string, path: string, body: unknown): number {
	const list = /^\/(?:sessions|batches)$|\/statements$/v.test(path);
	if (method === 'GET' && list) {
		const object = asObject(body);
		return asArray(
			object['sessions'] ?? object['batches'] ?? object['statements'],
		).length;
	}

	return 1;
}

describe('every Livy contract file maps', () => {
	for (const file of files) {
		test(file.name, () => {
			if (isEnvelope(file.json)) {
				const {request, response} = file.json;
				const {method, path} = request;
				if (path === '/version') {
					// Sparktop does not ask for the version; the shape is kept for reference.
					assert.match(
						String(asObject(response.body)['version']),
						/^\d+\.\d+/v,
					);
					return;
				}

				const mapped = mapExchange(
					method,
					path,
					response.status,
					response.body,
				);
				if (
					response.status >= 400 ||
					method === 'DELETE' ||
					path.endsWith('/cancel')
				) {
					assert.ok(
						(mapped as {message?: string}).message,
						'the answer says what happened',
					);
				} else if (path.endsWith('/state')) {
					assert.notEqual(
						livyRunState((mapped as {rawState: string}).rawState),
						'unknown',
					);
				} else {
					assert.equal(
						assertModelInvariants(mapped),
						expectedObjects(method, path, response.body),
					);
				}
			} else {
				const output = mapLivyOutput(file.json);
				assert.ok(output, 'a statement output');
				assert.ok(['ok', 'error'].includes(output.status), output.status);
				const lines = outputLines(output, 80, 50);
				assert.ok(lines.length > 0);
			}
		});
	}
});

function body(name: string): unknown {
	const file = files.find(item => item.name === name);
	assert.ok(file && isEnvelope(file.json), name);
	return file.json.response.body;
}

function bare(name: string): unknown {
	return files.find(item => item.name === name)?.json;
}

describe('Livy mapping', () => {
	test('a full 0.9 session: owner, app id, Spark UI link, resources and log', () => {
		const session = mapLivyDetail(
			'livy',
			'session',
			body('session-get.full.v0.9-shape.json'),
		);
		assert.equal(session.key, 'livy:session:0');
		assert.equal(session.state, 'idle');
		assert.equal(session.owner, 'alice');
		assert.ok(!session.fields.some(([label]) => label === 'Authenticated as'));
		const proxied = mapLivyDetail('livy', 'session', {
			id: 1,
			owner: 'knox',
			proxyUser: 'alice',
			state: 'idle',
		});
		assert.equal(proxied.owner, 'alice');
		assert.ok(
			proxied.fields.some(
				([label, value]) => label === 'Authenticated as' && value === 'knox',
			),
		);
		assert.equal(session.appId, 'application_1700000000000_0001');
		assert.equal(
			session.sparkUiUrl,
			'http://rm-host:8088/proxy/application_1700000000000_0001/',
		);
		assert.deepEqual(session.logTail, [
			'stdout: ',
			'\nstderr: ',
			'\nYARN Diagnostics: ',
		]);
		assert.ok(
			session.fields.some(
				([label, value]) => label === 'Executors' && value === '2',
			),
		);
		// Unset numbers are sent as 0 and must not show as "0".
		assert.ok(
			!session.fields.some(([label]) => label === 'Heartbeat timeout (s)'),
		);
	});

	test('a 0.5 session without name or newer fields', () => {
		const session = mapLivyDetail(
			'livy',
			'session',
			body('session-get.v0.5-shape.json'),
		);
		assert.equal(session.name, undefined);
		assert.notEqual(session.state, 'unknown');
	});

	test('all eleven session states and unknown ones', async () => {
		const {livyRunState} =
			await import('../source/providers/livy/livy-states.js');
		const expected = {
			not_started: 'queued',
			starting: 'starting',
			recovering: 'starting',
			idle: 'idle',
			busy: 'busy',
			running: 'running',
			shutting_down: 'cancelling',
			error: 'failed',
			dead: 'failed',
			killed: 'killed',
			success: 'succeeded',
			'some-new-state': 'unknown',
		};
		for (const [raw, state] of Object.entries(expected)) {
			assert.equal(livyRunState(raw), state, raw);
		}
	});

	test('statements: progress, epoch times, and zero meaning "not yet"', () => {
		const statements = mapLivyStatements(
			'livy:session:0',
			body('statements-list.shape.json'),
		);
		assert.equal(statements.length, 2);
		const [running, done] = statements;
		assert.equal(running?.state, 'running');
		assert.equal(running?.progress, 0.42);
		assert.equal(running?.completedAt, undefined);
		assert.equal(done?.output?.data['text/plain'], '1000000');
		assert.equal(done?.completedAt, 1_700_000_004_567);
	});

	test('error output keeps ename, evalue and the traceback', () => {
		const output = mapLivyOutput(
			bare('statement-output.python-error-exception.test.json'),
		);
		assert.equal(output?.status, 'error');
		assert.ok(output?.errorName);
		assert.ok(output.traceback.length > 0);
		const lines = outputLines(output, 80, 50);
		assert.ok(
			lines[0]!
				.map(part => part.text)
				.join('')
				.includes(output.errorName),
		);
	});

	test('SQL JSON output and %table output render as tables', () => {
		for (const name of [
			'statement-output.sql-json.test.json',
			'statement-output.python-table-magic.test.json',
		]) {
			const text = outputLines(mapLivyOutput(bare(name))!, 80, 50)
				.map(line => line.map(part => part.text).join(''))
				.join('\n');
			assert.match(text, /│/v, name);
		}

		const sql = outputLines(
			mapLivyOutput(bare('statement-output.sql-json.test.json'))!,
			80,
			50,
		).map(line => line.map(part => part.text).join(''));
		assert.match(sql[0]!, /name\s+│ birthday/v);
		assert.match(sql[2]!, /Jerry\s+│ 2019-07-24/v);
	});

	test('error bodies: {msg}, a bare JSON string, and an HTML page', () => {
		assert.equal(
			readErrorBody('', body('error-404.session-not-found.json')).message,
			"Session '7' not found.",
		);
		assert.equal(
			readErrorBody('', body('error-404.statement-not-found.json')).message,
			'Statement not found',
		);
		assert.match(
			readErrorBody(
				'<html><head><title>Error 403 Forbidden</title></head></html>',
				undefined,
			).message ?? '',
			/HTML error page: Error 403 Forbidden/v,
		);
	});

	test('logs keep the server total', () => {
		const log = mapLivyLog('livy:batch:0', body('batch-log.shape.json'));
		assert.equal(log.total, 57);
		assert.equal(log.lines.length, 3);
	});
});
