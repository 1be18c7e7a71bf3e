import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {summarizeExecutors} from '../source/model/executor-summary.js';
import {taskBar, stageLabel} from '../source/model/task-bar.js';
import {
	mapSparkApplication,
	mapSparkApplicationDetail,
	mapSparkJob,
	mapSparkStage,
	mapSparkExecutors,
} from '../source/providers/spark/spark-mapping.js';
import {contractFiles} from './helpers/contracts.js';
import {assertModelInvariants} from './helpers/model-invariants.js';

const files = contractFiles('spark-rest');

function file(name: string): unknown {
	const found = files.find(item => item.name === name);
	assert.ok(found, name);
	return found.json;
}

function mapFile(name: string, json: unknown): unknown {
	if (name.startsWith('application_list')) {
		return (json as unknown[]).map(item => mapSparkApplication('spark', item));
	}

	if (name.startsWith('one_app')) {
		return mapSparkApplicationDetail('spark', json, undefined);
	}

	if (name.includes('job_list') || name.startsWith('one_job')) {
		return Array.isArray(json)
			? json.map(item => mapSparkJob(item))
			: mapSparkJob(json);
	}

	if (name.startsWith('stage_list')) {
		return (json as unknown[]).map(item => mapSparkStage(item));
	}

	if (name.startsWith('executor_list')) {
		return mapSparkExecutors(json);
	}

	throw new Error(`no mapper routed for ${name}`);
}

describe('every Spark REST contract file maps', () => {
	for (const {name, json} of files) {
		test(name, () => {
			const mapped = mapFile(name, json);
			if (name.startsWith('executor_list')) {
				// Spark's own fixture: a local-mode driver that ran 31 tasks, and no executors.
				const [driver, ...others] = mapped as ReturnType<
					typeof mapSparkExecutors
				>;
				assert.deepEqual(
					[
						driver?.driver,
						driver?.completedTasks,
						driver?.maxMemory,
						others.length,
					],
					[true, 31, 278_302_556, 0],
				);
			} else {
				assert.ok(
					assertModelInvariants(mapped) > 0,
					'no model object came out',
				);
			}
		});
	}
});

describe('Spark REST mapping', () => {
	test('applications: completed attempts, epoch times, and attempt ids', () => {
		const apps = (
			file('application_list_json_expectation.json') as unknown[]
		).map(item => mapSparkApplication('spark', item));
		assert.ok(apps.length > 5);
		const first = apps[0]!;
		assert.equal(first.id, 'local-1642039451826');
		assert.equal(first.state, 'succeeded');
		assert.equal(first.submittedAt, 1_642_039_450_519);
		assert.equal(first.endedAt, 1_642_039_536_564);
		assert.equal(first.owner, 'lijunqing');
		assert.ok(apps.some(app => app.attemptId !== undefined));
	});

	test('a multi-attempt application shows its latest attempt and a timeline of attempts', () => {
		const detail = mapSparkApplicationDetail(
			'spark',
			file('one_app_multi_attempt_json_expectation.json'),
			undefined,
		);
		assert.equal(detail.attemptId, '2');
		assert.equal(detail.timeline.length, 2);
		assert.ok(
			detail.fields.some(
				([label, value]) => label === 'Attempts' && value === '2',
			),
		);
	});

	test('a running attempt (endTime -1) is running, not ended in 1969', () => {
		const run = mapSparkApplication('spark', {
			id: 'app-1',
			attempts: [
				{
					startTime: '2026-11-21T09:00:00.000GMT',
					endTime: '1969-12-31T23:59:59.999GMT',
					completed: false,
					startTimeEpoch: 1_795_251_600_000,
					endTimeEpoch: -1,
				},
			],
		});
		assert.equal(run.state, 'running');
		assert.equal(run.endedAt, undefined);
	});

	test('jobs: the failed job counts 15 of 16 tasks with 1 failed and a failed stage', () => {
		const jobs = (file('job_list_json_expectation.json') as unknown[]).map(
			item => mapSparkJob(item),
		);
		const failed = jobs.find(job => job.id === 1)!;
		assert.equal(failed.status, 'failed');
		assert.equal(taskBar(failed.tasks).label, '15/16 (1 failed)');
		assert.equal(stageLabel(failed.stages), '1/2 (1 failed)');
	});

	test('stages: Complete vs Completed naming, failure reason kept', () => {
		const stages = (file('stage_list_json_expectation.json') as unknown[]).map(
			item => mapSparkStage(item),
		);
		const complete = stages.find(stage => stage.status === 'complete')!;
		assert.equal(complete.tasks.completed, complete.tasks.total);
		const failed = stages.find(stage => stage.status === 'failed');
		assert.ok(failed?.failureReason);
	});

	test("executors sum up like Spark's Executors page, dead ones with their reason", () => {
		const executors = [
			...mapSparkExecutors(file('executor_list_json_expectation.json')),
			...mapSparkExecutors([
				{
					id: '3',
					isActive: false,
					totalCores: 4,
					failedTasks: 2,
					completedTasks: 9,
					totalDuration: 60_000,
					totalGCTime: 12_000,
					removeReason:
						'Container killed by YARN for exceeding memory limits. 9.1 GB of 9 GB physical memory used.',
				},
			]),
		];
		const summary = summarizeExecutors(executors);
		assert.deepEqual(Object.fromEntries(summary.fields), {
			Count: '0 active + driver, 1 dead',
			Cores: '0',
			Memory: '0 B used of 265.4 MiB (storage)',
			Tasks: '40 done, 0 running, 3 failed',
			'GC time': '12s (17% of 1m09s task time)',
		});
		assert.deepEqual(summary.dead, [
			[
				'Dead executor 3',
				'Container killed by YARN for exceeding memory limits. 9.1 GB of 9 GB physical memory used.',
			],
		]);
		assert.equal(summary.trouble, true);
	});
});
