import type {Run, Statement} from '../model/types.js';

export type SelectedRun = {
	readonly run?: Run;
	/** The run is a row of the list on screen (not filtered out, not gone from its provider). */
	readonly listed: boolean;
};

/**
 * The selected run by its key: the listed row, or, once it has left the list, its unfiltered
 * data or the last data seen of it, so Detail and every action stay on the run the user chose.
 */
export function selectedRun(
	runKey: string | undefined,
	lists: {
		readonly shown: readonly Run[];
		readonly all: readonly Run[];
		readonly lastSeen?: Run;
	},
): SelectedRun {
	if (runKey === undefined) {
		return {listed: false};
	}

	const listed = lists.shown.find(run => run.key === runKey);
	if (listed) {
		return {run: listed, listed: true};
	}

	return {
		run:
			lists.all.find(run => run.key === runKey) ??
			(lists.lastSeen?.key === runKey ? lists.lastSeen : undefined),
		listed: false,
	};
}

/** The selected statement by its id, in a newest-first list. */
export function selectedStatement(
	statements: readonly Statement[],
	id: string | undefined,
): Statement | undefined {
	return id === undefined
		? undefined
		: statements.find(statement => statement.id === id);
}
