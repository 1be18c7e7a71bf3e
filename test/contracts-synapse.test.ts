import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {readErrorBody} from '../source/http/error-body.js';
import {mapLivyPage} from '../source/providers/livy/livy-mapping.js';
import {readSynapseError} from '../source/providers/synapse/synapse-client.js';
import {
	mapSynapseDetail,
	mapSynapseRun,
	mapSynapseStatement,
	mapSynapseStatements,
} from '../source/providers/synapse/synapse-mapping.js';
import {detailLines} from '../source/ui/render/detail-lines.js';
import {contractFiles, type ContractFile} from './helpers/contracts.js';
import {
	assertModelInvariants,
	type InvariantOptions,
} from './helpers/model-invariants.js';

const specExamples = [
	...contractFiles('synapse/2019-11-01-preview'),
	...contractFiles('synapse/2020-12-01'),
];
const recorded = contractFiles('synapse/recorded');
const noIdentity = {describe: 'test', identity: () => undefined};

/** Routes one exchange to the mapper the client would use for its method and path. */
function mapExchange(
	method: string,
	path: string,
	status: number,
	body: unknown,
): unknown {
	if (status >= 400) {
		const text = JSON.stringify(body);
		return {
			...readErrorBody(text, body),
			...readSynapseError({status, headers: {}, text}, body, noIdentity),
		};
	}

	const kind = path.includes('/batches') ? 'batch' : 'session';
	const sessionKey = 't:session:1';
	if (path.endsWith('/statements')) {
		return method === 'POST'
			? mapSynapseStatement(sessionKey, body)
			: mapSynapseStatements(sessionKey, body);
	}

	if (/\/statements\/\d+$/v.test(path)) {
		return mapSynapseStatement(sessionKey, body);
	}

	if (/\/(?:cancel|reset-timeout)$/v.test(path) || method === 'DELETE') {
		return readErrorBody(JSON.stringify(body ?? ''), body);
	}

	if (/\/(?:sessions|batches)$/v.test(path) && method === 'GET') {
		return mapLivyPage(body).items.map(item => ({
			run: mapSynapseRun('t', kind, item),
			detail: mapSynapseDetail('t', kind, item),
		}));
	}

	return mapSynapseDetail('t', kind, body);
}

/** The spec's examples write placeholders where real answers have states. */
const specPlaceholders = {placeholderStates: ['the state', 'fill in here']};

/** An answer is an error that says what went wrong, an acknowledgement, or model objects that keep the invariants. */
function checkAnswer(
	exchange: {
		readonly method: string;
		readonly path: string;
		readonly status: number;
		readonly mapped: unknown;
	},
	options: InvariantOptions = {},
): void {
	const {method, path, status, mapped} = exchange;
	if (status >= 400) {
		assert.ok((mapped as {message?: string}).message, 'an error says why');
		return;
	}

	if (/\/(?:cancel|reset-timeout)$/v.test(path) || method === 'DELETE') {
		return;
	}

	assert.ok(
		assertModelInvariants(mapped, options) > 0 ||
			(Array.isArray(mapped) && mapped.length === 0),
		'no model object came out',
	);
}

/** The spec's examples name their operation in the file name: SparkFrontend_SparkSession_GetStatement. */
function specExchange(file: ContractFile) {
	const operation = /_(SparkBatch|SparkSession)_(\w+)\.json$/v.exec(file.name);
	assert.ok(operation, file.name);
	const [, group, name] = operation;
	const collection = group === 'SparkBatch' ? '/batches' : '/sessions';
	const paths: Record<string, [string, string]> = {
		Create: ['POST', collection],
		Get: ['GET', `${collection}/1`],
		List: ['GET', collection],
		Delete: ['DELETE', `${collection}/1`],
		CreateStatement: ['POST', '/sessions/1/statements'],
		GetStatement: ['GET', '/sessions/1/statements/1'],
		ListStatements: ['GET', '/sessions/1/statements'],
		DeleteStatement: ['POST', '/sessions/1/statements/1/cancel'],
		ResetTimeout: ['PUT', '/sessions/1/reset-timeout'],
	};
	const route = paths[name!];
	assert.ok(route, `no route for ${file.name}`);
	const {responses} = file.json as {
		responses: Record<string, {body?: unknown}>;
	};
	const [status, response] = Object.entries(responses)[0]!;
	return {
		method: route[0],
		path: route[1],
		status: Number(status),
		body: response.body,
	};
}

describe('Synapse contracts: every spec example maps', () => {
	for (const file of specExamples) {
		test(file.name, () => {
			const {method, path, status, body} = specExchange(file);
			const mapped = mapExchange(method, path, status, body);
			checkAnswer({method, path, status, mapped}, specPlaceholders);
			if (
				path.endsWith('/1') &&
				method === 'GET' &&
				!path.includes('statements')
			) {
				// Placeholders ("the state", "fill in here") must not break the Detail pane.
				const detail = mapped as ReturnType<typeof mapSynapseDetail>;
				assert.equal(detail.state, 'unknown');
				assert.ok(
					detailLines(detail, detail, {now: Date.now(), zone: 'utc'}).length >
						3,
				);
			}
		});
	}
});

type Recorded = {
	request: {method: string; url: string};
	response: {status: number; body: unknown};
};

function recordedFile(name: string): Recorded {
	const file = recorded.find(item => item.name === name);
	assert.ok(file, name);
	return file.json as Recorded;
}

describe('Synapse contracts: every recorded response maps', () => {
	for (const file of recorded) {
		test(file.name, () => {
			const json = file.json as Partial<Recorded> & {body_fragment?: unknown};
			if (json.body_fragment) {
				const detail = mapSynapseDetail('t', 'batch', json.body_fragment);
				assert.ok(detail.errors.length > 0);
				return;
			}

			const {request, response} = json as Recorded;
			const path = new URL(request.url).pathname;
			checkAnswer({
				method: request.method,
				path,
				status: response.status,
				mapped: mapExchange(
					request.method,
					path,
					response.status,
					response.body,
				),
			});
		});
	}
});

describe('Synapse mapping values', () => {
	test('a detailed idle session: owner, pool, times, timelines, links, app facts, log', () => {
		const {response} = recordedFile('session-get.detailed.idle.json');
		const detail = mapSynapseDetail('ws', 'session', response.body);
		assert.equal(detail.state, 'idle');
		assert.equal(detail.owner, 'user@example.com');
		assert.equal(detail.queue, 'sparkpooltest');
		assert.equal(detail.submittedAt, Date.parse('2025-02-24T10:41:45.671Z'));
		assert.equal(detail.startedAt, Date.parse('2025-02-24T10:42:09.796Z'));
		assert.equal(detail.endedAt, undefined);
		assert.equal(detail.appId, 'application_1740390690825_0004');
		assert.match(
			detail.sparkUiUrl ?? '',
			/^https:\/\/web\.azuresynapse\.net\/sparkui\//v,
		);
		assert.deepEqual(Object.keys(detail.links).toSorted(), [
			'driverLogUrl',
			'sparkUiUrl',
		]);
		const fields = new Map(detail.fields);
		assert.equal(fields.get('Result'), 'Uncertain');
		assert.equal(fields.get('Driver'), '28g, 4 cores');
		assert.equal(fields.get('Executors'), '2 × 28g, 4 cores');
		assert.equal(fields.get('Registered sources'), 'default');
		assert.equal(fields.get('Compute'), 'sparkpooltest');
		assert.equal(fields.get('isSessionTimedOut'), 'false');
		assert.ok(
			!fields.has('impulseErrorCode'),
			'null appInfo values are dropped',
		);
		const group = (name: string) =>
			detail.timeline.filter(phase => phase.group === name);
		assert.deepEqual(
			group('Scheduler').map(phase => phase.name),
			['Submitted', 'Queued', 'Scheduled'],
		);
		assert.deepEqual(
			group('Plugin')
				.filter(phase => phase.current)
				.map(phase => phase.name),
			['Monitoring'],
		);
		assert.deepEqual(
			group('Livy').map(phase => phase.name),
			['starting', 'idle'],
		);
		assert.ok(detail.logTail.includes('stderr: '));
		assert.ok(detail.logTail.every(line => !line.includes('\n')));
	});

	test('the compact timeline draws one line per clock with steps and gaps', () => {
		const {response} = recordedFile('session-get.detailed.idle.json');
		const detail = mapSynapseDetail('ws', 'session', response.body);
		const text = detailLines(detail, detail, {
			now: detail.submittedAt!,
			zone: 'utc',
		}).map(row => row.line.map(part => part.text).join(''));
		const plugin = text.find(line => /^Plugin +Preparation/v.test(line));
		assert.match(
			plugin ?? '',
			/^Plugin\s+Preparation \d\d:\d\d:\d\d -> ResourceAcquisition \+2s -> Submission \+4s -> Monitoring \+2s$/v,
		);
		assert.ok(
			text.some(line =>
				/^Scheduler\s+Submitted .* -> Scheduled \+15s$/v.test(line),
			),
		);
	});

	test('a killed session reads as cancelled, with the scheduler end as its end', () => {
		const {response} = recordedFile('session-get.detailed.killed.json');
		const run = mapSynapseRun('ws', 'session', response.body);
		assert.equal(run.rawState, 'killed');
		assert.equal(run.state, 'cancelled');
		assert.ok(run.endedAt !== undefined);
	});

	test('a dead batch carries its errorInfo; null appInfo URLs give no links', () => {
		const file = recorded.find(
			item => item.name === 'batch-dead.errorInfo.fragment.json',
		);
		const body = (file?.json as {body_fragment: unknown}).body_fragment;
		const detail = mapSynapseDetail('ws', 'batch', body);
		assert.equal(detail.state, 'failed');
		assert.deepEqual(
			detail.errors[0] && {
				source: detail.errors[0].source,
				code: detail.errors[0].code,
			},
			{source: 'Dependency', code: 'LIVY_JOB_FAILED'},
		);
		assert.match(detail.errorMessage ?? '', /^LIVY_JOB_FAILED: /v);
		assert.equal(detail.sparkUiUrl, undefined);
		assert.deepEqual(detail.links, {});
	});

	test('statements keep sourceId; a running one has no output yet', () => {
		const {response} = recordedFile('statement-list.json');
		const [statement] = mapSynapseStatements('ws:session:4', response.body);
		assert.equal(statement?.state, 'running');
		assert.equal(statement?.output, undefined);
		assert.deepEqual(statement?.fields, [['Source', 'default']]);
	});

	test('a plain (not detailed) session still maps', () => {
		const {response} = recordedFile('session-list.plain.json');
		const runs = mapLivyPage(response.body).items.map(item =>
			mapSynapseRun('ws', 'session', item),
		);
		assert.ok(runs.length > 0);
		assert.ok(runs.every(run => run.id !== '?'));
	});

	test('401 and 403 say which identity was used and what to check', () => {
		const token = {
			describe: 'the command of --token-command',
			identity: () => 'user ann@contoso.com (tenant t1)',
		};
		const refused = readSynapseError(
			{status: 401, headers: {'x-ms-request-id': 'r1'}, text: ''},
			undefined,
			token,
		);
		assert.equal(refused.requestId, 'r1');
		assert.match(
			refused.message ?? '',
			/^the token was refused \(user ann@contoso\.com \(tenant t1\), token from the command of --token-command\); check it is for https:\/\/dev\.azuresynapse\.net/v,
		);
		const denied = readSynapseError(
			{status: 403, headers: {}, text: ''},
			undefined,
			token,
		);
		assert.match(
			denied.message ?? '',
			/^access denied for user ann@contoso\.com .*Synapse Monitoring Operator to watch, Synapse Compute Operator to cancel/v,
		);
	});

	test('the PascalCase error body gives the message and the trace id as request id', () => {
		const {response} = recordedFile('error-400.session-not-running.json');
		const text = JSON.stringify(response.body);
		const generic = readErrorBody(text, response.body);
		const specific = readSynapseError(
			{status: 400, headers: {}, text},
			response.body,
			noIdentity,
		);
		assert.match(generic.message ?? '', /is not running/v);
		assert.match(specific.requestId ?? '', /^[\da-f\-]{36}$/v);
	});
});
