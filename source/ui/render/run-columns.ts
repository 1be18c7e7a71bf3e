import stringWidth from 'string-width';
import {groupDigits} from '../../text/group-digits.js';
import {
	durationStepMs,
	finestStepMs,
	formatDuration,
	runDuration,
} from '../../model/format.js';
import {
	ageStepMs,
	formatAge,
	formatWhen,
	type Zone,
} from '../../model/time-format.js';
import type {Run} from '../../model/types.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {fit, type Segment} from './line.js';
import {runTone} from './state-tone.js';

export const columnIds = [
	'state',
	'name',
	'id',
	'kind',
	'target',
	'owner',
	'queue',
	'submitted',
	'age',
	'duration',
	'code',
	'cu-h',
	'vcore-s',
	'mb-s',
	'release',
] as const;
export type ColumnId = (typeof columnIds)[number];

export type CellContext = {
	readonly now: number;
	readonly zone: Zone;
};

export type RunColumn = {
	readonly id: ColumnId;
	readonly title: string;
	/** The cell's text for people, sanitised: its width is what the terminal will show. */
	readonly text: (run: Run, context: CellContext) => string;
	readonly align?: 'right';
	/**
	 * Columns give way in this order when the pane is too narrow, highest first; 0 never goes.
	 * Documented in README (the Runs pane).
	 */
	readonly giveWay: number;
	/** Widths of cells whose text depends on the clock are fixed, so they do not jitter. */
	readonly fixedWidth?: number;
	/** Shown only when some run has a value (queues, releases, costs). */
	readonly optional?: boolean;
	/** What a sort by this column compares. */
	readonly sortKey: (run: Run, now: number) => number | string;
};

const number = (value: number | undefined, digits = 0) =>
	value === undefined ? '' : groupDigits(value, digits);

const plainText =
	(value: (run: Run) => string | undefined) =>
	(run: Run): string =>
		sanitizeLine(value(run) ?? '');

/** Every column a run has, in header order. */
export const runColumns: readonly RunColumn[] = [
	{
		id: 'state',
		title: 'STATE',
		text: run => run.state,
		giveWay: 0,
		fixedWidth: 10,
		sortKey: run => run.state,
	},
	{
		id: 'name',
		title: 'NAME',
		text: plainText(run => run.name ?? run.appId),
		giveWay: 0,
		sortKey: run => (run.name ?? '').toLowerCase(),
	},
	{
		id: 'id',
		title: 'ID',
		text: plainText(run => run.id),
		giveWay: 1,
		sortKey: run => run.id,
	},
	{
		id: 'target',
		title: 'TARGET',
		text: plainText(run => run.target),
		// Shown whenever several targets are watched: two `busy etl-notebook` rows must differ.
		giveWay: 0,
		sortKey: run => run.target,
	},
	{
		id: 'age',
		title: 'AGE',
		text: (run, {now}) =>
			formatAge(
				run.submittedAt === undefined ? undefined : now - run.submittedAt,
			),
		align: 'right',
		giveWay: 3,
		fixedWidth: 4,
		sortKey: run => -(run.submittedAt ?? 0),
	},
	{
		id: 'duration',
		title: 'DURATION',
		text: (run, {now}) => formatDuration(runDuration(run, now)),
		align: 'right',
		giveWay: 4,
		fixedWidth: 8,
		sortKey: (run, now) => runDuration(run, now) ?? -1,
	},
	{
		id: 'kind',
		title: 'KIND',
		text: run => run.kind,
		giveWay: 5,
		sortKey: run => run.kind,
	},
	{
		id: 'owner',
		title: 'OWNER',
		text: plainText(run => run.owner),
		giveWay: 6,
		sortKey: run => (run.owner ?? '').toLowerCase(),
	},
	{
		id: 'submitted',
		title: 'SUBMITTED',
		text: (run, {now, zone}) => formatWhen(run.submittedAt, now, zone),
		giveWay: 7,
		fixedWidth: 11,
		sortKey: run => run.submittedAt ?? 0,
	},
	{
		id: 'queue',
		title: 'QUEUE',
		text: plainText(run => run.queue),
		giveWay: 8,
		optional: true,
		sortKey: run => run.queue ?? '',
	},
	{
		id: 'code',
		title: 'CODE',
		text: plainText(run => run.codeType),
		giveWay: 9,
		optional: true,
		sortKey: run => run.codeType ?? '',
	},
	{
		id: 'release',
		title: 'RELEASE',
		text: plainText(run => run.release?.split(' ')[0]),
		giveWay: 10,
		optional: true,
		sortKey: run => run.release ?? '',
	},
	{
		id: 'cu-h',
		title: 'CU-H',
		text: run => number(run.cost?.cuHours, 2),
		align: 'right',
		giveWay: 11,
		optional: true,
		sortKey: run => run.cost?.cuHours ?? -1,
	},
	{
		id: 'vcore-s',
		title: 'VCORE-S',
		text: run => number(run.cost?.vcoreSeconds),
		align: 'right',
		giveWay: 12,
		optional: true,
		sortKey: run => run.cost?.vcoreSeconds ?? -1,
	},
	{
		id: 'mb-s',
		title: 'MB-S',
		text: run => number(run.cost?.mbSeconds),
		align: 'right',
		giveWay: 13,
		optional: true,
		sortKey: run => run.cost?.mbSeconds ?? -1,
	},
];

export function columnById(id: ColumnId): RunColumn {
	return runColumns.find(column => column.id === id)!;
}

/** NAME keeps at least this many cells before any column with an id gives way. */
const nameMin = 16;
/** A text column is never wider than this, whatever its longest cell. */
const maxNatural = 48;

export type SizedColumn = RunColumn & {readonly width: number};

export type RunTable = {
	readonly columns: readonly SizedColumn[];
	/** Cells of a whole row, the one-cell gaps included. */
	readonly width: number;
};

/** The columns whose width follows their cells. */
const measuredColumns = runColumns.filter(
	column => column.fixedWidth === undefined,
);

/**
 * Each run's cell widths in the measured columns, as displayed, remembered per run object. They
 * are kept as the code points of a short string, capped where no column grows any wider: 10,000
 * runs hold 0.4 MB this way, where a Map per run held 5 MB.
 */
const measured = new WeakMap<Run, string>();

function cellWidths(run: Run): string {
	let widths = measured.get(run);
	if (widths === undefined) {
		const context = {now: 0, zone: 'utc'} as const;
		widths = String.fromCodePoint(
			...measuredColumns.map(column =>
				Math.min(maxNatural, stringWidth(column.text(run, context))),
			),
		);
		measured.set(run, widths);
	}

	return widths;
}

/**
 * Sizes the Runs table for `width` cells: each column as wide as its widest cell (ids in full),
 * TARGET only when several targets are watched, optional columns only when some run has a
 * value. When that is too wide, NAME shrinks to its minimum, then columns give way in their
 * order; any cells left go to NAME. `wide` keeps every column at its natural width (the pane
 * scrolls sideways instead).
 */
export function sizeRunTable(
	runs: readonly Run[],
	width: number,
	options: {readonly targets: number; readonly wide?: boolean},
): RunTable {
	const widest = measuredColumns.map(() => 0);
	for (const run of runs) {
		const widths = cellWidths(run);
		for (let index = 0; index < widest.length; index++) {
			widest[index] = Math.max(widest[index]!, widths.codePointAt(index)!);
		}
	}

	const natural = new Map(
		measuredColumns.map((column, index) => [column.id, widest[index]!]),
	);

	let chosen: SizedColumn[] = runColumns
		.filter(
			column =>
				(column.id !== 'target' || options.targets > 1) &&
				(!column.optional || (natural.get(column.id) ?? 0) > 0),
		)
		.map(column => ({
			...column,
			width: Math.max(
				stringWidth(column.title),
				column.fixedWidth ?? Math.min(maxNatural, natural.get(column.id) ?? 0),
			),
		}));
	const total = () =>
		chosen.reduce((sum, column) => sum + column.width + 1, -1);
	const name = () => chosen.find(column => column.id === 'name')!;
	if (options.wide) {
		return {columns: chosen, width: total()};
	}

	const shrinkName = (to: number) => {
		chosen = chosen.map(column =>
			column.id === 'name' ? {...column, width: to} : column,
		);
	};

	if (total() > width) {
		shrinkName(Math.max(nameMin, name().width - (total() - width)));
	}

	while (total() > width && chosen.some(column => column.giveWay > 0)) {
		const first = Math.max(...chosen.map(column => column.giveWay));
		chosen = chosen.filter(column => column.giveWay !== first);
	}

	// Still too wide (a very narrow pane): NAME gives up what it must; the row is cut at the edge.
	if (total() > width) {
		shrinkName(Math.max(4, name().width - (total() - width)));
	}

	if (total() < width) {
		shrinkName(name().width + width - total());
	}

	return {columns: chosen, width: total()};
}

export function runHeader(
	table: RunTable,
	sort?: {readonly column: ColumnId; readonly descending: boolean},
): Segment[] {
	return [
		{
			text: table.columns
				.map(column => {
					const arrow =
						sort?.column === column.id ? (sort.descending ? '▼' : '▲') : '';
					return fit(`${column.title}${arrow}`, column.width, column.align);
				})
				.join(' '),
			tone: 'muted',
			bold: true,
		},
	];
}

/**
 * How often these rows' times change as shown: the finest step of their ages and of the
 * durations of runs still going; undefined when no time shown moves. (SUBMITTED moves at midnight
 * only: the next poll redraws it.)
 */
export function rowsClockStepMs(
	runs: readonly Run[],
	table: RunTable,
	now: number,
): number | undefined {
	const shows = (id: ColumnId) =>
		table.columns.some(column => column.id === id);
	const steps: number[] = [];
	for (const run of runs) {
		if (shows('age') && run.submittedAt !== undefined) {
			steps.push(ageStepMs(now - run.submittedAt));
		}

		const duration = runDuration(run, now);
		if (
			shows('duration') &&
			run.endedAt === undefined &&
			duration !== undefined
		) {
			steps.push(durationStepMs(duration));
		}
	}

	return finestStepMs(steps);
}

export function runCells(
	run: Run,
	table: RunTable,
	context: CellContext,
	selected: boolean,
): Segment[] {
	return table.columns.map((column, index) => ({
		text:
			fit(column.text(run, context), column.width, column.align) +
			(index < table.columns.length - 1 ? ' ' : ''),
		tone: column.id === 'state' ? runTone(run.state) : undefined,
		inverse: selected,
	}));
}
