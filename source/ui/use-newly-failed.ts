import {useEffect, useState} from 'react';
import type {Run, RunState} from '../model/types.js';

const failedStates = new Set<RunState>(['failed', 'killed']);

type Watch = {
	readonly runs: readonly Run[];
	/** The last state seen of every run. */
	readonly states: ReadonlyMap<string, RunState>;
	readonly marked: ReadonlySet<string>;
	/** The runs that turned failed in the last change of the list. */
	readonly turned: readonly string[];
};

const noneTurned: readonly string[] = [];

const unwatched: Watch = {
	runs: [],
	states: new Map(),
	marked: new Set(),
	turned: noneTurned,
};

/** Notes the states of a new list: a run seen before in another state that is now failed has turned. */
function watchFailures(previous: Watch, runs: readonly Run[]): Watch {
	// Most polls change no state: the map of thousands is copied only when one moved.
	if (runs.every(run => previous.states.get(run.key) === run.state)) {
		return {...previous, runs, turned: noneTurned};
	}

	const states = new Map(previous.states);
	const turned: string[] = [];
	for (const run of runs) {
		const before = states.get(run.key);
		if (
			before !== undefined &&
			!failedStates.has(before) &&
			failedStates.has(run.state)
		) {
			turned.push(run.key);
		}

		states.set(run.key, run.state);
	}

	return {
		runs,
		states,
		marked:
			turned.length === 0
				? previous.marked
				: new Set([...previous.marked, ...turned]),
		turned,
	};
}

/**
 * Runs that turned failed while being watched (not those already failed when first seen): marked
 * in the list until the user selects them. Each change of the list that turns some rings `bell`
 * once, when there is one.
 */
export function useNewlyFailed(
	runs: readonly Run[],
	selectedKey: string | undefined,
	bell?: () => void,
): ReadonlySet<string> {
	const [watch, setWatch] = useState(unwatched);
	// Adjusting state while rendering (React's pattern for state derived from changing props).
	if (watch.runs !== runs) {
		setWatch(watchFailures(watch, runs));
	} else if (selectedKey !== undefined && watch.marked.has(selectedKey)) {
		const marked = new Set(watch.marked);
		marked.delete(selectedKey);
		setWatch({...watch, marked});
	}

	useEffect(() => {
		if (watch.turned.length > 0) {
			bell?.();
		}
	}, [watch.turned, bell]);
	return watch.marked;
}
