import {formatDuration} from '../../model/format.js';
import {formatMoment, formatWhen, type Zone} from '../../model/time-format.js';
import type {TimelinePhase} from '../../model/types.js';
import {fit, type Line, type Segment, segment} from './line.js';

/**
 * Timelines as the Detail pane draws them. Phases of named groups (Synapse's Livy, Scheduler and
 * Plugin clocks) become one compact line each, `Queued 14:02:11 -> Scheduled +16s -> Ended +4m43s`,
 * with the current phase highlighted; ungrouped phases are listed one per line, offset from the first.
 */
export function timelineLines(
	timeline: readonly TimelinePhase[],
	now: number,
	zone: Zone,
): Line[] {
	const groups = [...new Set(timeline.map(phase => phase.group))];
	if (groups.every(group => group === undefined)) {
		return phaseList(timeline, zone);
	}

	const labelWidth = Math.max(...groups.map(group => (group ?? '').length)) + 2;
	return groups.map(group => {
		const line: Segment[] = [
			{text: fit(group ?? '', labelWidth), tone: 'muted'},
		];
		let previous: number | undefined;
		for (const [index, phase] of timeline
			.filter(item => item.group === group)
			.entries()) {
			if (index > 0) {
				line.push({text: ' -> ', tone: 'muted'});
			}

			line.push(
				phase.current
					? segment(phase.name, 'accent', true)
					: segment(phase.name),
			);
			if (phase.at !== undefined) {
				line.push({
					text:
						previous === undefined
							? ` ${formatWhen(phase.at, now, zone)}`
							: ` +${formatDuration(phase.at - previous)}`,
					tone: 'muted',
				});
				previous = phase.at;
			}
		}

		return line;
	});
}

function phaseList(timeline: readonly TimelinePhase[], zone: Zone): Line[] {
	const phases = timeline.filter(phase => phase.at !== undefined);
	const first = phases[0]?.at ?? 0;
	return phases.map(phase => [
		{
			text: `+${formatDuration((phase.at ?? first) - first).padEnd(7)} `,
			tone: 'muted' as const,
		},
		segment(phase.name),
		{text: `  ${formatMoment(phase.at, zone)}`, tone: 'muted' as const},
	]);
}
