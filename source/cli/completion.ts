/** What `sparktop completion SHELL` completes: read from the flags, the providers and the config file. */
export type CompletionWords = {
	readonly commands: readonly string[];
	/** Flags without their dashes, and whether each takes a value. */
	readonly flags: ReadonlyArray<{
		readonly name: string;
		readonly value: boolean;
	}>;
	readonly providers: readonly string[];
	readonly profiles: readonly string[];
	/** `NAME=` of every provider's list filters. */
	readonly filters: readonly string[];
};

export const completionShells = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof completionShells)[number];

/** Names are ours or the user's profile names: quote them for the shell, whatever they hold. */
function quoted(words: readonly string[]): string {
	return words
		.map(word => `'${word.replaceAll("'", String.raw`'\''`)}'`)
		.join(' ');
}

function bash(words: CompletionWords): string {
	const flagWords = words.flags.map(flag => `--${flag.name}`);
	// Not compgen -W, which would remove quotes inside the words: each match is quoted for the command line.
	return `# sparktop completion for bash: eval "$(sparktop completion bash)"
_sparktop_match() {
	local cur="$1" word
	shift
	for word in "$@"; do
		[[ "$word" == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$word")")
	done
}
_sparktop() {
	local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
	COMPREPLY=()
	case "$prev" in
		--provider) _sparktop_match "$cur" ${quoted(words.providers)}; return ;;
		--profile) _sparktop_match "$cur" ${quoted(words.profiles)}; return ;;
		--filter) compopt -o nospace 2>/dev/null; _sparktop_match "$cur" ${quoted(words.filters)}; return ;;
		--config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
		completion) _sparktop_match "$cur" ${quoted(completionShells)}; return ;;
	esac
	if [[ "$cur" == -* ]]; then
		_sparktop_match "$cur" ${quoted(flagWords)}
	else
		_sparktop_match "$cur" ${quoted(words.commands)}
	fi
}
complete -F _sparktop sparktop
`;
}

function fish(words: CompletionWords): string {
	const lines = [
		'# sparktop completion for fish: sparktop completion fish | source',
		'complete -c sparktop -f',
		`complete -c sparktop -n __fish_use_subcommand -a ${JSON.stringify(words.commands.join(' '))}`,
		`complete -c sparktop -n '__fish_seen_subcommand_from completion' -a ${JSON.stringify(completionShells.join(' '))}`,
	];
	for (const flag of words.flags) {
		const values =
			flag.name === 'provider'
				? words.providers
				: flag.name === 'profile'
					? words.profiles
					: flag.name === 'filter'
						? words.filters
						: undefined;
		lines.push(
			`complete -c sparktop -l ${flag.name}${
				flag.name === 'config'
					? ' -r -F'
					: values
						? ` -x -a ${quoted([values.join(' ')])}`
						: flag.value
							? ' -x'
							: ''
			}`,
		);
	}

	return `${lines.join('\n')}\n`;
}

/** Zsh runs the bash function through bashcompinit, which ships with zsh. */
function zsh(words: CompletionWords): string {
	return `# sparktop completion for zsh: eval "$(sparktop completion zsh)"
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bash(words).split('\n').slice(1).join('\n')}`;
}

/** The completion script for a shell. */
export function completionScript(
	shell: CompletionShell,
	words: CompletionWords,
): string {
	switch (shell) {
		case 'bash': {
			return bash(words);
		}

		case 'zsh': {
			return zsh(words);
		}

		case 'fish': {
			return fish(words);
		}
	}
}
