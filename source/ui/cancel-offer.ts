import type {Run, Statement} from '../model/types.js';
import type {Provider} from '../providers/provider.js';
import {
	type ActionOffer,
	cancelRunAction,
	cancelStatementAction,
} from '../store/actions.js';
import type {PaneId} from './navigation.js';

export type CancelContext = {
	readonly write: boolean;
	readonly focus: PaneId;
	readonly provider?: Provider;
	readonly run?: Run;
	/** The statement selected in the Statements pane, if any. */
	readonly statement?: Statement;
};

/** What `c` cancels: the selected statement in the Statements pane, the selected run elsewhere. */
export function cancelOffer(context: CancelContext): ActionOffer {
	const {provider, run} = context;
	if (!context.write) {
		return {
			ok: false,
			reason: 'read-only: start sparktop with --write to cancel',
		};
	}

	if (!provider || !run) {
		return {ok: false, reason: 'select a run first'};
	}

	if (context.focus !== 'statements') {
		return cancelRunAction(provider, run);
	}

	return context.statement
		? cancelStatementAction(provider, run, context.statement)
		: {ok: false, reason: 'no statement selected'};
}
