import {summarizeExecutors} from '../../model/executor-summary.js';
import {
	durationStepMs,
	finestStepMs,
	formatDuration,
	runDuration,
} from '../../model/format.js';
import {
	ageStepMs,
	formatAge,
	formatMoment,
	type Zone,
} from '../../model/time-format.js';
import type {Run, Session} from '../../model/types.js';
import {clipLines} from '../../text/sanitize.js';
import {fit, heading, type Line, segment} from './line.js';
import {runTone} from './state-tone.js';
import {timelineLines} from './timeline-lines.js';

/** One line of Detail, with the whole value `y` copies when the cursor is on it. */
export type DetailRow = {
	readonly line: Line;
	readonly copy?: string;
	/** What the copied value is, for the message that says it was copied. */
	readonly label?: string;
};

type Pair = readonly [string, string];

/** When, in full, and how long ago. */
function moment(at: number | undefined, now: number, zone: Zone): string {
	return at === undefined
		? ''
		: `${formatMoment(at, zone)} (${formatAge(now - at)} ago)`;
}

/** How often Detail's times change as shown: its ages, and the duration of a run still going. */
export function detailClockStepMs(
	run: Run,
	detail: Session | undefined,
	now: number,
): number | undefined {
	const current = detail ?? run;
	const steps = [current.submittedAt, current.endedAt, current.updatedAt]
		.filter(at => at !== undefined)
		.map(at => ageStepMs(now - at));
	const duration = runDuration(current, now);
	if (current.endedAt === undefined && duration !== undefined) {
		steps.push(durationStepMs(duration));
	}

	return finestStepMs(steps);
}

function runFields(run: Run, now: number, zone: Zone): Pair[] {
	const pairs: Array<readonly [string, string | undefined]> = [
		[
			'State',
			run.rawState && run.rawState !== run.state
				? `${run.state} (${run.provider} says ${run.rawState})`
				: run.state,
		],
		['Target', `${run.target} (${run.provider})`],
		['Kind', run.kind],
		['Id', run.id],
		['App id', run.appId === run.id ? undefined : run.appId],
		['Attempt', run.attemptId],
		['Owner', run.owner],
		['Queue', run.queue],
		['Submitted', moment(run.submittedAt, now, zone)],
		['Started', formatMoment(run.startedAt, zone)],
		['Ended', moment(run.endedAt, now, zone)],
		['Updated', moment(run.updatedAt, now, zone)],
		['Duration', formatDuration(runDuration(run, now))],
		['CU-hours', run.cost?.cuHours?.toString()],
		['vcore-seconds', run.cost?.vcoreSeconds?.toString()],
		['MB-seconds', run.cost?.mbSeconds?.toString()],
	];
	return pairs.flatMap(([label, value]) =>
		value ? [[label, value] as const] : [],
	);
}

/** `Label  value` rows with aligned values; a label never runs into its value. */
export function fieldRows(pairs: readonly Pair[], maxLabel = 24): DetailRow[] {
	const labelWidth =
		Math.min(maxLabel, Math.max(0, ...pairs.map(([label]) => label.length))) +
		2;
	return pairs.map(([label, value]) => ({
		line: [
			{text: `${fit(label, labelWidth - 2)}  `, tone: 'muted'},
			segment(value),
		],
		copy: value,
		label,
	}));
}

const titleRow = (text: string): DetailRow => ({line: heading(text)});

/** Whether `text` says nothing that `facts` do not already say. */
const said = (text: string, facts: readonly string[]) =>
	facts.some(fact => fact.includes(text.trim()));

/**
 * The Detail pane: fields, errors, executors, code, timeline, links, config and the log tail.
 * Each fact once: an error the run's state reason repeats is shown only under Errors.
 */
export function detailLines(
	run: Run,
	detail: Session | undefined,
	clock: {readonly now: number; readonly zone: Zone},
): DetailRow[] {
	const {now, zone} = clock;
	const current = detail ?? run;
	const errorTexts = (detail?.errors ?? []).map(error =>
		[error.source, error.code, error.message].filter(Boolean).join(': '),
	);
	const fields = [
		...runFields(current, now, zone),
		...(detail?.fields ?? []),
	].filter(([, value]) => !said(value, errorTexts));
	const rows: DetailRow[] = [
		{
			line: [
				segment(current.name ?? current.id, undefined, true),
				{text: '  '},
				{text: current.state, tone: runTone(current.state), bold: true},
			],
			copy: current.id,
		},
		...fieldRows(fields),
	];
	if (
		current.errorMessage &&
		!said(current.errorMessage, [...errorTexts, ...fields.map(([, v]) => v)])
	) {
		rows.push(
			...clipLines(current.errorMessage, 5).lines.map(line => ({
				line: [segment(line, 'bad')],
				copy: current.errorMessage,
			})),
		);
	}

	if (!detail) {
		return rows;
	}

	if (detail.errors.length > 0) {
		rows.push(titleRow('Errors'));
		for (const [index, error] of detail.errors.entries()) {
			const prefix = [error.source, error.code].filter(Boolean).join(' ');
			rows.push({
				line: [
					segment(prefix ? `${prefix}: ` : '', 'bad', true),
					segment(error.message, 'bad'),
				],
				copy: errorTexts[index],
			});
		}
	}

	if (detail.executors && detail.executors.length > 0) {
		const summary = summarizeExecutors(detail.executors);
		rows.push(
			titleRow('Executors'),
			...fieldRows([...summary.fields, ...summary.dead]).map((row, index) =>
				index < summary.fields.length
					? row
					: {
							...row,
							line: row.line.map(part => ({...part, tone: 'bad' as const})),
						},
			),
		);
	}

	if (detail.code) {
		const code = clipLines(detail.code, 40);
		rows.push(
			titleRow('Statement'),
			...code.lines.map(line => ({
				line: [segment(line, 'accent')],
				copy: detail.code,
			})),
			...(code.truncated
				? [{line: [segment(`… ${code.omittedLines} more lines`, 'muted')]}]
				: []),
		);
	}

	const timeline = timelineLines(detail.timeline, now, zone);
	if (timeline.length > 0) {
		rows.push(titleRow('Timeline'), ...timeline.map(line => ({line})));
	}

	const links = Object.entries(detail.links);
	if (links.length > 0) {
		rows.push(titleRow('Links'), ...fieldRows(links));
	}

	const config = Object.entries(detail.config);
	if (config.length > 0) {
		rows.push(titleRow('Config'), ...fieldRows(config, 40));
	}

	if (detail.logTail.length > 0) {
		rows.push(
			titleRow('Log tail (l: the whole log)'),
			...clipLines(detail.logTail.join('\n'), 1000).lines.map(line => ({
				line: [segment(line)],
				copy: line,
			})),
		);
	}

	return rows;
}
