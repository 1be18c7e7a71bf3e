import {parseLooseTime} from '../../model/loose-time.js';
import {isTerminalRunState} from '../../model/states.js';
import type {LogTail, Run, Session, Statement} from '../../model/types.js';
import {
	asObject,
	asString,
	asStringMap,
	asStrings,
	asText,
	presentFields,
	type WireObject,
	asParsedJson,
} from '../../model/wire.js';
import {mapLivyStatement} from '../livy/livy-mapping.js';
import {runKey} from '../provider.js';
import {dlaJobState} from './dla-states.js';

/** The `…Value` twin (epoch ms as a string) is exact; the `yyyy-MM-dd HH:mm:ss` text has no zone. */
function time(job: WireObject, name: string): number | undefined {
	return parseLooseTime(job[`${name}Value`]) ?? parseLooseTime(job[name]);
}

/**
 * A DLA Spark job. Interactive jobs (Livy-like sessions, which hold statements) are submitted
 * without a file to run; batch jobs name one in their `Detail` config.
 */
export function mapDlaJob(target: string, body: unknown): Run {
	const job = asObject(body);
	const id = asString(job['JobId']) ?? '?';
	const rawState = asString(job['Status']) ?? '';
	const state = dlaJobState(rawState);
	const config = asObject(asParsedJson(job['Detail']));
	const kind = asText(config['file']) ? 'batch' : 'session';
	return {
		target,
		kind,
		id,
		key: runKey(target, kind, id),
		provider: 'dla',
		name: asText(job['JobName']) ?? asText(config['name']),
		state,
		rawState,
		submittedAt: time(job, 'SubmitTime') ?? time(job, 'CreateTime'),
		endedAt: isTerminalRunState(state) ? time(job, 'UpdateTime') : undefined,
		updatedAt: time(job, 'UpdateTime'),
		queue: asText(job['VcName']),
		sparkUiUrl: asText(job['SparkUI']),
	};
}

export function mapDlaJobDetail(target: string, body: unknown): Session {
	const run = mapDlaJob(target, body);
	const job = asObject(body);
	const config = asObject(asParsedJson(job['Detail']));
	return {
		...run,
		fields: presentFields([
			['Virtual cluster', job['VcName']],
			['File', config['file']],
			['Class', config['className']],
			['Arguments', asStrings(config['args']).join(' ')],
			['Driver spec', job['DriverResourceSpec']],
			['Executor spec', job['ExecutorResourceSpec']],
			['Executors', job['ExecutorInstances']],
			['Last attempt', job['LastJobAttemptId']],
		]),
		timeline: [],
		config: asStringMap(config['conf']),
		errors: [],
		logTail: [],
		links: run.sparkUiUrl ? {'Spark UI': run.sparkUiUrl} : {},
	};
}

/**
 * A statement of an interactive job is a Livy statement in PascalCase: renamed back, it maps as
 * Livy's. Its progress is `Progress` in ListSparkStatements but `Process` in GetSparkStatement, and
 * its output comes inside a JSON string.
 */
export function mapDlaStatement(sessionKey: string, body: unknown): Statement {
	const statement = asObject(body);
	return mapLivyStatement(sessionKey, {
		id: statement['Id'],
		code: statement['Code'],
		state: statement['State'],
		progress: statement['Progress'] ?? statement['Process'],
		started: statement['StartedTime'],
		completed: statement['CompletedTime'],
		output: asParsedJson(statement['Output']),
	});
}

/** GetJobLog's `Data`: the driver log as one string (a number where the service felt like it). */
export function mapDlaLog(runKeyValue: string, data: unknown): LogTail {
	const text = asString(data) ?? '';
	const lines = text === '' ? [] : text.split(/\r?\n/v);
	return {runKey: runKeyValue, lines, total: lines.length};
}
