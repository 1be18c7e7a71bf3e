import stringWidth from 'string-width';
import {isProviderError} from '../http/provider-error.js';
import {statementFailure} from '../model/statement-outcome.js';
import type {Zone} from '../model/time-format.js';
import {taskBar, stageLabel} from '../model/task-bar.js';
import type {Run, RunKind} from '../model/types.js';
import type {Provider} from '../providers/provider.js';
import {fit} from '../ui/render/line.js';
import {columnById, type ColumnId} from '../ui/render/run-columns.js';
import {sortBy, sortRuns} from '../ui/render/run-order.js';
import {sanitizeLine} from '../text/sanitize.js';
import {findRuns, parseRunName} from '../store/find-run.js';
import {onceJson} from './once-json.js';

export type OnceCommand = 'runs' | 'sessions' | 'statements' | 'progress';

/** How long a snapshot may take by default, all requests included (`--timeout`). */
export const defaultOnceTimeoutSeconds = 60;

export type OnceOptions = {
	readonly command: OnceCommand;
	readonly argument?: string;
	readonly json: boolean;
	readonly providers: readonly Provider[];
	readonly now: number;
	readonly write: (text: string) => void;
	/** Says on stderr which target failed, and why; the others are still printed. */
	readonly warn: (text: string) => void;
	/** The snapshot gives up after this long. */
	readonly timeoutSeconds?: number;
	readonly zone: Zone;
};

/** The columns of `runs --once`: the Runs pane's own, in the order scripts have read them. */
const onceColumns = (
	[
		'target',
		'kind',
		'id',
		'state',
		'name',
		'owner',
		'submitted',
		'age',
		'duration',
	] as const satisfies readonly ColumnId[]
).map(id => columnById(id));

/** A run that cannot be found, or found more than once: exit 1. */
export class OnceError extends Error {
	override readonly name = 'OnceError';
}

/** What a snapshot came to: 1 when a target failed (what the others had is printed all the same). */
export type OnceOutcome = {readonly failed: number};

type Listed = {
	readonly provider: Provider;
	readonly runs: readonly Run[];
	readonly error?: unknown;
};

/** Every provider's runs, listed in parallel; a failing one leaves the others. */
async function listEvery(
	providers: readonly Provider[],
	signal: AbortSignal,
): Promise<Listed[]> {
	return Promise.all(
		providers.map(async (provider): Promise<Listed> => {
			try {
				return {
					provider,
					runs: provider.listRuns ? await provider.listRuns(signal) : [],
				};
			} catch (error) {
				return {provider, runs: [], error};
			}
		}),
	);
}

/** What went wrong, where a request cut short by the deadline says so rather than "aborted". */
function describe(
	error: unknown,
	deadline: AbortSignal,
	seconds: number,
): string {
	if (isProviderError(error)) {
		return deadline.aborted && error.kind === 'aborted'
			? `${error.provider} ${error.operation}: no complete answer within ${seconds}s (--timeout)`
			: error.summary();
	}

	return error instanceof Error ? error.message : String(error);
}

/** Runs one provider call of the snapshot, turning a deadline abort into a plain sentence. */
async function withinDeadline<T>(
	call: Promise<T>,
	deadline: AbortSignal,
	seconds: number,
): Promise<T> {
	try {
		return await call;
	} catch (error) {
		if (deadline.aborted) {
			throw new OnceError(describe(error, deadline, seconds));
		}

		throw error;
	}
}

/** A cell of a --once table is at most this many terminal cells wide (a 10 MB name is no column). */
const maxCell = 60;

function table(
	headers: readonly string[],
	rows: ReadonlyArray<readonly string[]>,
): string {
	const clean = rows.map(row =>
		row.map(cell => {
			const text = sanitizeLine(cell.slice(0, maxCell * 4));
			return stringWidth(text) > maxCell ? fit(text, maxCell).trimEnd() : text;
		}),
	);
	// Terminal cells, not code units: CJK names take two cells each.
	const widths = headers.map((header, index) =>
		Math.max(
			stringWidth(header),
			...clean.map(row => stringWidth(row[index] ?? '')),
		),
	);
	const line = (cells: readonly string[]) =>
		cells
			.map(
				(cell, index) =>
					cell +
					' '.repeat(Math.max(0, (widths[index] ?? 0) - stringWidth(cell))),
			)
			.join('  ')
			.trimEnd();
	return [line(headers), ...clean.map(row => line(row))].join('\n') + '\n';
}

/**
 * Finds the run an argument names among the listed runs, or asks the providers for it by id;
 * more than one match is an error that lists them: a bare id may be a session and a batch.
 */
async function findRun(
	listed: readonly Listed[],
	argument: string | undefined,
	wanted: (provider: Provider, kind: RunKind) => boolean,
	signal: AbortSignal,
): Promise<[Provider, Run]> {
	if (!argument) {
		throw new OnceError(
			'which run? give its id (or kind:id, or target:kind:id)',
		);
	}

	const found = await findRuns(
		listed.map(item => item.provider),
		listed.flatMap(item => item.runs),
		parseRunName(argument),
		{wanted, signal},
	);
	if (found.length > 1) {
		throw new OnceError(
			`"${argument}" names ${found.length} runs; say which: ${found.map(({run}) => run.key).join(', ')}`,
		);
	}

	const [first] = found;
	if (!first) {
		throw new OnceError(
			`no run "${argument}" found on ${listed.map(({provider}) => provider.target).join(', ')}`,
		);
	}

	return [first.provider, first.run];
}

/** One snapshot, printed as a table or as JSON, for scripts and quick looks. */
export async function runOnce(options: OnceOptions): Promise<OnceOutcome> {
	const {providers, now, write, warn} = options;
	const seconds = options.timeoutSeconds ?? defaultOnceTimeoutSeconds;
	const signal = AbortSignal.timeout(seconds * 1000);
	const listed = await listEvery(providers, signal);
	const failures = listed
		.map(item => ({
			...item,
			why:
				item.error === undefined
					? undefined
					: describe(item.error, signal, seconds),
		}))
		.filter(item => item.why !== undefined);
	for (const {provider, why} of failures) {
		warn(`target "${provider.target}" failed: ${why}`);
	}

	const failed = failures.length;
	const failedJson = failures.map(({provider, why}) => ({
		target: provider.target,
		error: why,
	}));
	switch (options.command) {
		case 'runs':
		case 'sessions': {
			if (failed === listed.length) {
				// Nothing answered: the stderr lines say it all.
				return {failed};
			}

			// Newest first, all targets together, as `| head` expects (providers list in their own orders).
			const runs = sortRuns(
				listed
					.flatMap(item => item.runs)
					.filter(run => options.command === 'runs' || run.kind === 'session'),
				sortBy('submitted'),
				now,
			);
			write(
				options.json
					? onceJson(options.command, now, {runs, failed: failedJson})
					: table(
							onceColumns.map(column => column.title),
							runs.map(run =>
								onceColumns.map(column =>
									column.text(run, {now, zone: options.zone}),
								),
							),
						),
			);
			return {failed};
		}

		case 'statements': {
			const [provider, run] = await findRun(
				listed,
				options.argument,
				(item, kind) => Boolean(item.listStatements) && kind === 'session',
				signal,
			);
			const statements = await withinDeadline(
				provider.listStatements!(run, signal),
				signal,
				seconds,
			);
			write(
				options.json
					? onceJson('statements', now, {run, statements})
					: table(
							['ID', 'STATE', 'PROGRESS', 'OUTPUT', 'CODE'],
							statements.map(statement => [
								statement.id,
								statementFailure(statement) === undefined
									? statement.rawState
									: 'failed',
								statement.progress === undefined
									? ''
									: `${Math.round(statement.progress * 100)}%`,
								statementFailure(statement) ?? statement.output?.status ?? '',
								statement.code.split('\n')[0] ?? '',
							]),
						),
			);
			return {failed: 0};
		}

		case 'progress': {
			const [provider, run] = await findRun(
				listed,
				options.argument,
				item => Boolean(item.getProgress),
				signal,
			);
			const progress = await withinDeadline(
				provider.getProgress!(run, signal),
				signal,
				seconds,
			);
			write(
				options.json
					? onceJson('progress', now, {run, progress})
					: table(
							['JOB', 'STATUS', 'TASKS', 'STAGES', 'NAME'],
							progress.jobs.map(job => [
								String(job.id),
								job.rawStatus,
								taskBar(job.tasks).label,
								stageLabel(job.stages),
								job.description ?? job.name,
							]),
						),
			);
			return {failed: 0};
		}
	}
}
