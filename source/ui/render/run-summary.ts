import type {Run, RunState} from '../../model/types.js';
import type {Line, Segment} from './line.js';
import {runTone} from './state-tone.js';

/** States in the order the summary names them: trouble first. */
const stateOrder: readonly RunState[] = [
	'failed',
	'killed',
	'cancelling',
	'running',
	'busy',
	'starting',
	'queued',
	'idle',
	'succeeded',
	'cancelled',
	'unknown',
];

/** Counts per state (and per target, when several are watched): `3 failed · 5 running │ livy 40`. */
export function summaryLine(runs: readonly Run[], perTarget: boolean): Line {
	const states = new Map<RunState, number>();
	const targets = new Map<string, number>();
	for (const run of runs) {
		states.set(run.state, (states.get(run.state) ?? 0) + 1);
		targets.set(run.target, (targets.get(run.target) ?? 0) + 1);
	}

	const parts: Segment[] = [];
	for (const state of stateOrder) {
		const count = states.get(state);
		if (count !== undefined) {
			parts.push(
				...(parts.length > 0 ? [{text: ' · ', tone: 'muted' as const}] : []),
				{text: `${count} ${state}`, tone: runTone(state)},
			);
		}
	}

	if (perTarget && targets.size > 1) {
		parts.push({
			text: ` │ ${[...targets].map(([target, count]) => `${target} ${count}`).join(' · ')}`,
			tone: 'muted',
		});
	}

	return parts.length > 0 ? parts : [{text: ' ', tone: 'muted'}];
}
