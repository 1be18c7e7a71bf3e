import {formatBytes, formatDuration} from '../../model/format.js';
import {
	barCells,
	estimateRemainingMs,
	killedReasons,
	stageLabel,
	taskBar,
	type TaskBar,
} from '../../model/task-bar.js';
import type {Progress, SparkJob, SparkStage} from '../../model/types.js';
import {fit, type Line, segment} from './line.js';
import {jobTone} from './state-tone.js';

export type BarGlyphs = {
	readonly completed: string;
	readonly running: string;
	readonly remaining: string;
};

export const unicodeBar: BarGlyphs = {
	completed: '█',
	running: '▓',
	remaining: '░',
};
export const asciiBar: BarGlyphs = {
	completed: '#',
	running: '>',
	remaining: '.',
};

/** The bar as three segments: completed, running, remaining. */
export function barSegments(
	bar: TaskBar,
	width: number,
	glyphs: BarGlyphs,
): Line {
	const cells = barCells(bar, width);
	return [
		{text: glyphs.completed.repeat(cells.completed), tone: 'ok'},
		{text: glyphs.running.repeat(cells.running), tone: 'active'},
		{text: glyphs.remaining.repeat(cells.remaining), tone: 'muted'},
	];
}

const indent = 3;
const minBar = 10;
const maxBar = 40;

/** The bar with its label beside it, or below it when a narrow pane cannot fit both on one line. */
function barWithLabel(bar: TaskBar, width: number, glyphs: BarGlyphs): Line[] {
	const label = ` ${bar.label}`;
	const room = width - indent - label.length;
	if (room >= minBar) {
		return [
			[
				{text: ' '.repeat(indent)},
				...barSegments(bar, Math.min(maxBar, room), glyphs),
				{text: label},
			],
		];
	}

	return [
		[
			{text: ' '.repeat(indent)},
			...barSegments(
				bar,
				Math.max(minBar, Math.min(maxBar, width - indent)),
				glyphs,
			),
		],
		[{text: ' '.repeat(indent) + bar.label}],
	];
}

function jobLines(
	job: SparkJob,
	width: number,
	glyphs: BarGlyphs,
	now: number,
): Line[] {
	const bar = taskBar(job.tasks);
	const eta = estimateRemainingMs(job, now);
	const elapsed =
		job.submittedAt === undefined
			? undefined
			: (job.completedAt ?? now) - job.submittedAt;
	const timing = [
		formatDuration(elapsed),
		eta === undefined ? '' : `ETA ${formatDuration(eta)}`,
	]
		.filter(Boolean)
		.join(' ');
	const title = job.description ?? job.name;
	const head = `#${job.id} `;
	const status = `${job.rawStatus || job.status} `;
	const tail = `  stages ${stageLabel(job.stages)}  ${timing}`;
	const lines: Line[] = [
		[
			{text: head, bold: true},
			{text: status, tone: jobTone(job.status)},
			segment(
				fit(
					title,
					Math.max(8, width - head.length - status.length - tail.length),
				),
			),
			{text: tail, tone: 'muted'},
		],
		...barWithLabel(bar, width, glyphs),
	];
	const killed = killedReasons(job);
	if (killed.length > 0) {
		lines.push([
			{
				text: `   killed: ${killed.map(([reason, count]) => `${reason} ×${count}`).join(', ')}`,
				tone: 'waiting',
			},
		]);
	}

	return lines;
}

function stageLines(
	stage: SparkStage,
	width: number,
	glyphs: BarGlyphs,
): Line[] {
	const bar = taskBar(stage.tasks);
	const io = [
		stage.inputBytes ? `in ${formatBytes(stage.inputBytes)}` : '',
		stage.shuffleReadBytes
			? `shuffle read ${formatBytes(stage.shuffleReadBytes)}`
			: '',
		stage.shuffleWriteBytes
			? `write ${formatBytes(stage.shuffleWriteBytes)}`
			: '',
		stage.spilledBytes ? `spill ${formatBytes(stage.spilledBytes)}` : '',
	].filter(Boolean);
	const lines: Line[] = [
		[
			{text: `stage ${stage.id}.${stage.attemptId} `, bold: true},
			{
				text: `${stage.rawStatus || stage.status} `,
				tone: jobTone(stage.status),
			},
			segment(stage.name),
		],
		...barWithLabel(bar, width, glyphs),
	];
	if (io.length > 0) {
		lines.push([{text: `   ${io.join(', ')}`, tone: 'muted'}]);
	}

	if (stage.failureReason) {
		lines.push([
			segment(`   ${stage.failureReason.split('\n')[0] ?? ''}`, 'bad'),
		]);
	}

	return lines;
}

/** The Progress pane: running jobs first, then the rest newest first; active and failed stages after. */
export function progressLines(
	progress: Progress,
	width: number,
	glyphs: BarGlyphs,
	now: number,
): Line[] {
	const lines: Line[] = progress.note
		? [[segment(progress.note, 'waiting')]]
		: [];
	if (progress.overall !== undefined) {
		lines.push([
			{text: 'overall ', tone: 'muted'},
			{text: `${Math.round(progress.overall * 100)}%`, bold: true},
		]);
	}

	const jobs = progress.jobs.toSorted(
		(a, b) =>
			Number(b.status === 'running') - Number(a.status === 'running') ||
			b.id - a.id,
	);
	if (jobs.length === 0) {
		lines.push([segment(`no Spark jobs (${progress.source})`, 'muted')]);
	}

	for (const job of jobs) {
		lines.push(...jobLines(job, width, glyphs, now));
	}

	const stages = progress.stages ?? [];
	if (stages.length > 0) {
		lines.push([
			{text: 'Stages (active and failed)', tone: 'title', bold: true},
		]);
		for (const stage of stages) {
			lines.push(...stageLines(stage, width, glyphs));
		}
	}

	return lines;
}
