import {parseLooseTime} from '../../model/loose-time.js';
import {isTerminalRunState} from '../../model/states.js';
import type {
	Run,
	RunError,
	RunKind,
	Session,
	Statement,
	TimelinePhase,
} from '../../model/types.js';
import {
	asArray,
	asObject,
	asStringMap,
	asStrings,
	asText,
	presentFields,
	type WireObject,
} from '../../model/wire.js';
import {mapLivyRun, mapLivyStatement} from '../livy/livy-mapping.js';
import {synapseResultStates} from './synapse-states.js';

type SynapseKind = Extract<RunKind, 'session' | 'batch'>;

function isUrl(value: string): boolean {
	return /^https?:\/\/\S+$/iv.test(value);
}

function livyInfoTime(object: WireObject, ...names: string[]) {
	const livyInfo = asObject(object['livyInfo']);
	for (const name of names) {
		const at = parseLooseTime(livyInfo[name]);
		if (at !== undefined) {
			return at;
		}
	}

	return undefined;
}

function runErrors(object: WireObject): RunError[] {
	return asArray(object['errorInfo']).flatMap(item => {
		const error = asObject(item);
		const message = asText(error['message']) ?? asText(error['errorCode']);
		return message
			? [
					{
						source: asText(error['source']),
						code: asText(error['errorCode']),
						message,
					},
				]
			: [];
	});
}

/** A Synapse session or batch (`detailed=true`) as a run; the plain Livy subset still maps. */
export function mapSynapseRun(
	target: string,
	kind: SynapseKind,
	body: unknown,
): Run {
	const base = mapLivyRun(target, kind, body, 'synapse');
	const object = asObject(body);
	const scheduler = asObject(object['schedulerInfo']);
	const result = asText(object['result'])?.toLowerCase() ?? '';
	const state = isTerminalRunState(base.state)
		? (synapseResultStates[result] ?? base.state)
		: base.state;
	const sparkUiUrl =
		base.sparkUiUrl && isUrl(base.sparkUiUrl) ? base.sparkUiUrl : undefined;
	const errors = runErrors(object);
	const tags = asStringMap(object['tags']);
	return {
		...base,
		state,
		owner: asText(object['submitterName']) ?? asText(object['submitterId']),
		queue: asText(object['sparkPoolName']) ?? asText(object['computeName']),
		submittedAt:
			parseLooseTime(scheduler['submittedAt']) ??
			livyInfoTime(object, 'notStartedAt'),
		startedAt: livyInfoTime(object, 'startingAt', 'runningAt', 'idleAt'),
		endedAt: isTerminalRunState(state)
			? (parseLooseTime(scheduler['endedAt']) ??
				livyInfoTime(object, 'successAt', 'deadAt', 'killedAt', 'errorAt'))
			: undefined,
		sparkUiUrl,
		errorMessage: errors[0]
			? [errors[0].code, errors[0].message].filter(Boolean).join(': ')
			: undefined,
		tags: Object.keys(tags).length > 0 ? tags : undefined,
	};
}

const livyPhases: Readonly<
	Record<SynapseKind, ReadonlyArray<readonly [string, string]>>
> = {
	session: [
		['not_started', 'notStartedAt'],
		['starting', 'startingAt'],
		['recovering', 'recoveringAt'],
		['idle', 'idleAt'],
		['busy', 'busyAt'],
		['shutting_down', 'shuttingDownAt'],
		['error', 'errorAt'],
		['dead', 'deadAt'],
		['killed', 'killedAt'],
	],
	batch: [
		['not_started', 'notStartedAt'],
		['starting', 'startingAt'],
		['recovering', 'recoveringAt'],
		['running', 'runningAt'],
		['success', 'successAt'],
		['dead', 'deadAt'],
		['killed', 'killedAt'],
	],
};

const schedulerPhases = [
	['Queued', 'queuedAt'],
	['Submitted', 'submittedAt'],
	['Scheduled', 'scheduledAt'],
	['Cancel requested', 'cancellationRequestedAt'],
	['Ended', 'endedAt'],
] as const;

const pluginPhases = [
	['Preparation', 'preparationStartedAt'],
	['ResourceAcquisition', 'resourceAcquisitionStartedAt'],
	['Submission', 'submissionStartedAt'],
	['Monitoring', 'monitoringStartedAt'],
	['Cleanup', 'cleanupStartedAt'],
] as const;

function phases(
	group: string,
	object: WireObject,
	pairs: ReadonlyArray<readonly [string, string]>,
): TimelinePhase[] {
	const current = asText(object['currentState'])?.toLowerCase();
	const found: TimelinePhase[] = pairs.flatMap(([name, field]) => {
		const at = parseLooseTime(object[field]);
		return at === undefined
			? []
			: [{group, name, at, current: name.toLowerCase() === current}];
	});
	// A phase the service reports as current but has no time for yet still shows where things are.
	if (current && !found.some(phase => phase.current)) {
		found.push({
			group,
			name: asText(object['currentState']) ?? current,
			at: undefined,
			current: true,
		});
	}

	return found.toSorted((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
}

/** Everything the detailed session or batch says: timelines, job request, errors, links and log tail. */
export function mapSynapseDetail(
	target: string,
	kind: SynapseKind,
	body: unknown,
): Session {
	const run = mapSynapseRun(target, kind, body);
	const object = asObject(body);
	const livyInfo = asObject(object['livyInfo']);
	const request = asObject(livyInfo['jobCreationRequest']);
	const appInfo = asStringMap(object['appInfo']);
	const links = Object.fromEntries(
		Object.entries(appInfo).filter(([, value]) => isUrl(value)),
	);
	const appFacts = Object.entries(appInfo).filter(([, value]) => !isUrl(value));
	const memoryAndCores = (memory: unknown, cores: unknown) =>
		[asText(memory), asText(cores) && `${asText(cores)} cores`]
			.filter(Boolean)
			.join(', ');
	return {
		...run,
		sessionKind: asText(object['kind']),
		fields: presentFields([
			['Result', object['result']],
			[
				'Submitter id',
				run.owner === asText(object['submitterId'])
					? undefined
					: object['submitterId'],
			],
			['Job type', object['jobType']],
			['Artifact', object['artifactId']],
			['Workspace', object['workspaceName']],
			['Compute', object['computeName']],
			['Scheduler state', asObject(object['schedulerInfo'])['currentState']],
			['Plugin state', asObject(object['pluginInfo'])['currentState']],
			['File', request['file']],
			['Class', request['className']],
			['Arguments', asStrings(request['args']).join(' ')],
			[
				'Driver',
				memoryAndCores(request['driverMemory'], request['driverCores']),
			],
			[
				'Executors',
				[
					asText(request['numExecutors']),
					memoryAndCores(request['executorMemory'], request['executorCores']),
				]
					.filter(Boolean)
					.join(' × '),
			],
			...['jars', 'pyFiles', 'files', 'archives'].flatMap(name =>
				asStrings(request[name]).map(file => [name, file] as const),
			),
			['Registered sources', asStrings(object['registeredSources']).join(', ')],
			[
				'Tags',
				Object.entries(run.tags ?? {})
					.map(([key, value]) => `${key}=${value}`)
					.join(', '),
			],
			...appFacts,
		]),
		timeline: [
			...phases('Livy', livyInfo, livyPhases[kind]),
			...phases(
				'Scheduler',
				asObject(object['schedulerInfo']),
				schedulerPhases,
			),
			...phases('Plugin', asObject(object['pluginInfo']), pluginPhases),
		],
		config: asStringMap(request['conf']),
		errors: runErrors(object),
		// Synapse folds "\nstderr: " section headers into its lines.
		logTail: asStrings(object['log']).flatMap(line => line.split('\n')),
		links,
	};
}

export function mapSynapseStatement(
	sessionKey: string,
	body: unknown,
): Statement {
	const statement = mapLivyStatement(sessionKey, body);
	const source = asText(asObject(body)['sourceId']);
	return source ? {...statement, fields: [['Source', source]]} : statement;
}

/** `{total_statements, statements}`, as in Livy, with Synapse's `sourceId` kept. */
export function mapSynapseStatements(
	sessionKey: string,
	body: unknown,
): Statement[] {
	return asArray(asObject(body)['statements']).map(item =>
		mapSynapseStatement(sessionKey, item),
	);
}
