import {formatDuration, runDuration} from '../../model/format.js';
import {formatAge, formatMoment, type Zone} from '../../model/time-format.js';
import type {Run, Session} from '../../model/types.js';
import {clipLines} from '../../text/sanitize.js';
import {fieldLines, heading, type Line, segment} from './line.js';
import {runTone} from './state-tone.js';
import {timelineLines} from './timeline-lines.js';

/** When, in full, and how long ago. */
function moment(at: number | undefined, now: number, zone: Zone): string {
	return at === undefined
		? ''
		: `${formatMoment(at, zone)} (${formatAge(now - at)} ago)`;
}

function runFields(
	run: Run,
	now: number,
	zone: Zone,
): Array<readonly [string, string]> {
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
		['App id', run.appId],
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

/** The Detail pane: fields, timeline, errors, config, links and the log tail (or the full log). */
export function detailLines(
	run: Run,
	detail: Session | undefined,
	clock: {readonly now: number; readonly zone: Zone},
): Line[] {
	const {now, zone} = clock;
	const current = detail ?? run;
	const lines: Line[] = [
		[
			segment(current.name ?? current.id, undefined, true),
			{text: '  '},
			{
				text: current.state,
				tone: runTone(current.state),
				bold: true,
			},
		],
		...fieldLines([
			...runFields(current, now, zone),
			...(detail?.fields ?? []),
		]),
	];
	if (current.errorMessage) {
		lines.push(
			...clipLines(current.errorMessage, 5).lines.map(line => [
				segment(line, 'bad'),
			]),
		);
	}

	if (!detail) {
		return lines;
	}

	if (detail.errors.length > 0) {
		lines.push(heading('Errors'));
		for (const error of detail.errors) {
			const prefix = [error.source, error.code].filter(Boolean).join(' ');
			lines.push([
				segment(prefix ? `${prefix}: ` : '', 'bad', true),
				segment(error.message, 'bad'),
			]);
		}
	}

	if (detail.code) {
		const code = clipLines(detail.code, 40);
		lines.push(
			heading('Statement'),
			...code.lines.map(line => [segment(line, 'accent')]),
			...(code.truncated
				? [[segment(`… ${code.omittedLines} more lines`, 'muted')]]
				: []),
		);
	}

	const timeline = timelineLines(detail.timeline, now, zone);
	if (timeline.length > 0) {
		lines.push(heading('Timeline'), ...timeline);
	}

	const links = Object.entries(detail.links);
	if (links.length > 0) {
		lines.push(heading('Links'), ...fieldLines(links));
	}

	const config = Object.entries(detail.config);
	if (config.length > 0) {
		lines.push(
			heading('Config'),
			...fieldLines(
				config,
				Math.min(40, Math.max(...config.map(([key]) => key.length)) + 2),
			),
		);
	}

	if (detail.logTail.length > 0) {
		lines.push(
			heading('Log tail (l: the whole log)'),
			...clipLines(detail.logTail.join('\n'), 1000).lines.map(line => [
				segment(line),
			]),
		);
	}

	return lines;
}
