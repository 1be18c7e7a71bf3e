import {commandHelp} from '../command-line.js';
import {
	type Binding,
	keyBindings,
	keysLabel,
	type Scope,
} from '../keys/key-bindings.js';
import {keyLabel} from '../keys/key-names.js';
import {paneTitles} from '../navigation.js';
import {fit, heading, type Line} from './line.js';

const scopeTitles: Readonly<Record<Scope, string>> = {
	anywhere: 'Anywhere',
	...paneTitles,
	help: 'In this help',
	log: 'In the log (l)',
	'log search': 'Typing a / search in the log',
	'filter line': 'Typing a / filter',
	'command line': 'Typing a : command',
	question: 'Asked y/N',
};

/** The help overlay's lines: every binding of the key table, by where it applies, and the : commands. */
export function helpLines(write: boolean): Line[] {
	const lines: Line[] = [];
	for (const scope of Object.keys(scopeTitles) as Scope[]) {
		const bindings = keyBindings.filter(binding => binding.scope === scope);
		if (bindings.length === 0) {
			continue;
		}

		lines.push(heading(scopeTitles[scope]));
		for (const binding of bindings) {
			lines.push([
				{text: `  ${fit(keysLabel(binding), 18)}`, tone: 'accent'},
				{
					text:
						binding.mutates && !write
							? `${binding.does} (off: read-only)`
							: binding.does,
					tone: binding.mutates && !write ? 'muted' : undefined,
				},
			]);
		}
	}

	lines.push(heading('Commands'), [{text: `  ${commandHelp}`}]);
	return lines;
}

function hintOf(binding: Binding): string {
	return `${keyLabel(binding.keys[0] ?? '')}:${binding.hint ?? ''}`;
}

/** Hints always shown, whatever the width: how to get help and how to leave. */
const pinned = new Set(['help', 'quit']);

/**
 * The hint line for where the keys go now: the bindings of those scopes that have a hint, in
 * table order, as many as fit in `width` cells, always ending with `?:help` and `q:quit`.
 */
export function hintLine(
	scopes: readonly Scope[],
	write: boolean,
	width: number,
): string {
	const seen = new Set<string>();
	const hints: Binding[] = [];
	for (const scope of scopes) {
		for (const binding of keyBindings) {
			if (
				binding.scope === scope &&
				binding.hint !== undefined &&
				!seen.has(binding.hint) &&
				(write || !binding.mutates)
			) {
				seen.add(binding.hint);
				hints.push(binding);
			}
		}
	}

	const last = hints.filter(binding => pinned.has(binding.hint ?? ''));
	const ending = last.map(binding => hintOf(binding)).join('  ');
	let text = '';
	for (const binding of hints) {
		if (pinned.has(binding.hint ?? '')) {
			continue;
		}

		const next = text === '' ? hintOf(binding) : `${text}  ${hintOf(binding)}`;
		if (next.length + 2 + ending.length > width) {
			break;
		}

		text = next;
	}

	return text === '' ? ending : `${text}  ${ending}`;
}
