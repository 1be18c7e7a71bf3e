import {Buffer} from 'node:buffer';
import process from 'node:process';
import assert from 'node:assert/strict';
import {readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, type TestContext, test} from 'node:test';
import type {Run} from '../source/model/types.js';
import {
	CachedToken,
	commandTokenSource,
} from '../source/providers/auth/bearer-token.js';
import {createSynapseClient} from '../source/providers/synapse/synapse-client.js';
import {createSynapseProvider} from '../source/providers/synapse/synapse-provider.js';
import {json} from '../source/simulators/sim-server.js';
import {
	synapseTestPool,
	synapseTestToken,
} from '../source/simulators/synapse/synapse-simulator.js';
import {expectProviderError} from './helpers/fixtures.js';
import {scenario, signal} from './helpers/simulators.js';

const tokenCommand = String.raw`printf '%s\n' '${synapseTestToken}'`;

/** A Synapse simulator of the test's own, and providers of it. */
async function synapseScenario(t: TestContext, atSeconds = 0) {
	const {clock, server: synapse} = await scenario(t, {
		only: 'synapse',
		atSeconds,
	});
	const provider = (
		options: {tokenCommand?: string; apiVersion?: string} = {},
	) =>
		createSynapseProvider({
			target: 'syn',
			endpoint: synapse.url,
			pool: synapseTestPool,
			apiVersion: options.apiVersion,
			tokenSource: commandTokenSource({
				command: options.tokenCommand ?? tokenCommand,
				origin: '--token-command',
			}),
		});
	const runsByKey = async (): Promise<Map<string, Run>> => {
		const runs = await provider().listRuns!(signal());
		return new Map(runs.map(run => [run.key, run]));
	};

	/** The Livy-shaped client itself, to see the requests a list or an action sends. */
	const directClient = () =>
		createSynapseClient({
			endpoint: synapse.url,
			pool: synapseTestPool,
			token: new CachedToken(
				commandTokenSource({command: tokenCommand, origin: '--token-command'}),
				'synapse',
			),
		});

	return {clock, synapse, provider, runsByKey, directClient};
}

describe('Synapse provider against the Synapse simulator over HTTP', () => {
	test('sessions queue, get scheduled, start and time out; the detail has all three clocks', async t => {
		const {clock, provider, runsByKey} = await synapseScenario(t);
		const start = await runsByKey();
		assert.equal(start.get('syn:session:2')?.state, 'queued');
		const queued = await provider().getRun!(
			start.get('syn:session:2')!,
			signal(),
		);
		assert.deepEqual(
			queued.timeline
				.filter(phase => phase.current)
				.map(phase => [phase.group, phase.name]),
			[
				['Livy', 'not_started'],
				['Scheduler', 'Queued'],
				['Plugin', 'Preparation'],
			],
		);
		clock.advance(12_000);
		const running = await runsByKey();
		assert.equal(running.get('syn:session:0')?.state, 'busy');
		assert.equal(running.get('syn:session:0')?.owner, 'alice@contoso.com');
		assert.equal(running.get('syn:session:0')?.queue, synapseTestPool);
		assert.equal(running.get('syn:session:2')?.state, 'queued');
		clock.advance(45_000);
		const later = await runsByKey();
		const timedOut = later.get('syn:session:1')!;
		assert.equal(timedOut.state, 'failed');
		assert.match(timedOut.errorMessage ?? '', /^LIVY_JOB_TIMED_OUT: /v);
		assert.equal(later.get('syn:session:2')?.state, 'starting');
		const detail = await provider().getRun!(timedOut, signal());
		assert.equal(new Map(detail.fields).get('isSessionTimedOut'), 'true');
		assert.equal(detail.errors[0]?.source, 'User');
		assert.ok(detail.endedAt !== undefined);
		assert.ok(
			detail.timeline.some(
				phase => phase.group === 'Plugin' && phase.name === 'Cleanup',
			),
		);
	});

	test('lists page by 20 with detailed=true until a short page, whatever total says', async t => {
		const {synapse, directClient} = await synapseScenario(t, 57);
		const client = directClient();
		const before = synapse.requests.length;
		const batches = (await client.listBatches(signal())).items;
		const pages = synapse.requests.slice(before);
		assert.ok(batches.length > 40, `${batches.length} batches`);
		assert.equal(pages.length, Math.floor(batches.length / 20) + 1);
		for (const [index, request] of pages.entries()) {
			assert.equal(
				request.path,
				`/livyApi/versions/2019-11-01-preview/sparkPools/${synapseTestPool}/batches`,
			);
			assert.equal(request.query.get('from'), String(index * 20));
			assert.equal(request.query.get('size'), '20');
			assert.equal(request.query.get('detailed'), 'true');
			assert.equal(request.headers.authorization, `Bearer ${synapseTestToken}`);
		}

		const ids = batches.map(batch => (batch as {id: number}).id);
		assert.equal(new Set(ids).size, ids.length, 'no batch twice');
	});

	test('--api-version 2020-12-01 goes into the path', async t => {
		const {synapse, provider} = await synapseScenario(t, 57);
		const before = synapse.requests.length;
		await provider({apiVersion: '2020-12-01'}).listRuns!(signal());
		assert.ok(
			synapse.requests
				.slice(before)
				.every(request =>
					request.path.startsWith('/livyApi/versions/2020-12-01/'),
				),
		);
	});

	test('statements: ok text, a JSON table, an error with traceback, sourceId kept', async t => {
		const {provider, runsByKey, directClient} = await synapseScenario(t, 57);
		const session = (await runsByKey()).get('syn:session:0')!;
		const statements = await provider().listStatements!(session, signal());
		const available = statements.filter(
			statement => statement.state === 'available',
		);
		assert.ok(available.length >= 3);
		assert.equal(available[0]?.output?.data['text/plain'], '1000000');
		assert.ok(available[1]?.output?.data['application/json']);
		assert.equal(available[2]?.output?.status, 'error');
		assert.equal(available[2]?.output?.errorName, 'AnalysisException');
		assert.ok((available[2]?.output?.traceback.length ?? 0) > 2);
		assert.deepEqual(statements[0]?.fields, [['Source', 'default']]);
		const client = directClient();
		const one = await client.getStatement('0', '0', signal());
		assert.equal((one as {state: string}).state, 'available');
	});

	test('cancelling a running statement, then the session', async t => {
		const {clock, synapse, provider, runsByKey} = await synapseScenario(t, 37);
		const synapseProvider = provider();
		// Statements of session 3 start at 30 and 31 s and run for 8 s.
		const session = (await runsByKey()).get('syn:session:3')!;
		const statements = await synapseProvider.listStatements!(session, signal());
		const running = statements.find(statement => statement.state === 'running');
		assert.ok(running, JSON.stringify(statements.map(item => item.state)));
		await synapseProvider.cancelStatement!(session, running, signal());
		const cancelRequest = synapse.requests.at(-1)!;
		assert.equal(cancelRequest.method, 'POST');
		assert.match(
			cancelRequest.path,
			/\/sessions\/3\/statements\/\d+\/cancel$/v,
		);
		const after = await synapseProvider.listStatements!(session, signal());
		assert.equal(
			after.find(item => item.id === running.id)?.state,
			'cancelled',
		);

		await synapseProvider.cancelRun!(session, signal());
		assert.equal(synapse.requests.at(-1)?.method, 'DELETE');
		clock.advance(2000);
		const killed = (await runsByKey()).get('syn:session:3')!;
		assert.equal(killed.rawState, 'killed');
		assert.equal(killed.state, 'cancelled');
		const error = await expectProviderError(
			synapseProvider.listStatements!(killed, signal()),
		);
		assert.equal(error.status, 400);
		assert.match(error.message, /is not running/v);
		assert.match(error.requestId ?? '', /^[\da-f\-]{36}$/v);
		clock.advance(18_000);
	});

	test('a wrong token is refused with a message naming the identity, never the token', async t => {
		const {provider} = await synapseScenario(t, 57);
		const counter = path.join(tmpdir(), `sparktop-token-${process.pid}`);
		rmSync(counter, {force: true});
		const wrong = `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({upn: 'mallory@contoso.com'})).toString('base64url')}.sig`;
		const refused = provider({
			tokenCommand: `echo x >> ${counter}; echo ${wrong}`,
		});
		const error = await expectProviderError(refused.listRuns!(signal()));
		assert.equal(error.status, 401);
		assert.match(
			error.message,
			/token was refused \(user mallory@contoso\.com, token from the command of --token-command\)/v,
		);
		assert.ok(!error.summary().includes(wrong));
		// A refused token is not reused: the command runs again for the next request.
		await expectProviderError(refused.listRuns!(signal()));
		assert.ok(
			readFileSync(counter, 'utf8').split('\n').filter(Boolean).length >= 2,
		);
		rmSync(counter, {force: true});
	});

	test('a failing token command is an auth error that says how it failed, not what it printed', async t => {
		const {provider} = await synapseScenario(t, 57);
		const error = await expectProviderError(
			provider({tokenCommand: 'echo secret-ish; exit 3'}).listRuns!(signal()),
		);
		assert.equal(error.kind, 'auth');
		assert.equal(
			error.message,
			'no credentials from the command of --token-command: exited with status 3',
		);
		assert.ok(!error.message.includes('secret-ish'));
		assert.ok(!error.message.includes('echo'), 'the command is not echoed');
	});

	test("a 429 with Retry-After is throttling with the server's wait", async t => {
		const {synapse, provider} = await synapseScenario(t, 57);
		synapse.inject({
			path: /\/sessions$/v,
			times: 1,
			response: json(
				429,
				{
					TraceId: 'abc | client-request-id : def',
					Message: 'Too many requests',
				},
				{'retry-after': '7'},
			),
		});
		const error = await expectProviderError(provider().listRuns!(signal()));
		assert.equal(error.status, 429);
		assert.equal(error.throttled, true);
		assert.equal(error.retryAfterMs, 7000);
		assert.equal(error.requestId, 'abc');
		assert.ok((await provider().listRuns!(signal())).length > 0, 'recovers');
	});

	test('reset-timeout keeps a live session and is refused for an ended one', async t => {
		const {directClient} = await synapseScenario(t, 57);
		const client = directClient();
		const reset = async (id: string) =>
			client.http.send({
				operation: 'resetTimeout',
				method: 'PUT',
				path: `sessions/${id}/reset-timeout`,
			});
		assert.equal((await reset('3')).status, 200);
		const ended = await expectProviderError(reset('1'));
		assert.equal(ended.status, 400);
	});

	test("an unknown pool is the service's own 400", async t => {
		const {synapse} = await synapseScenario(t, 57);
		const error = await expectProviderError(
			createSynapseProvider({
				target: 'syn',
				endpoint: synapse.url,
				pool: 'nopool',
				tokenSource: commandTokenSource({
					command: tokenCommand,
					origin: '--token-command',
				}),
			}).listRuns!(signal()),
		);
		assert.equal(error.status, 400);
		assert.equal(error.message, 'Spark Compute not Found');
	});
});
