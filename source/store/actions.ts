import {isTerminalRunState, isTerminalStatementState} from '../model/states.js';
import type {Run, Statement} from '../model/types.js';
import type {Provider} from '../providers/provider.js';
import {detailResource, statementsResource} from './resources.js';

/**
 * A mutating request the user asked for and confirmed. Only the store runs it; the views describe
 * it and show how it went. `refreshKeys` are the resources it changes, polled again right after.
 */
export type Action = {
	/** What it does, for the confirmation and the outcome: `cancel statement #3 of session 7`. */
	readonly label: string;
	readonly perform: (signal: AbortSignal) => Promise<void>;
	readonly refreshKeys: readonly string[];
};

/** Why an action cannot be offered, or the action itself. */
export type ActionOffer =
	| {readonly ok: true; readonly action: Action}
	| {readonly ok: false; readonly reason: string};

export function cancelRunAction(provider: Provider, run: Run): ActionOffer {
	const {cancelRun} = provider;
	if (!cancelRun) {
		return {
			ok: false,
			reason: `${provider.id} runs cannot be cancelled from here`,
		};
	}

	if (isTerminalRunState(run.state)) {
		return {
			ok: false,
			reason: `${run.kind} ${run.id} has already ended (${run.rawState || run.state})`,
		};
	}

	return {
		ok: true,
		action: {
			label: `cancel ${run.kind} ${run.id}${run.name ? ` (${run.name})` : ''} on ${run.target}`,
			perform: async signal => cancelRun(run, signal),
			refreshKeys: [
				`runs:${run.target}`,
				...[detailResource(provider, run)?.key ?? []].flat(),
			],
		},
	};
}

export function cancelStatementAction(
	provider: Provider,
	run: Run,
	statement: Statement,
): ActionOffer {
	const {cancelStatement} = provider;
	if (!cancelStatement) {
		return {
			ok: false,
			reason: `${provider.id} statements cannot be cancelled from here`,
		};
	}

	if (isTerminalStatementState(statement.state)) {
		return {
			ok: false,
			reason: `statement #${statement.id} has already finished (${statement.rawState || statement.state})`,
		};
	}

	return {
		ok: true,
		action: {
			label: `cancel statement #${statement.id} of session ${run.id}${run.name ? ` (${run.name})` : ''} on ${run.target}`,
			perform: async signal => cancelStatement(run, statement, signal),
			refreshKeys: [
				...[statementsResource(provider, run)?.key ?? []].flat(),
				...[detailResource(provider, run)?.key ?? []].flat(),
			],
		},
	};
}
