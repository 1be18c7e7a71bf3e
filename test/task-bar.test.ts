import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	barCells,
	estimateRemainingMs,
	killedReasons,
	stageLabel,
	taskBar,
} from '../source/model/task-bar.js';
import type {SparkJob, TaskCounts} from '../source/model/types.js';

const tasks = (counts: Partial<TaskCounts>): TaskCounts => ({
	total: 0,
	active: 0,
	completed: 0,
	skipped: 0,
	failed: 0,
	killed: 0,
	...counts,
});

function job(
	counts: Partial<TaskCounts>,
	extra: Partial<SparkJob> = {},
): SparkJob {
	return {
		id: 1,
		name: 'count',
		status: 'running',
		rawStatus: 'RUNNING',
		stageIds: [1, 2],
		tasks: tasks(counts),
		stages: {total: 2, active: 1, completed: 1, skipped: 0, failed: 0},
		killedSummary: {},
		...extra,
	};
}

describe('task bars counted as Spark does', () => {
	test('skipped tasks are left out of the total', () => {
		const bar = taskBar(tasks({total: 200, skipped: 50, completed: 75}));
		assert.equal(bar.total, 150);
		assert.equal(bar.fraction, 0.5);
		assert.equal(bar.label, '75/150 (50 skipped)');
	});

	test('running is clamped to what is left, so speculative copies cannot overflow the bar', () => {
		const bar = taskBar(tasks({total: 10, completed: 8, active: 6}));
		assert.equal(bar.running, 2);
		assert.equal(bar.label, '8/10 (2 running)');
	});

	test('completed indices beat completed tasks, which count retries', () => {
		const bar = taskBar(
			tasks({total: 10, completed: 12, completedIndices: 9, failed: 3}),
		);
		assert.equal(bar.completed, 9);
		assert.equal(bar.label, '9/10 (3 failed)');
	});

	test('a job with no tasks is complete', () => {
		assert.equal(taskBar(tasks({})).fraction, 1);
		assert.deepEqual(barCells(taskBar(tasks({})), 10), {
			completed: 10,
			running: 0,
			remaining: 0,
		});
	});

	test('labels list running, failed, skipped and killed in Spark order', () => {
		assert.equal(
			taskBar(
				tasks({
					total: 100,
					completed: 10,
					active: 4,
					failed: 2,
					skipped: 20,
					killed: 3,
				}),
			).label,
			'10/80 (4 running) (2 failed) (20 skipped) (3 killed)',
		);
	});

	test('cells always add up to the width and running work is never invisible', () => {
		for (const [completed, active, total] of [
			[0, 1, 1000],
			[999, 1, 1000],
			[5, 5, 10],
			[0, 0, 7],
			[7, 0, 7],
		] as const) {
			const cells = barCells(taskBar(tasks({total, completed, active})), 30);
			assert.equal(cells.completed + cells.running + cells.remaining, 30);
			if (active > 0) {
				assert.ok(cells.running >= 1);
			}
		}
	});

	test('stage label leaves skipped stages out of the total', () => {
		assert.equal(
			stageLabel({total: 5, active: 1, completed: 2, skipped: 2, failed: 1}),
			'2/3 (1 failed) (2 skipped)',
		);
	});

	test('killed reasons come most frequent first, cut to 120 characters', () => {
		const reasons = killedReasons(
			job(
				{},
				{
					killedSummary: {
						preempted: 1,
						'another attempt succeeded': 4,
						['x'.repeat(200)]: 2,
					},
				},
			),
		);
		assert.deepEqual(
			reasons.map(([, count]) => count),
			[4, 2, 1],
		);
		assert.equal(reasons[1]![0].length, 120);
	});

	test('ETA follows the completion rate of a running job', () => {
		const running = job({total: 100, completed: 25}, {submittedAt: 0});
		assert.equal(estimateRemainingMs(running, 10_000), 30_000);
		assert.equal(
			estimateRemainingMs({...running, status: 'succeeded'}, 10_000),
			undefined,
		);
		assert.equal(
			estimateRemainingMs(job({total: 100}, {submittedAt: 0}), 10_000),
			undefined,
		);
	});
});
