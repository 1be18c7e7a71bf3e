import {formatClock, formatDuration, runDuration} from '../../model/format.js';
import type {Run} from '../../model/types.js';
import {fit, type Line, type Tone} from './line.js';
import {runTone} from './state-tone.js';

type Column = {
	readonly title: string;
	readonly width: number;
	readonly align?: 'right';
	/** Columns with a higher drop rank go first when the pane is narrow. */
	readonly dropRank: number;
	readonly value: (run: Run, now: number) => string;
	readonly tone?: (run: Run) => Tone | undefined;
	/** Shown only when a run on screen has a value for it (queues, releases, costs). */
	readonly optional?: boolean;
};

const number = (value: number | undefined, digits = 0) =>
	value === undefined
		? ''
		: value.toLocaleString('en-US', {maximumFractionDigits: digits});

const nameMin = 12;

const columns: readonly Column[] = [
	{
		title: 'STATE',
		width: 10,
		dropRank: 0,
		value: run => run.rawState || run.state,
		tone: run => runTone(run.state),
	},
	{
		title: 'NAME',
		width: nameMin,
		dropRank: 0,
		value: run => run.name ?? run.appId ?? '',
	},
	{title: 'ID', width: 8, dropRank: 1, value: run => run.id},
	{title: 'KIND', width: 11, dropRank: 3, value: run => run.kind},
	{title: 'TARGET', width: 8, dropRank: 5, value: run => run.target},
	{title: 'OWNER', width: 9, dropRank: 4, value: run => run.owner ?? ''},
	{
		title: 'SUBMITTED',
		width: 9,
		dropRank: 6,
		value: (run, now) => formatClock(run.submittedAt, now),
	},
	{
		title: 'DURATION',
		width: 8,
		align: 'right',
		dropRank: 2,
		value: (run, now) => formatDuration(runDuration(run, now)),
	},
	{
		title: 'QUEUE',
		width: 10,
		dropRank: 7,
		optional: true,
		value: run => run.queue ?? '',
	},
	{
		title: 'CODE',
		width: 6,
		dropRank: 8,
		optional: true,
		value: run => run.codeType ?? '',
	},
	{
		title: 'CU-H',
		width: 7,
		align: 'right',
		dropRank: 9,
		optional: true,
		value: run => number(run.cost?.cuHours, 2),
	},
	{
		title: 'VCORE-S',
		width: 9,
		align: 'right',
		dropRank: 11,
		optional: true,
		value: run => number(run.cost?.vcoreSeconds),
	},
	{
		title: 'MB-S',
		width: 12,
		align: 'right',
		dropRank: 12,
		optional: true,
		value: run => number(run.cost?.mbSeconds),
	},
	{
		title: 'RELEASE',
		width: 9,
		dropRank: 10,
		optional: true,
		value: run => run.release?.split(' ')[0] ?? '',
	},
];

export type RunTable = {
	readonly columns: readonly Column[];
	/** Cells given to NAME, which takes what the other columns leave. */
	readonly nameWidth: number;
};

/** Chooses the columns that fit `width`, dropping the least useful first. */
function sumOf(values: readonly number[]): number {
	let sum = 0;
	for (const value of values) {
		sum += value;
	}

	return sum;
}

export function runTable(width: number, runs: readonly Run[] = []): RunTable {
	let chosen = columns.filter(
		column => !column.optional || runs.some(run => column.value(run, 0) !== ''),
	);
	const used = () => sumOf(chosen.map(column => column.width + 1));
	while (used() > width && chosen.some(column => column.dropRank > 0)) {
		const worst = Math.max(...chosen.map(column => column.dropRank));
		chosen = chosen.filter(column => column.dropRank !== worst);
	}

	return {columns: chosen, nameWidth: Math.max(4, nameMin + width - used())};
}

function cellWidth(table: RunTable, column: Column): number {
	return column.title === 'NAME' ? table.nameWidth : column.width;
}

export function runHeader(table: RunTable): Line {
	return [
		{
			text: table.columns
				.map(column =>
					fit(column.title, cellWidth(table, column), column.align),
				)
				.join(' '),
			tone: 'muted',
			bold: true,
		},
	];
}

export function runRow(
	run: Run,
	table: RunTable,
	now: number,
	selected: boolean,
): Line {
	return table.columns.map((column, index) => ({
		text:
			fit(column.value(run, now), cellWidth(table, column), column.align) +
			(index < table.columns.length - 1 ? ' ' : ''),
		tone: column.tone?.(run),
		inverse: selected,
	}));
}

/** K9s-style filter: every word must appear in the name, id, state, owner, kind or target. */
export function filterRuns(runs: readonly Run[], filter: string): Run[] {
	const words = filter.toLowerCase().split(/\s+/v).filter(Boolean);
	if (words.length === 0) {
		return [...runs];
	}

	return runs.filter(run => {
		const haystack = [
			run.name,
			run.id,
			run.rawState,
			run.state,
			run.owner,
			run.kind,
			run.target,
			run.appId,
		]
			.filter(Boolean)
			.join(' ')
			.toLowerCase();
		return words.every(word => haystack.includes(word));
	});
}
