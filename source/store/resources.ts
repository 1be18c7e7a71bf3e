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

/** The server no longer knows the thing or will not answer for it any more. */
function isGone(error: ProviderError): boolean {
	return error.status === 400 || error.status === 404 || error.status === 410;
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
			// Livy forgets finished runs after its retention time.
			isFinal: error => isTerminalRunState(run.state) && isGone(error),
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
		// A finished session runs no more statements, and Livy stops answering for them (400).
		isSettled: () => isTerminalRunState(run.state),
		isFinal: error => isTerminalRunState(run.state) && isGone(error),
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
				isTerminalRunState(run.state) &&
				progress.jobs.every(job => job.status !== 'running'),
			isFinal: error => isTerminalRunState(run.state) && isGone(error),
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
			isFinal: error => isTerminalRunState(run.state) && isGone(error),
		}
	);
}
