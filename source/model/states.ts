import type {RunState, StatementState} from './types.js';

/** A provider's raw state words, lower case, and what each means in the model. */
export type StateTable<State extends string> = Readonly<Record<string, State>>;

/** The normalised state of a raw word (matched case-insensitively); `unknown` for words the table lacks. */
export function stateIn<State extends string>(
	table: StateTable<State>,
	raw: string | undefined,
): State | 'unknown' {
	return table[(raw ?? '').toLowerCase()] ?? 'unknown';
}

const terminalRunStates = new Set<RunState>([
	'succeeded',
	'failed',
	'cancelled',
	'killed',
]);

/** A run in one of these states will not change again, so it is not polled again. */
export function isTerminalRunState(state: RunState): boolean {
	return terminalRunStates.has(state);
}

const terminalStatementStates = new Set<StatementState>([
	'available',
	'error',
	'cancelled',
]);

export function isTerminalStatementState(state: StatementState): boolean {
	return terminalStatementStates.has(state);
}
