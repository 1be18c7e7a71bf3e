/** What the `:` command line understands (k9s style). */
export type Command =
	| {readonly type: 'statement'; readonly id: string}
	| {readonly type: 'quit'}
	| {readonly type: 'help'}
	| {readonly type: 'empty'}
	| {readonly type: 'unknown'; readonly text: string};

export const commandHelp =
	':statement ID (watch a SQL statement)  :help  :quit';

export function parseCommand(text: string): Command {
	const [name = '', ...rest] = text.trim().split(/\s+/v);
	const argument = rest.join(' ');
	switch (name.toLowerCase()) {
		case '': {
			return {type: 'empty'};
		}

		case 'statement':
		case 'st': {
			return argument
				? {type: 'statement', id: argument}
				: {type: 'unknown', text: `${name} needs a statement id`};
		}

		case 'q':
		case 'quit': {
			return {type: 'quit'};
		}

		case 'help':
		case '?': {
			return {type: 'help'};
		}

		default: {
			return {type: 'unknown', text: `unknown command "${name}"`};
		}
	}
}
