import type {Zone} from '../../model/time-format.js';
import type {Run} from '../../model/types.js';
import {type Line, sliceLine} from '../render/line.js';
import {runCells, type RunTable} from '../render/run-columns.js';

/** What every row of the table is drawn with: when any of it changes, every row is worked out again. */
export type RowSettings = {
	readonly table: RunTable;
	readonly now: number;
	readonly zone: Zone;
	readonly focused: boolean;
	/** Cells scrolled sideways, and the cells the rows have, when the table is wider than the pane. */
	readonly sideways: number;
	readonly width: number;
};

type KeptRow = {
	readonly selected: boolean;
	readonly failed: boolean;
	readonly line: Line;
};

/** A line of the table as a pane `width` wide shows it: scrolled sideways and cut when the table is wider. */
export function sidewaysLine(
	line: Line,
	table: RunTable,
	sideways: number,
	width: number,
): Line {
	return table.width > width - 2 ? sliceLine(line, sideways, width - 2) : line;
}

function rowLine(
	run: Run,
	{selected, failed}: Omit<KeptRow, 'line'>,
	settings: RowSettings,
): Line {
	const {table, now, zone, focused, sideways, width} = settings;
	const line: Line = [
		{
			text: selected ? '▸ ' : failed ? '✖ ' : '  ',
			bold: true,
			tone: failed ? 'bad' : undefined,
		},
		...runCells(run, table, {now, zone}, selected && focused),
	];
	return sidewaysLine(line, table, sideways, width);
}

const sameSettings = (a: RowSettings, b: RowSettings) =>
	a.table === b.table &&
	a.now === b.now &&
	a.zone === b.zone &&
	a.focused === b.focused &&
	a.sideways === b.sideways &&
	a.width === b.width;

/**
 * The lines of the rows in view, each the same object as before unless its run, its mark or the
 * settings changed. A key that moves the selection then works out two rows, and the rest of the
 * table is neither rendered again nor drawn again.
 */
export class RunRows {
	private settings?: RowSettings;
	private kept = new WeakMap<Run, KeptRow>();

	lines(
		inView: readonly Run[],
		isSelected: (index: number) => boolean,
		newlyFailed: ReadonlySet<string>,
		settings: RowSettings,
	): Line[] {
		if (!this.settings || !sameSettings(this.settings, settings)) {
			this.settings = settings;
			this.kept = new WeakMap();
		}

		return inView.map((run, index) => {
			const selected = isSelected(index);
			const failed = newlyFailed.has(run.key);
			const kept = this.kept.get(run);
			if (kept?.selected === selected && kept.failed === failed) {
				return kept.line;
			}

			const line = rowLine(run, {selected, failed}, settings);
			this.kept.set(run, {selected, failed, line});
			return line;
		});
	}
}
