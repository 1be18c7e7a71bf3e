import type {ListFilters} from '../providers/list-filters.js';

/** Where a target's settings were written, to name them in messages. */
export type TargetSource =
	| {readonly kind: 'flags'}
	| {readonly kind: 'profile'; readonly name: string}
	| {readonly kind: 'demo'};

/** One monitored endpoint as the user described it: settings by their config-file key, unchecked. */
export type TargetConfig = {
	/** The target's name on screen, in run keys and in messages. */
	readonly name: string;
	readonly provider: string;
	readonly settings: Readonly<Record<string, string>>;
	readonly filters: ListFilters;
	readonly source: TargetSource;
};
