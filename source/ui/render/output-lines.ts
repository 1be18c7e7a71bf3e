import type {StatementOutput} from '../../model/types.js';
import {asArray, asObject, asString} from '../../model/wire.js';
import {clipLines} from '../../text/sanitize.js';
import {fit, type Line, segment} from './line.js';

const maxTableRows = 20;
const maxCellWidth = 24;

/** A small text table; cells are sanitised and cut, rows beyond the limit are counted, not drawn. */
export function tableLines(
	headers: readonly string[],
	rows: ReadonlyArray<readonly unknown[]>,
	width: number,
): Line[] {
	const shown = rows
		.slice(0, maxTableRows)
		.map(row => headers.map((_, index) => cellText(row[index])));
	const widths = headers.map((header, index) =>
		Math.min(
			maxCellWidth,
			Math.max(header.length, ...shown.map(row => row[index]?.length ?? 0)),
		),
	);
	const render = (cells: readonly string[]) =>
		cells
			.map((cell, index) => fit(cell, widths[index] ?? 8))
			.join(' │ ')
			.slice(0, Math.max(0, width));
	const lines: Line[] = [
		[segment(render(headers), 'accent', true)],
		[
			{
				text: widths
					.map(cells => '─'.repeat(cells))
					.join('─┼─')
					.slice(0, Math.max(0, width)),
				tone: 'muted',
			},
		],
		...shown.map(row => [segment(render(row))]),
	];
	if (rows.length > maxTableRows) {
		lines.push([
			{text: `… ${rows.length - maxTableRows} more rows`, tone: 'muted'},
		]);
	}

	return lines;
}

function cellText(value: unknown): string {
	if (value === null || value === undefined) {
		return 'null';
	}

	if (typeof value === 'string') {
		return value;
	}

	if (typeof value === 'number' || typeof value === 'boolean') {
		return String(value);
	}

	return JSON.stringify(value) ?? '';
}

function textLines(text: string, maxLines: number, tone?: 'bad'): Line[] {
	const clipped = clipLines(text, maxLines);
	const lines: Line[] = clipped.lines.map(line => [segment(line, tone)]);
	if (clipped.truncated) {
		lines.push([
			{
				text: `… ${clipped.omittedLines} more lines (${Math.round(text.length / 1024)} KiB in all)`,
				tone: 'muted',
			},
		]);
	}

	return lines;
}

/** Spark SQL `{schema: {fields}, data}`, Livy's `%table` `{headers, data}`, or an array of objects. */
function jsonTable(
	value: unknown,
): {headers: string[]; rows: unknown[][]} | undefined {
	const object = asObject(value);
	const schemaFields = asArray(asObject(object['schema'])['fields']);
	const data = asArray(object['data']);
	if (schemaFields.length > 0 && Array.isArray(object['data'])) {
		return {
			headers: schemaFields.map(
				field => asString(asObject(field)['name']) ?? '?',
			),
			rows: data.map(row => [...asArray(row)]),
		};
	}

	const headers = asArray(object['headers']);
	if (headers.length > 0 && Array.isArray(object['data'])) {
		return {
			headers: headers.map(header => asString(asObject(header)['name']) ?? '?'),
			rows: data.map(row => [...asArray(row)]),
		};
	}

	if (
		Array.isArray(value) &&
		value.length > 0 &&
		value.every(
			item => item && typeof item === 'object' && !Array.isArray(item),
		)
	) {
		const names = [
			...new Set(
				value.flatMap(item => Object.keys(item as Record<string, unknown>)),
			),
		];
		return {
			headers: names,
			rows: value.map(item =>
				names.map(name => (item as Record<string, unknown>)[name]),
			),
		};
	}

	return undefined;
}

/** Renders a statement's output: errors with their traceback, tables for JSON, text clipped. */
export function outputLines(
	output: StatementOutput,
	width: number,
	maxLines: number,
): Line[] {
	if (output.status === 'error' || output.errorName !== undefined) {
		return [
			[
				segment(`${output.errorName ?? 'Error'}: `, 'bad', true),
				segment((output.errorValue ?? '').split('\n')[0] ?? '', 'bad'),
			],
			...textLines(output.traceback.join(''), maxLines, 'bad'),
		];
	}

	const lines: Line[] = [];
	for (const [mime, value] of Object.entries(output.data)) {
		if (mime === 'text/plain' && typeof value === 'string') {
			if (value !== '' || Object.keys(output.data).length === 1) {
				lines.push(...textLines(value, maxLines));
			}

			continue;
		}

		const table = mime.includes('json') ? jsonTable(value) : undefined;
		if (table) {
			lines.push(...tableLines(table.headers, table.rows, width));
		} else if (mime.includes('json')) {
			lines.push(...textLines(JSON.stringify(value, undefined, 2), maxLines));
		} else if (mime.startsWith('image/')) {
			lines.push([
				{
					text: `[${mime}, ${typeof value === 'string' ? Math.round((value.length * 3) / 4 / 1024) : 0} KiB, not shown in a terminal]`,
					tone: 'muted',
				},
			]);
		} else {
			lines.push(
				[{text: `[${mime}]`, tone: 'muted'}],
				...textLines(
					typeof value === 'string'
						? value.replaceAll(/<[^>]*>/gv, '')
						: JSON.stringify(value),
					maxLines,
				),
			);
		}
	}

	return lines.length > 0 ? lines : [[{text: '(no output)', tone: 'muted'}]];
}
