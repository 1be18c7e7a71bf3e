import {
	durationStepMs,
	finestStepMs,
	formatDuration,
} from '../../model/format.js';
import {statementFailure} from '../../model/statement-outcome.js';
import {taskBar} from '../../model/task-bar.js';
import type {Statement, TaskCounts} from '../../model/types.js';
import {clipLines} from '../../text/sanitize.js';
import {type Line, segment} from './line.js';
import {outputLines} from './output-lines.js';
import {type BarGlyphs, barSegments} from './progress-lines.js';
import {statementTone} from './state-tone.js';

/** Output lines shown for one statement; longer outputs are clipped with a count of what is left out. */
const maxOutputLines = 200;

/** Marks a statement whose code failed, whatever state word its service used. */
const failedMark = '✖';

/** How often the statements' times change as shown: the durations of those still running. */
export function statementsClockStepMs(
	statements: readonly Statement[],
	now: number,
): number | undefined {
	return finestStepMs(
		statements
			.filter(statement => statement.completedAt === undefined)
			.flatMap(({startedAt}) =>
				startedAt === undefined ? [] : [durationStepMs(now - startedAt)],
			),
	);
}

/** Newest first: the statement running now is the one to watch. */
export function newestFirst(statements: readonly Statement[]): Statement[] {
	return statements.toReversed();
}

export type StatementView = {
	readonly lines: Line[];
	/** Line index of the selected statement's header, to keep it in view. */
	readonly selectedLine: number;
};

/**
 * Every statement as one summary line; the selected one expanded with its code and output.
 * Newest statements first, as someone watching a session wants them.
 */
export function statementLines(
	statements: readonly Statement[],
	selected: number,
	view: {
		readonly width: number;
		readonly now: number;
		/** The selected statement's Spark jobs' tasks, as one bar. */
		readonly jobs?: {readonly tasks?: TaskCounts; readonly glyphs: BarGlyphs};
	},
): StatementView {
	const {width, now, jobs} = view;
	const lines: Line[] = [];
	let selectedLine = 0;
	for (const [index, statement] of statements.entries()) {
		const isSelected = index === selected;
		if (isSelected) {
			selectedLine = lines.length;
		}

		const firstCodeLine =
			statement.code.split('\n').find(line => line.trim() !== '') ?? '';
		const failure = statementFailure(statement);
		const progress =
			statement.progress === undefined || statement.state === 'available'
				? ''
				: ` ${Math.round(statement.progress * 100)}%`;
		const took =
			statement.startedAt === undefined
				? ''
				: ` ${formatDuration((statement.completedAt ?? now) - statement.startedAt)}`;
		lines.push([
			{
				text: `${isSelected ? '▸' : ' '}`,
				bold: isSelected,
				inverse: isSelected,
			},
			{
				text: failure === undefined ? ' ' : failedMark,
				tone: 'bad',
				bold: true,
				inverse: isSelected,
			},
			{
				text: `#${statement.id} `,
				bold: isSelected,
				inverse: isSelected,
			},
			failure === undefined
				? {
						text: `${statement.rawState || statement.state}${progress}`,
						tone: statementTone(statement.state),
						inverse: isSelected,
					}
				: {
						...segment(`failed ${failure}`, 'bad'),
						bold: true,
						inverse: isSelected,
					},
			{text: `${took}  `, tone: 'muted', inverse: isSelected},
			{...segment(firstCodeLine), inverse: isSelected},
		]);
		if (!isSelected) {
			continue;
		}

		if (jobs?.tasks) {
			const bar = taskBar(jobs.tasks);
			lines.push([
				{text: '  '},
				...barSegments(
					bar,
					Math.max(10, Math.min(30, width - bar.label.length - 12)),
					jobs.glyphs,
				),
				{text: ` ${bar.label} in its Spark jobs`, tone: 'muted'},
			]);
		}

		const code = clipLines(statement.code, 30);
		lines.push(
			...code.lines.map(line => [
				{text: '  │ ', tone: 'muted' as const},
				segment(line, 'accent'),
			]),
		);
		if (code.truncated) {
			lines.push([
				{text: `  │ … ${code.omittedLines} more lines of code`, tone: 'muted'},
			]);
		}

		if (statement.fields?.length) {
			lines.push([
				segment(
					`  ${statement.fields.map(([label, value]) => `${label}: ${value}`).join('  ')}`,
					'muted',
				),
			]);
		}

		if (statement.output) {
			lines.push(
				...outputLines(
					statement.output,
					Math.max(10, width - 2),
					maxOutputLines,
				).map(line => [{text: '  '}, ...line]),
			);
		} else {
			lines.push([
				{
					text:
						statement.state === 'cancelled'
							? '  (cancelled)'
							: '  (no output yet)',
					tone: 'muted',
				},
			]);
		}
	}

	return {lines, selectedLine};
}
