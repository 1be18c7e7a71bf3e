import {didYouMean} from '../text/closest.js';
import {columnIds, type ColumnId} from './render/run-columns.js';
import {sortBy} from './render/run-order.js';
import {parseRunFilter} from './run-filter.js';

/** What the `:` command line understands (k9s style). */
export type Command =
	| {readonly type: 'filter'; readonly text: string; readonly label: string}
	| {
			readonly type: 'sort';
			readonly column: ColumnId | 'attention';
			readonly descending: boolean;
	  }
	| {readonly type: 'run'; readonly id: string}
	| {readonly type: 'statement'; readonly id: string}
	| {readonly type: 'quit'}
	| {readonly type: 'help'}
	| {readonly type: 'empty'}
	| {readonly type: 'error'; readonly text: string};

/** What completion and targets need to know of the screen. */
export type CommandContext = {
	readonly targets: readonly string[];
};

type CommandSpec = {
	readonly name: string;
	readonly aliases?: readonly string[];
	/** What its argument is, for the help and completion. */
	readonly argument?: 'target' | 'column' | 'id' | 'expression';
	readonly does: string;
	readonly parse: (argument: string, context: CommandContext) => Command;
};

const filterTo = (text: string, label: string): Command => ({
	type: 'filter',
	text,
	label,
});

const sortColumns = ['attention', ...columnIds] as const;

export const commands: readonly CommandSpec[] = [
	{
		name: 'runs',
		aliases: ['all'],
		does: 'every run (clears the filter)',
		parse: () => filterTo('', 'every run'),
	},
	{
		name: 'sessions',
		does: 'only sessions',
		parse: () => filterTo('kind:session', 'sessions'),
	},
	{
		name: 'batches',
		does: 'only batches',
		parse: () => filterTo('kind:batch', 'batches'),
	},
	{
		name: 'apps',
		aliases: ['applications'],
		does: 'only Spark applications',
		parse: () => filterTo('kind:application', 'Spark applications'),
	},
	{
		name: 'failed',
		does: 'only failed and killed runs',
		parse: () => filterTo('state:failed,killed', 'failed and killed runs'),
	},
	{
		name: 'target',
		argument: 'target',
		does: 'only the runs of one target',
		parse(argument, {targets}) {
			if (!argument) {
				return {
					type: 'error',
					text: `target needs a name (${targets.join(', ')})`,
				};
			}

			return targets.includes(argument)
				? filterTo(`target:${argument}`, `runs of ${argument}`)
				: {
						type: 'error',
						text: `no target "${argument}"${didYouMean(argument, targets)} (targets: ${targets.join(', ')})`,
					};
		},
	},
	{
		name: 'run',
		argument: 'id',
		does: 'jump to a run by id (asked of its provider when not listed)',
		parse: argument =>
			argument
				? {type: 'run', id: argument}
				: {type: 'error', text: 'run needs an id'},
	},
	{
		name: 'sort',
		argument: 'column',
		does: 'sort by a column (times, durations and costs biggest first); add asc or desc',
		parse(argument) {
			const [name = '', direction = ''] = argument.toLowerCase().split(/\s+/v);
			if (!(sortColumns as readonly string[]).includes(name)) {
				return {
					type: 'error',
					text: `no column "${name}"${didYouMean(name, sortColumns)} (columns: ${sortColumns.join(', ')})`,
				};
			}

			if (direction !== '' && direction !== 'asc' && direction !== 'desc') {
				return {type: 'error', text: 'sort takes asc or desc after the column'};
			}

			const sort = sortBy(name as ColumnId | 'attention');
			return {
				type: 'sort',
				column: sort.column,
				descending: direction === '' ? sort.descending : direction === 'desc',
			};
		},
	},
	{
		name: 'filter',
		argument: 'expression',
		does: 'filter the runs as / does',
		parse(argument) {
			const parsed = parseRunFilter(argument);
			return parsed.ok
				? filterTo(argument, argument ? `/${argument}` : 'every run')
				: {type: 'error', text: `filter: ${parsed.error}`};
		},
	},
	{
		name: 'statement',
		aliases: ['st'],
		argument: 'id',
		does: 'watch a SQL statement on the selected session (EMR Serverless)',
		parse: argument =>
			argument
				? {type: 'statement', id: argument}
				: {type: 'error', text: 'statement needs a statement id'},
	},
	{
		name: 'help',
		aliases: ['?'],
		does: 'the commands',
		parse: () => ({type: 'help'}),
	},
	{
		name: 'quit',
		aliases: ['q', 'q!'],
		does: 'quit',
		parse: () => ({type: 'quit'}),
	},
];

function specOf(name: string): CommandSpec | undefined {
	const lower = name.toLowerCase();
	return commands.find(
		command => command.name === lower || command.aliases?.includes(lower),
	);
}

/** One line listing every command, for `:help` and mistakes. */
export const commandHelp = commands
	.map(
		command =>
			`:${command.name}${command.argument ? ` ${command.argument.toUpperCase()}` : ''}`,
	)
	.join('  ');

export function parseCommand(text: string, context: CommandContext): Command {
	const trimmed = text.trim();
	if (trimmed === '') {
		return {type: 'empty'};
	}

	const [name = ''] = trimmed.split(/\s/v, 1);
	const argument = trimmed.slice(name.length).trim();
	const spec = specOf(name);
	if (!spec) {
		const names = commands.flatMap(command => [
			command.name,
			...(command.aliases ?? []),
		]);
		return {
			type: 'error',
			text: `unknown command "${name}"${didYouMean(name, names)}; :help lists them`,
		};
	}

	return spec.parse(argument, context);
}

/** The longest text every one of `words` starts with. */
function commonPrefix(words: readonly string[]): string {
	let prefix = words[0] ?? '';
	for (const word of words) {
		while (!word.startsWith(prefix)) {
			prefix = prefix.slice(0, -1);
		}
	}

	return prefix;
}

export type Completion = {
	/** The line completed as far as it is certain. */
	readonly text: string;
	/** What it could go on with, when there is a choice. */
	readonly choices: readonly string[];
};

/** Completes the command name, or its argument (a target, a column), as Tab does in a shell. */
export function completeCommand(
	text: string,
	context: CommandContext,
): Completion {
	const space = text.indexOf(' ');
	if (space === -1) {
		const matches = commands
			.map(command => command.name)
			.filter(name => name.startsWith(text.toLowerCase()));
		if (matches.length === 1) {
			const spec = specOf(matches[0]!)!;
			return {text: `${spec.name}${spec.argument ? ' ' : ''}`, choices: []};
		}

		return {text: commonPrefix(matches) || text, choices: matches};
	}

	const spec = specOf(text.slice(0, space));
	const argument = text.slice(space + 1);
	const candidates =
		spec?.argument === 'target'
			? context.targets
			: spec?.argument === 'column'
				? sortColumns
				: [];
	const matches = candidates.filter(candidate =>
		candidate.startsWith(argument),
	);
	if (matches.length === 1) {
		return {text: `${text.slice(0, space + 1)}${matches[0]!}`, choices: []};
	}

	return {
		text: `${text.slice(0, space + 1)}${commonPrefix(matches) || argument}`,
		choices: matches,
	};
}
