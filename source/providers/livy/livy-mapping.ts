import type {
	LogTail,
	Run,
	RunKind,
	Session,
	Statement,
	StatementOutput,
} from '../../model/types.js';
import {runKey} from '../provider.js';
import {
	asArray,
	asBoundedJson,
	asNumber,
	asObject,
	asString,
	asStringMap,
	asStrings,
	asText,
	presentFields,
} from '../../model/wire.js';
import {livyRunState, livyStatementState} from './livy-states.js';

export type LivyPage = {
	readonly from: number;
	readonly total?: number;
	readonly items: readonly unknown[];
};

/** `{from, total, sessions}`; batches use the `sessions` key too. */
export function mapLivyPage(body: unknown): LivyPage {
	const object = asObject(body);
	return {
		from: asNumber(object['from']) ?? 0,
		total: asNumber(object['total']),
		items: asArray(object['sessions']),
	};
}

/** A Livy session or batch as a run; every field but `id` may be missing in older versions. */
export function mapLivyRun(
	target: string,
	kind: Extract<RunKind, 'session' | 'batch'>,
	body: unknown,
	provider = 'livy',
): Run {
	const object = asObject(body);
	const id = asString(object['id']) ?? '?';
	const rawState = asString(object['state']) ?? '';
	const appInfo = asStringMap(object['appInfo']);
	return {
		target,
		kind,
		id,
		key: runKey(target, kind, id),
		provider,
		name: asText(object['name']),
		state: livyRunState(rawState),
		rawState,
		owner: asText(object['proxyUser']) ?? asText(object['owner']),
		queue: asText(object['queue']),
		appId: asText(object['appId']),
		sparkUiUrl: appInfo['sparkUiUrl'],
	};
}

const detailFields = [
	['Interpreter', 'kind'],
	['Driver', 'driverMemory'],
	['Driver cores', 'driverCores'],
	['Executor', 'executorMemory'],
	['Executor cores', 'executorCores'],
	['Executors', 'numExecutors'],
	['TTL', 'ttl'],
	['Idle timeout', 'idleTimeout'],
	['Heartbeat timeout (s)', 'heartbeatTimeoutInSecond'],
] as const;

/** A session or batch seen in full, with its log tail and resources. */
export function mapLivyDetail(
	target: string,
	kind: Extract<RunKind, 'session' | 'batch'>,
	body: unknown,
	provider = 'livy',
): Session {
	const run = mapLivyRun(target, kind, body, provider);
	const object = asObject(body);
	const links = asStringMap(object['appInfo']);
	const files = ['jars', 'pyFiles', 'files', 'archives'].flatMap(name =>
		asStrings(object[name]).map(file => [name, file] as const),
	);
	const numericZeroIsUnset = (value: unknown) =>
		value === 0 ? undefined : value;
	return {
		...run,
		sessionKind: asText(object['kind']),
		fields: presentFields([
			// The owner shows as such; who authenticated matters only when a proxy user differs from it.
			[
				'Authenticated as',
				run.owner === asText(object['owner']) ? undefined : object['owner'],
			],
			...detailFields.map(
				([label, name]) => [label, numericZeroIsUnset(object[name])] as const,
			),
			...files,
		]),
		timeline: [],
		config: asStringMap(object['conf']),
		errors: [],
		logTail: asStrings(object['log']),
		links,
	};
}

export function mapLivyOutput(body: unknown): StatementOutput | undefined {
	if (body === null || body === undefined) {
		return undefined;
	}

	const object = asObject(body);
	return {
		status: asString(object['status']) ?? 'unknown',
		executionCount: asNumber(object['execution_count']),
		data: asObject(asBoundedJson(object['data'])),
		errorName: asText(object['ename']),
		errorValue: asString(object['evalue']),
		traceback: asStrings(object['traceback']),
	};
}

export function mapLivyStatement(sessionKey: string, body: unknown): Statement {
	const object = asObject(body);
	const rawState = asString(object['state']) ?? '';
	const progress = asNumber(object['progress']);
	const positive = (value: unknown) => {
		const number = asNumber(value);
		return number !== undefined && number > 0 ? number : undefined;
	};

	return {
		id: asString(object['id']) ?? '?',
		sessionKey,
		code: asString(object['code']) ?? '',
		state: livyStatementState(rawState),
		rawState,
		progress:
			progress === undefined ? undefined : Math.min(1, Math.max(0, progress)),
		startedAt: positive(object['started']),
		completedAt: positive(object['completed']),
		output: mapLivyOutput(object['output']),
	};
}

/** `{total_statements, statements}` (Livy and Synapse). */
export function mapLivyStatements(
	sessionKey: string,
	body: unknown,
): Statement[] {
	return asArray(asObject(body)['statements']).map(item =>
		mapLivyStatement(sessionKey, item),
	);
}

export function mapLivyLog(runKeyValue: string, body: unknown): LogTail {
	const object = asObject(body);
	return {
		runKey: runKeyValue,
		lines: asStrings(object['log']),
		total: asNumber(object['total']),
	};
}

/** `GET /sessions/{id}/state` and `/batches/{id}/state`: `{id, state}`. */
export function mapLivyState(body: unknown): {id?: string; rawState: string} {
	const object = asObject(body);
	return {
		id: asString(object['id']),
		rawState: asString(object['state']) ?? '',
	};
}
