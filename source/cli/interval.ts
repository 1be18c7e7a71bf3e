import {type Bounded, parseBounded} from './bounded-number.js';

/** The polling interval's bounds: faster floods a server, slower is not monitoring. */
export const minIntervalSeconds = 0.5;
export const maxIntervalSeconds = 3600;
export const defaultIntervalSeconds = 3;

/** Seconds between polls, from `--interval` or the config file's `interval`. */
export function parseInterval(value: unknown): Bounded {
	return parseBounded(value, {
		min: minIntervalSeconds,
		max: maxIntervalSeconds,
		unit: 'seconds',
	});
}
