import {type Bounded, parseBounded} from './bounded-number.js';

/** How many of the newest runs of each kind a list reads: fewer hides the day's work, more costs every poll. */
export {defaultWindow as defaultMaxRuns} from '../http/paging.js';

/** `--max-runs` or the config file's `maxRuns`. */
export function parseMaxRuns(value: unknown): Bounded {
	return parseBounded(value, {
		min: 100,
		max: 100_000,
		unit: 'runs',
		whole: true,
	});
}
