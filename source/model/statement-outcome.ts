import type {Statement} from './types.js';

/**
 * Why a statement failed, or undefined when it did not: Livy (and Synapse, DLA) report a statement
 * whose code raised as `available` with an error output, so the state alone does not tell.
 * The error's name where the output gives one (`AnalysisException`), else `error`.
 */
export function statementFailure(statement: Statement): string | undefined {
	const {output} = statement;
	if (output?.status === 'error') {
		return output.errorName ?? 'error';
	}

	return statement.state === 'error' ? 'error' : undefined;
}
