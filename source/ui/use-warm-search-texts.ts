import {useEffect} from 'react';
import type {Run} from '../model/types.js';
import {warmSearchTexts} from './run-lists.js';

/** Runs whose search texts are worked out between two looks at the keyboard. */
const slice = 2000;

/**
 * While the filter prompt is open, works out the search texts of `runs` a slice at a time between
 * keys, so that the first character typed over 50,000 runs filters at once.
 */
export function useWarmSearchTexts(runs: readonly Run[], filtering: boolean) {
	useEffect(() => {
		if (!filtering) {
			return;
		}

		let next = 0;
		const warm = () => {
			next = warmSearchTexts(runs, next, slice);
			if (next < runs.length) {
				timer = setImmediate(warm);
			}
		};

		let timer = setImmediate(warm);
		return () => {
			clearImmediate(timer);
		};
	}, [runs, filtering]);
}
