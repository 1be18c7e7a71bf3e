import stringWidth from 'string-width';
import {formatClock, formatDuration, runDuration} from '../model/format.js';
import {taskBar, stageLabel} from '../model/task-bar.js';
import type {Run} from '../model/types.js';
import type {Provider} from '../providers/provider.js';
import {sanitizeLine} from '../text/sanitize.js';

export type OnceCommand = 'runs' | 'sessions' | 'statements' | 'progress';

export type OnceOptions = {
	readonly command: OnceCommand;
	readonly argument?: string;
	readonly json: boolean;
	readonly providers: readonly Provider[];
	readonly now: number;
	readonly write: (text: string) => void;
};

export class OnceError extends Error {
	override readonly name = 'OnceError';
}

/** Model objects for scripts: the raw wire body is left out. */
function withoutRaw<T extends {raw?: unknown}>(item: T): Omit<T, 'raw'> {
	const {raw, ...rest} = item;
	return rest;
}

/** Every provider with its runs, listed in parallel. */
async function runsByProvider(
	providers: readonly Provider[],
	signal: AbortSignal,
): Promise<Array<readonly [Provider, Run[]]>> {
	return Promise.all(
		providers.map(
			async provider =>
				[
					provider,
					provider.listRuns ? await provider.listRuns(signal) : [],
				] as const,
		),
	);
}

function table(
	headers: readonly string[],
	rows: ReadonlyArray<readonly string[]>,
): string {
	const clean = rows.map(row => row.map(cell => sanitizeLine(cell)));
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

/** Finds the run an argument names: its full key (`target:kind:id`), `kind:id`, or the bare id. */
async function findRun(
	providers: readonly Provider[],
	signal: AbortSignal,
	argument: string | undefined,
	wanted: (provider: Provider, run: Run) => boolean,
): Promise<[Provider, Run]> {
	if (!argument) {
		throw new OnceError('which run? give its id (or target:kind:id)');
	}

	for (const [provider, runs] of await runsByProvider(providers, signal)) {
		const run = runs.find(
			item =>
				wanted(provider, item) &&
				(item.key === argument ||
					`${item.kind}:${item.id}` === argument ||
					item.id === argument),
		);
		if (run) {
			return [provider, run];
		}
	}

	throw new OnceError(
		`no run "${argument}" found on ${providers.map(provider => provider.target).join(', ')}`,
	);
}

/** One snapshot, printed as a table or as JSON, for scripts and quick looks. */
export async function runOnce(options: OnceOptions): Promise<void> {
	const {providers, now, write} = options;
	const signal = AbortSignal.timeout(60_000);
	switch (options.command) {
		case 'runs':
		case 'sessions': {
			const listed = await runsByProvider(providers, signal);
			const runs = listed
				.flatMap(([, runs]) => runs)
				.filter(run => options.command === 'runs' || run.kind === 'session');
			write(
				options.json
					? JSON.stringify(
							runs.map(run => withoutRaw(run)),
							undefined,
							2,
						) + '\n'
					: table(
							[
								'TARGET',
								'KIND',
								'ID',
								'STATE',
								'NAME',
								'OWNER',
								'SUBMITTED',
								'DURATION',
							],
							runs.map(run => [
								run.target,
								run.kind,
								run.id,
								run.rawState,
								run.name ?? '',
								run.owner ?? '',
								formatClock(run.submittedAt, now),
								formatDuration(runDuration(run, now)),
							]),
						),
			);
			return;
		}

		case 'statements': {
			const [provider, run] = await findRun(
				providers,
				signal,
				options.argument,
				(item, candidate) =>
					Boolean(item.listStatements) && candidate.kind === 'session',
			);
			const statements = await provider.listStatements!(run, signal);
			write(
				options.json
					? JSON.stringify(statements, undefined, 2) + '\n'
					: table(
							['ID', 'STATE', 'PROGRESS', 'OUTPUT', 'CODE'],
							statements.map(statement => [
								statement.id,
								statement.rawState,
								statement.progress === undefined
									? ''
									: `${Math.round(statement.progress * 100)}%`,
								statement.output?.errorName ?? statement.output?.status ?? '',
								statement.code.split('\n')[0] ?? '',
							]),
						),
			);
			return;
		}

		case 'progress': {
			const [provider, run] = await findRun(
				providers,
				signal,
				options.argument,
				item => Boolean(item.getProgress),
			);
			const progress = await provider.getProgress!(run, signal);
			write(
				options.json
					? JSON.stringify(progress.jobs, undefined, 2) + '\n'
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
		}
	}
}
