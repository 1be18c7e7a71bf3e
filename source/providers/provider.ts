import type {RunList} from '../model/run-list.js';
import type {
	LogTail,
	Progress,
	Run,
	RunKind,
	Session,
	Statement,
} from '../model/types.js';
import type {CredentialIdentity} from './auth/credential-identity.js';

/**
 * What the store knows of a provider: optional capabilities bound to one target
 * (one endpoint with its credentials). A provider offers only what its service can do.
 */
export type Provider = {
	readonly id: string;
	/** The kinds of run it lists, to look a run up by its bare id. */
	readonly kinds: readonly RunKind[];
	/** Name of the target on screen and in run keys. */
	readonly target: string;
	/** Where it points, for the status line; never carries credentials. */
	readonly endpoint: string;
	/** Where its credentials come from and whom they name, for `sparktop doctor`; absent when it sends none. */
	readonly identity?: CredentialIdentity;
	readonly listRuns?: (signal: AbortSignal) => Promise<RunList>;
	readonly getRun?: (run: Run, signal: AbortSignal) => Promise<Session>;
	readonly listStatements?: (
		run: Run,
		signal: AbortSignal,
	) => Promise<Statement[]>;
	readonly getProgress?: (run: Run, signal: AbortSignal) => Promise<Progress>;
	readonly getLog?: (run: Run, signal: AbortSignal) => Promise<LogTail>;
	/** Adds a statement to a session's Statements, for services that cannot list them (EMR Serverless SQL). */
	readonly watchStatement?: (run: Run, statementId: string) => void;
	/** Mutating actions: offered to the user only with --write, and only after a confirmation. */
	readonly cancelRun?: (run: Run, signal: AbortSignal) => Promise<void>;
	readonly cancelStatement?: (
		run: Run,
		statement: Statement,
		signal: AbortSignal,
	) => Promise<void>;
};

export function runKey(target: string, kind: string, id: string): string {
	return `${target}:${kind}:${id}`;
}
