import {useContext} from 'react';
import type {Run, Statement} from '../model/types.js';
import type {Provider} from '../providers/provider.js';
import {watchStatement} from '../store/resources.js';
import {cancelOffer} from './cancel-offer.js';
import {ClipboardContext} from './clipboard-context.js';
import {commandHelp, parseCommand} from './command-line.js';
import type {NavigationAction, PaneId} from './navigation.js';
import {useStore} from './store-context.js';
import type {useActionPrompt} from './use-action-prompt.js';

/** What the keys act on: the selected run and statement, as the keys so far left them. */
export type CurrentSelection = {
	readonly focus: PaneId;
	readonly run?: Run;
	readonly provider?: Provider;
	readonly statement?: Statement;
	/** The value of the Detail line under the cursor. */
	readonly detailValue?: {readonly label: string; readonly text: string};
};

/** What keys do to the selected run and statement: offer a cancel, copy an id or link, run a `:` command. */
export function useSelectionActions(options: {
	readonly selection: () => CurrentSelection;
	readonly dispatch: (action: NavigationAction) => void;
	readonly prompt: ReturnType<typeof useActionPrompt>;
	readonly write: boolean;
	readonly exit: () => void;
	/** Selects a run by id, asking the providers for it when the list lacks it. */
	readonly jump: (id: string) => Promise<void>;
	readonly targets: readonly string[];
}) {
	const {selection, dispatch, prompt, write, exit, jump, targets} = options;
	const store = useStore();
	const copy = useContext(ClipboardContext);

	const offerCancel = () => {
		prompt.offer(cancelOffer({write, ...selection()}));
	};

	/** Copies (y) the run's id, the selected statement's code or a Detail value; (Y) the run's Spark UI link. */
	const copySelection = (what: 'id' | 'link' | 'field') => {
		const {run, statement, focus, detailValue} = selection();
		const [label, text] =
			what === 'link'
				? ['Spark UI link', run?.sparkUiUrl]
				: what === 'field'
					? [detailValue?.label ?? 'value', detailValue?.text]
					: focus === 'statements' && statement
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
		const command = parseCommand(text, {targets});
		switch (command.type) {
			case 'filter': {
				dispatch({type: 'setFilter', text: command.text});
				prompt.say(`showing ${command.label}`, 'ok');
				break;
			}

			case 'sort': {
				dispatch({
					type: 'setSort',
					sort: {column: command.column, descending: command.descending},
				});
				break;
			}

			case 'run': {
				void jump(command.id);
				break;
			}

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

			case 'error': {
				prompt.say(command.text, 'waiting');
				break;
			}

			case 'empty': {
				break;
			}
		}
	};

	return {offerCancel, copySelection, runCommand};
}
