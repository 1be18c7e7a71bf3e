import {type RefObject, useContext} from 'react';
import type {Run, Statement} from '../model/types.js';
import {statementsResource, watchStatement} from '../store/resources.js';
import {cancelOffer} from './cancel-offer.js';
import {ClipboardContext} from './clipboard-context.js';
import {commandHelp, parseCommand} from './command-line.js';
import {
	type Navigation,
	type NavigationAction,
	selectedRunIndex,
} from './navigation.js';
import {ProvidersContext} from './providers-context.js';
import {selectedStatement} from './render/statement-lines.js';
import {useStore} from './store-context.js';
import type {useActionPrompt} from './use-action-prompt.js';

/**
 * What keys do to the selected run and statement: offer a cancel, copy an id or link, run a `:`
 * command. The selection is read as the keys so far left it, which may be ahead of the last frame.
 */
export function useSelectionActions(options: {
	readonly runs: readonly Run[];
	readonly current: RefObject<Navigation>;
	readonly dispatch: (action: NavigationAction) => void;
	readonly prompt: ReturnType<typeof useActionPrompt>;
	readonly write: boolean;
	readonly exit: () => void;
}) {
	const {runs, current, dispatch, prompt, write, exit} = options;
	const store = useStore();
	const providers = useContext(ProvidersContext);
	const copy = useContext(ClipboardContext);

	const selection = () => {
		const run = runs[selectedRunIndex(runs, current.current)];
		const provider = run && providers.get(run.target);
		const statementsKey =
			provider && run ? statementsResource(provider, run)?.key : undefined;
		const statements = statementsKey
			? store.getSnapshot<Statement[]>(statementsKey).data
			: undefined;
		return {
			run,
			provider,
			statement: statements
				? selectedStatement(statements, current.current.statement)
				: undefined,
		};
	};

	const offerCancel = () => {
		prompt.offer(
			cancelOffer({write, focus: current.current.focus, ...selection()}),
		);
	};

	/** Copies (y) the run's id, or the selected statement's code; (Y) the run's Spark UI link. */
	const copySelection = (what: 'id' | 'link') => {
		const {run, statement} = selection();
		const [label, text] =
			what === 'link'
				? ['Spark UI link', run?.sparkUiUrl]
				: current.current.focus === 'statements' && statement
					? [`code of statement #${statement.id}`, statement.code]
					: [`id of ${run?.kind ?? 'run'} ${run?.id ?? ''}`, run?.id];
		if (text) {
			copy(text);
			prompt.say(`copied the ${label} (OSC 52)`, 'ok');
		} else {
			prompt.say(run ? `no ${label} to copy` : 'select a run first', 'waiting');
		}
	};

	const runCommand = (text: string) => {
		const command = parseCommand(text);
		switch (command.type) {
			case 'statement': {
				const {run, provider} = selection();
				if (!run || !provider) {
					prompt.say('select a session first', 'waiting');
				} else if (watchStatement(store, provider, run, command.id)) {
					prompt.say(
						`watching statement ${command.id} on ${run.kind} ${run.id}`,
						'ok',
					);
					dispatch({type: 'focus', pane: 'statements'});
				} else {
					prompt.say(
						`${provider.id} lists statements itself; nothing to add on ${run.kind} ${run.id}`,
						'waiting',
					);
				}

				break;
			}

			case 'quit': {
				exit();
				break;
			}

			case 'help': {
				prompt.say(commandHelp, 'muted');
				break;
			}

			case 'unknown': {
				prompt.say(`${command.text}; try ${commandHelp}`, 'waiting');
				break;
			}

			case 'empty': {
				break;
			}
		}
	};

	return {offerCancel, copySelection, runCommand};
}
