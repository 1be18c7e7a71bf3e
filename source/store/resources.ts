import {isTerminalRunState} from '../model/states.js';
import type {
	LogTail,
	Progress,
	Run,
	Session,
	Statement,
} from '../model/types.js';
import type {ProviderError} from '../http/provider-error.js';
import type {Provider} from '../providers/provider.js';
import type {ResourceSpec} from './resource-snapshot.js';

/** What the panes poll. Keys name the target and run, so every target and run polls on its own schedule. */

export function runsResource(
	provider: Provider,
): ResourceSpec<Run[]> | undefined {
	const {listRuns} = provider;
	return listRuns && {key: `runs:${provider.target}`, load: listRuns};
}

/**
 * For a finished run, "not found" or "not active" is the final answer: Livy forgets finished runs
 * after its retention time and stops serving a dead session's statements.
 */
function goneOnceFinished(run: Run): (error: ProviderError) => boolean {
	return error =>
		isTerminalRunState(run.state) &&
		(error.status === 400 || error.status === 404 || error.status === 410);
}

export function detailResource(
	provider: Provider,
	run: Run,
): ResourceSpec<Session> | undefined {
	const {getRun} = provider;
	return (
		getRun && {
			key: `detail:${run.key}`,
			load: async signal => getRun(run, signal),
			isSettled: detail => isTerminalRunState(detail.state),
			isFinal: goneOnceFinished(run),
		}
	);
}

export function statementsResource(
	provider: Provider,
	run: Run,
): ResourceSpec<Statement[]> | undefined {
	const {listStatements} = provider;
	if (!listStatements || run.kind !== 'session') {
		return undefined;
	}

	return {
		key: `statements:${run.key}`,
		load: async signal => listStatements(run, signal),
		// A finished session runs no more statements.
		isSettled: () => isTerminalRunState(run.state),
		isFinal: goneOnceFinished(run),
	};
}

export function progressResource(
	provider: Provider,
	run: Run,
): ResourceSpec<Progress> | undefined {
	const {getProgress} = provider;
	return (
		getProgress && {
			key: `progress:${run.key}`,
			load: async signal => getProgress(run, signal),
			isSettled: progress =>
				progress.final === true ||
				(isTerminalRunState(run.state) &&
					progress.jobs.every(job => job.status !== 'running')),
			isFinal: goneOnceFinished(run),
		}
	);
}

export function logResource(
	provider: Provider,
	run: Run,
): ResourceSpec<LogTail> | undefined {
	const {getLog} = provider;
	return (
		getLog && {
			key: `log:${run.key}`,
			load: async signal => getLog(run, signal),
			isSettled: () => isTerminalRunState(run.state),
			isFinal: goneOnceFinished(run),
		}
	);
}

/**
 * Adds a statement id to a session's Statements, for services without a statement list
 * (EMR Serverless SQL), and polls the statements at once. False when the provider cannot.
 */
export function watchStatement(
	store: {refresh(key?: string): void},
	provider: Provider,
	run: Run,
	statementId: string,
): boolean {
	const spec = statementsResource(provider, run);
	if (!provider.watchStatement || !spec) {
		return false;
	}

	provider.watchStatement(run, statementId);
	store.refresh(spec.key);
	return true;
}
