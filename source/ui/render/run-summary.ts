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

/**
 * How many runs have each value, counted a stretch of equal values at a time: a list is mostly
 * long stretches of one state and one target, and this is counted again for every character of
 * a filter typed over 50,000 runs.
 */
function countsOf<T>(
	runs: readonly Run[],
	valueOf: (run: Run) => T,
): Map<T, number> {
	const counts = new Map<T, number>();
	let stretch = 0;
	let value: T | undefined;
	for (const run of runs) {
		const next = valueOf(run);
		if (next !== value && stretch > 0) {
			counts.set(value!, (counts.get(value!) ?? 0) + stretch);
			stretch = 0;
		}

		value = next;
		stretch++;
	}

	if (stretch > 0) {
		counts.set(value!, (counts.get(value!) ?? 0) + stretch);
	}

	return counts;
}

/** Counts per state (and per target, when several are watched): `3 failed · 5 running │ livy 40`. */
export function summaryLine(runs: readonly Run[], perTarget: boolean): Line {
	const states = countsOf(runs, run => run.state);
	const targets = perTarget
		? countsOf(runs, run => run.target)
		: new Map<string, number>();

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
