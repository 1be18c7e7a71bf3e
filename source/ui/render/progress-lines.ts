import stringWidth from 'string-width';
import {
	durationStepMs,
	finestStepMs,
	formatBytes,
	formatDuration,
} from '../../model/format.js';
import {
	barCells,
	estimateRemainingMs,
	killedReasons,
	stageLabel,
	taskBar,
	type TaskBar,
} from '../../model/task-bar.js';
import {
	jobsOfStatement,
	stagesOfJobs,
	stragglerNote,
} from '../../model/job-groups.js';
import type {Progress, SparkJob, SparkStage} from '../../model/types.js';
import {fit, type Line, segment, wrapLine} from './line.js';
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

/** One bar width for a whole pane, so lengths compare; labels beside the bars, or under them all when narrow. */
export type BarLayout = {
	readonly width: number;
	readonly labelsBelow: boolean;
};

export function barLayout(labels: readonly string[], width: number): BarLayout {
	const longest = Math.max(0, ...labels.map(label => label.length));
	const room = width - indent - 1 - longest;
	return room >= minBar
		? {width: Math.min(maxBar, room), labelsBelow: false}
		: {
				width: Math.max(minBar, Math.min(maxBar, width - indent)),
				labelsBelow: true,
			};
}

function barWithLabel(
	bar: TaskBar,
	layout: BarLayout,
	glyphs: BarGlyphs,
): Line[] {
	const bars: Line = [
		{text: ' '.repeat(indent)},
		...barSegments(bar, layout.width, glyphs),
	];
	return layout.labelsBelow
		? [bars, [{text: ' '.repeat(indent) + bar.label}]]
		: [[...bars, {text: ` ${bar.label}`}]];
}

/** A job's name on two rows of `width` cells at most, the second cut with `…` when it is longer. */
function nameRows(name: string, width: number): Line[] {
	const [first, ...rest] = wrapLine([segment(name)], width);
	if (!first || rest.length <= 1) {
		return [first ?? [], ...rest];
	}

	const more = rest
		.flat()
		.map(part => part.text)
		.join('');
	return [first, [segment(fit(more, width).trimEnd())]];
}

/** How the Progress pane draws: its width, bar glyphs, the time, and which jobs it shows. */
export type ProgressView = {
	readonly width: number;
	readonly glyphs: BarGlyphs;
	readonly now: number;
	readonly scope?: JobScope;
};

function jobLines(
	job: SparkJob,
	view: ProgressView,
	layout: BarLayout,
): Line[] {
	const {width, glyphs, now} = view;
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
	const status = `${job.rawStatus || job.status}`;
	const tail = `  stages ${stageLabel(job.stages)}  ${timing}`;
	const fixed = head.length + status.length + tail.length;
	// Counts and ETA are never cut: a name that does not fit beside them goes to its own lines.
	const inline = width - fixed - 1 >= stringWidth(title);
	const lines: Line[] = [
		[
			{text: head, bold: true},
			{text: status, tone: jobTone(job.status)},
			...(inline ? [segment(` ${title}`)] : []),
			{text: tail, tone: 'muted'},
		],
		...(inline
			? []
			: nameRows(title, Math.max(8, width - indent)).map(row => [
					{text: ' '.repeat(indent)},
					...row,
				])),
		...barWithLabel(taskBar(job.tasks), layout, glyphs),
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
	layout: BarLayout,
	glyphs: BarGlyphs,
): Line[] {
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
		...barWithLabel(taskBar(stage.tasks), layout, glyphs),
	];
	if (io.length > 0) {
		lines.push([{text: `   ${io.join(', ')}`, tone: 'muted'}]);
	}

	const straggler = stragglerNote(stage.taskTimes);
	if (straggler) {
		lines.push([segment(`   ${straggler}`, 'waiting')]);
	}

	if (stage.failureReason) {
		lines.push([
			segment(`   ${stage.failureReason.split('\n')[0] ?? ''}`, 'bad'),
		]);
	}

	return lines;
}

/** Which jobs Progress shows: those of the selected statement (by job group), or all of them. */
export type JobScope = {
	/** The selected statement, for a run with statements. */
	readonly statementId?: string;
	/** All jobs of the application even so (`a`). */
	readonly all: boolean;
};

/** The Progress pane: running jobs first, then the rest newest first; active and failed stages after. */
/** How often the pane's times change as shown: the elapsed times and ETAs of jobs still going. */
export function progressClockStepMs(
	progress: Progress | undefined,
	now: number,
): number | undefined {
	return finestStepMs(
		(progress?.jobs ?? [])
			.filter(job => job.completedAt === undefined)
			.flatMap(({submittedAt}) =>
				submittedAt === undefined ? [] : [durationStepMs(now - submittedAt)],
			),
	);
}

export function progressLines(progress: Progress, view: ProgressView): Line[] {
	const {width, glyphs, scope = {all: true}} = view;
	const lines: Line[] = progress.note
		? [[segment(progress.note, 'waiting')]]
		: [];
	if (progress.overall !== undefined) {
		lines.push([
			{text: 'overall ', tone: 'muted'},
			{text: `${Math.round(progress.overall * 100)}%`, bold: true},
		]);
	}

	// Where Spark reports no job groups at all, no job can be told to a statement: all are shown.
	const grouped = progress.jobs.some(job => job.jobGroup !== undefined);
	const statementId = grouped ? scope.statementId : undefined;
	const ofStatement = statementId !== undefined && !scope.all;
	if (statementId !== undefined) {
		lines.push([
			{
				text: ofStatement
					? `jobs of statement #${statementId} (a: all jobs)`
					: `all jobs of the application (a: statement #${statementId}'s only)`,
				tone: 'title',
				bold: true,
			},
		]);
	}

	const shown = ofStatement
		? jobsOfStatement(progress.jobs, statementId)
		: progress.jobs;
	const jobs = shown.toSorted(
		(a, b) =>
			Number(b.status === 'running') - Number(a.status === 'running') ||
			b.id - a.id,
	);
	if (jobs.length === 0) {
		lines.push([
			segment(
				ofStatement
					? `no Spark jobs of statement #${statementId} (yet)`
					: `no Spark jobs (${progress.source})`,
				'muted',
			),
		]);
	}

	const stages = ofStatement
		? stagesOfJobs(progress.stages ?? [], jobs)
		: (progress.stages ?? []);
	const layout = barLayout(
		[...jobs, ...stages].map(item => taskBar(item.tasks).label),
		width,
	);
	for (const job of jobs) {
		lines.push(...jobLines(job, view, layout));
	}

	if (stages.length > 0) {
		lines.push([
			{text: 'Stages (active and failed)', tone: 'title', bold: true},
		]);
		for (const stage of stages) {
			lines.push(...stageLines(stage, layout, glyphs));
		}
	}

	return lines;
}
