import {formatBytes, formatDuration} from './format.js';
import type {ExecutorInfo} from './types.js';

export type ExecutorSummary = {
	/** Label/value pairs, compact: counts, cores, memory, tasks, GC. */
	readonly fields: ReadonlyArray<readonly [string, string]>;
	/** Dead executors with why they were removed, newest reason last. */
	readonly dead: ReadonlyArray<readonly [string, string]>;
	/** Failed tasks, or GC above a tenth of task time: worth a look. */
	readonly trouble: boolean;
};

function sum(
	executors: readonly ExecutorInfo[],
	of: (executor: ExecutorInfo) => number | undefined,
): number {
	let total = 0;
	for (const executor of executors) {
		total += of(executor) ?? 0;
	}

	return total;
}

/** What Spark's Executors page says at a glance, the driver included as Spark counts it. */
export function summarizeExecutors(
	executors: readonly ExecutorInfo[],
): ExecutorSummary {
	const active = executors.filter(executor => executor.active);
	const dead = executors.filter(executor => !executor.active);
	const gc = sum(executors, executor => executor.gcTimeMs);
	const taskTime = sum(executors, executor => executor.taskTimeMs);
	const failed = sum(executors, executor => executor.failedTasks);
	const gcShare = taskTime > 0 ? gc / taskTime : 0;
	const workers = active.filter(executor => !executor.driver).length;
	return {
		fields: [
			[
				'Count',
				`${workers} active${active.some(executor => executor.driver) ? ' + driver' : ''}${dead.length > 0 ? `, ${dead.length} dead` : ''}`,
			],
			['Cores', String(sum(active, executor => executor.cores))],
			[
				'Memory',
				`${formatBytes(sum(active, executor => executor.memoryUsed))} used of ${formatBytes(sum(active, executor => executor.maxMemory))} (storage)`,
			],
			[
				'Tasks',
				`${sum(executors, executor => executor.completedTasks)} done, ${sum(active, executor => executor.activeTasks)} running, ${failed} failed`,
			],
			...(taskTime > 0 || gc > 0
				? [
						[
							'GC time',
							`${formatDuration(gc)}${taskTime > 0 ? ` (${Math.round(gcShare * 100)}% of ${formatDuration(taskTime)} task time)` : ''}`,
						] as const,
					]
				: []),
		],
		dead: dead.map(executor => [
			`Dead ${executor.driver ? 'driver' : `executor ${executor.id}`}`,
			executor.removeReason ?? 'no reason given',
		]),
		trouble: failed > 0 || gcShare > 0.1 || dead.length > 0,
	};
}
