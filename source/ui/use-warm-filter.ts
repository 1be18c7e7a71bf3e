import {useEffect} from 'react';
import type {Run} from '../model/types.js';
import {warmFilter, warmSearchTexts} from './run-lists.js';

/** Runs whose search texts are worked out between two looks at the keyboard. */
const slice = 2000;

/** Filters run while the prompt is open and no key is typed: enough for V8 to compile the loop. */
const filterPasses = 3;

/**
 * Gets a filter over `runs` ready between keys: the runs' search texts are worked out a slice at
 * a time whenever the list changes (each run's once), and while the filter prompt is open its code
 * is run a few times, so the first characters typed over 50,000 runs filter at once.
 */
export function useWarmFilter(runs: readonly Run[], filtering: boolean) {
	useEffect(() => {
		let next = 0;
		let passes = 0;
		const warm = () => {
			if (next < runs.length) {
				next = warmSearchTexts(runs, next, slice);
			} else if (filtering) {
				warmFilter(runs, passes++);
			}

			if (next < runs.length || (filtering && passes < filterPasses)) {
				timer = setImmediate(warm);
			}
		};

		let timer = setImmediate(warm);
		return () => {
			clearImmediate(timer);
		};
	}, [runs, filtering]);
}
