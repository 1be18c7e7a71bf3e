import assert from 'node:assert/strict';

/**
 * What any mapped model value must satisfy, whatever the wire said: states from the model's
 * vocabulary (a raw state the provider documents maps to a known one), times that are finite
 * epoch milliseconds of this century or absent, keys of the right shape, task and stage counts
 * that are whole, non-negative and add up. Walks arrays and objects and checks each model object
 * it recognises by its fields; returns how many it checked, so a test can insist on some.
 */

const runStates = new Set([
	'queued',
	'starting',
	'running',
	'idle',
	'busy',
	'succeeded',
	'failed',
	'cancelling',
	'cancelled',
	'killed',
	'unknown',
]);
const statementStates = new Set([
	'waiting',
	'running',
	'available',
	'error',
	'cancelling',
	'cancelled',
	'unknown',
]);
const jobStatuses = new Set(['running', 'succeeded', 'failed', 'unknown']);
const stageStatuses = new Set([
	'active',
	'complete',
	'pending',
	'failed',
	'skipped',
	'unknown',
]);
const kinds = new Set(['batch', 'session', 'sql', 'application']);

/** Every state word of the model that says something: what a documented raw state may map to. */
export const knownStates: ReadonlySet<string> = new Set(
	[...runStates, ...statementStates, ...jobStatuses, ...stageStatuses].filter(
		state => state !== 'unknown',
	),
);
const timeFields = [
	'submittedAt',
	'startedAt',
	'endedAt',
	'completedAt',
	'at',
	'changedAt',
];
const earliest = Date.UTC(2000, 0, 1);
const latest = Date.UTC(2100, 0, 1);

export type InvariantOptions = {
	/** Raw states the contract file uses as placeholders (Synapse's spec writes "the state"). */
	readonly placeholderStates?: readonly string[];
};

type Checked = {count: number};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkTimes(object: Record<string, unknown>, where: string): void {
	for (const field of timeFields) {
		const value = object[field];
		if (value === undefined) {
			continue;
		}

		assert.ok(
			typeof value === 'number' &&
				Number.isFinite(value) &&
				value >= earliest &&
				value < latest,
			`${where}.${field} is ${JSON.stringify(value)}, not epoch ms of this century`,
		);
	}
}

function checkCount(value: unknown, where: string): number {
	assert.ok(
		typeof value === 'number' && Number.isInteger(value) && value >= 0,
		`${where} is ${String(value)}, not a whole count`,
	);
	return value;
}

type Place = {readonly where: string; readonly options: InvariantOptions};

function checkState(
	object: Record<string, unknown>,
	states: ReadonlySet<string>,
	field: 'state' | 'status',
	{where, options}: Place,
): void {
	const state = object[field];
	const raw = object[field === 'state' ? 'rawState' : 'rawStatus'];
	assert.ok(
		typeof state === 'string' && states.has(state),
		`${where}.${field} "${String(state)}"`,
	);
	if (
		state === 'unknown' &&
		typeof raw === 'string' &&
		raw !== '' &&
		!(options.placeholderStates ?? []).includes(raw)
	) {
		assert.fail(`${where}: raw ${field} "${raw}" maps to no known ${field}`);
	}
}

function checkTasks(tasks: unknown, where: string): void {
	assert.ok(isRecord(tasks), `${where}.tasks`);
	const total = checkCount(tasks['total'], `${where}.tasks.total`);
	for (const name of ['active', 'completed', 'skipped', 'failed', 'killed']) {
		checkCount(tasks[name], `${where}.tasks.${name}`);
	}

	if (tasks['completedIndices'] !== undefined) {
		const done = checkCount(
			tasks['completedIndices'],
			`${where}.tasks.completedIndices`,
		);
		assert.ok(done <= total, `${where}: ${done} partitions done of ${total}`);
	}

	assert.ok(
		(tasks['skipped'] as number) <= total,
		`${where}: more tasks skipped than there are`,
	);
}

function checkObject(
	object: Record<string, unknown>,
	where: string,
	options: InvariantOptions,
	checked: Checked,
): void {
	if ('key' in object && 'kind' in object && 'state' in object) {
		checked.count++;
		assert.ok(kinds.has(String(object['kind'])), `${where}.kind`);
		assert.ok(
			typeof object['id'] === 'string' &&
				object['id'] !== '' &&
				object['id'] !== '?',
			`${where}.id "${String(object['id'])}"`,
		);
		assert.equal(
			object['key'],
			`${String(object['target'])}:${String(object['kind'])}:${String(object['id'])}`,
			`${where}.key`,
		);
		checkState(object, runStates, 'state', {where, options});
		if (Array.isArray(object['fields'])) {
			for (const pair of object['fields'] as unknown[]) {
				assert.ok(
					Array.isArray(pair) &&
						pair.length === 2 &&
						typeof pair[0] === 'string' &&
						pair[0] !== '' &&
						typeof pair[1] === 'string',
					`${where}.fields has ${JSON.stringify(pair)}`,
				);
			}
		}
	} else if ('sessionKey' in object && 'code' in object) {
		checked.count++;
		assert.ok(
			typeof object['id'] === 'string' &&
				object['id'] !== '' &&
				object['id'] !== '?',
			`${where}.id "${String(object['id'])}"`,
		);
		checkState(object, statementStates, 'state', {where, options});
		const {progress} = object;
		assert.ok(
			progress === undefined ||
				(typeof progress === 'number' && progress >= 0 && progress <= 1),
			`${where}.progress ${String(progress)}`,
		);
	} else if ('stageIds' in object && 'tasks' in object) {
		checked.count++;
		checkState(object, jobStatuses, 'status', {where, options});
		checkTasks(object['tasks'], where);
		const stages = object['stages'] as Record<string, unknown>;
		const total = checkCount(stages['total'], `${where}.stages.total`);
		const done =
			checkCount(stages['completed'], `${where}.stages.completed`) +
			checkCount(stages['skipped'], `${where}.stages.skipped`);
		checkCount(stages['active'], `${where}.stages.active`);
		checkCount(stages['failed'], `${where}.stages.failed`);
		assert.ok(
			total === 0 || done <= total,
			`${where}: ${done} stages done or skipped of ${total}`,
		);
	} else if ('runKey' in object && 'lines' in object) {
		checked.count++;
		const lines = object['lines'] as unknown[];
		assert.ok(
			lines.every(line => typeof line === 'string'),
			`${where}.lines hold non-text`,
		);
		if (object['total'] !== undefined) {
			assert.ok(
				checkCount(object['total'], `${where}.total`) >= lines.length,
				`${where}: more lines than the log holds`,
			);
		}
	} else if ('attemptId' in object && 'tasks' in object && 'status' in object) {
		checked.count++;
		checkState(object, stageStatuses, 'status', {where, options});
		checkTasks(object['tasks'], where);
	}

	checkTimes(object, where);
}

function walk(
	value: unknown,
	where: string,
	options: InvariantOptions,
	checked: Checked,
): void {
	if (Array.isArray(value)) {
		for (const [index, item] of value.entries()) {
			walk(item, `${where}[${index}]`, options, checked);
		}

		return;
	}

	if (!isRecord(value)) {
		return;
	}

	checkObject(value, where, options, checked);
	for (const [name, item] of Object.entries(value)) {
		// The raw wire body is the server's business, not the model's.
		if (name !== 'raw') {
			walk(item, `${where}.${name}`, options, checked);
		}
	}
}

/** Checks every model object inside `value`; returns how many there were. */
export function assertModelInvariants(
	value: unknown,
	options: InvariantOptions = {},
): number {
	const checked = {count: 0};
	walk(value, 'mapped', options, checked);
	return checked.count;
}
