import type {SparkJob, StageCounts, TaskCounts} from './types.js';

/** The numbers behind one progress bar, counted the way Spark's web UI counts them. */
export type TaskBar = {
	/** Tasks that count towards the bar: all tasks less the skipped ones. */
	readonly total: number;
	readonly completed: number;
	/** Running tasks, clamped so completed + running never exceeds total. */
	readonly running: number;
	/** 0..1; a job with nothing to do is complete. */
	readonly fraction: number;
	readonly label: string;
};

/** The counts of several jobs as one (a statement's jobs under one bar). */
export function sumTasks(all: readonly TaskCounts[]): TaskCounts {
	let total = 0;
	let active = 0;
	let completed = 0;
	let completedIndices = 0;
	let skipped = 0;
	let failed = 0;
	let killed = 0;
	for (const tasks of all) {
		total += tasks.total;
		active += tasks.active;
		completed += tasks.completed;
		completedIndices += tasks.completedIndices ?? tasks.completed;
		skipped += tasks.skipped;
		failed += tasks.failed;
		killed += tasks.killed;
	}

	return {total, active, completed, completedIndices, skipped, failed, killed};
}

export function taskBar(tasks: TaskCounts): TaskBar {
	const total = Math.max(0, tasks.total - tasks.skipped);
	// Completed indices ignore retried and speculative copies of a task.
	const completed = clamp(tasks.completedIndices ?? tasks.completed, 0, total);
	const running = clamp(tasks.active, 0, total - completed);
	const fraction = total === 0 ? 1 : completed / total;
	const suffixes = [
		[running, 'running'],
		[tasks.failed, 'failed'],
		[tasks.skipped, 'skipped'],
		[tasks.killed, 'killed'],
	] as const;
	const label = [
		`${completed}/${total}`,
		...suffixes.filter(([n]) => n > 0).map(([n, what]) => `(${n} ${what})`),
	].join(' ');
	return {total, completed, running, fraction, label};
}

/** `completed/(total - skipped)` with failed and skipped counts, as Spark's jobs table shows stages. */
export function stageLabel(stages: StageCounts): string {
	const parts = [
		`${stages.completed}/${Math.max(0, stages.total - stages.skipped)}`,
	];
	if (stages.failed > 0) {
		parts.push(`(${stages.failed} failed)`);
	}

	if (stages.skipped > 0) {
		parts.push(`(${stages.skipped} skipped)`);
	}

	return parts.join(' ');
}

export type BarCells = {
	readonly completed: number;
	readonly running: number;
	readonly remaining: number;
};

/**
 * Splits `width` character cells between completed, running and remaining work.
 * Any running work gets at least one cell while there is room, so activity is never invisible.
 */
export function barCells(bar: TaskBar, width: number): BarCells {
	const cells = Math.max(0, Math.floor(width));
	if (bar.total === 0) {
		return {completed: cells, running: 0, remaining: 0};
	}

	const completed = Math.floor((bar.completed / bar.total) * cells);
	let running = Math.round((bar.running / bar.total) * cells);
	if (bar.running > 0 && running === 0) {
		running = 1;
	}

	running = Math.min(running, cells - completed);
	return {completed, running, remaining: cells - completed - running};
}

/** Killed-task reasons, most frequent first, each cut to a readable length. */
export function killedReasons(
	job: SparkJob,
	maxLength = 120,
): Array<readonly [string, number]> {
	return Object.entries(job.killedSummary)
		.toSorted(([, a], [, b]) => b - a)
		.map(([reason, count]) => [reason.slice(0, maxLength), count] as const);
}

/** Remaining time from the completion rate since submission, when there is a rate to go on. */
export function estimateRemainingMs(
	job: SparkJob,
	now: number,
): number | undefined {
	const bar = taskBar(job.tasks);
	if (
		job.status !== 'running' ||
		job.submittedAt === undefined ||
		bar.completed === 0 ||
		bar.completed >= bar.total
	) {
		return undefined;
	}

	const elapsed = now - job.submittedAt;
	if (elapsed <= 0) {
		return undefined;
	}

	return (elapsed / bar.completed) * (bar.total - bar.completed);
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), Math.max(low, high));
}
