/** How many `:` commands are remembered. */
const historySize = 100;

export type CommandHistory = {
	/** Remembers a command as run (blank ones are not), and goes back to the end of the list. */
	readonly record: (text: string) => void;
	/** The command `step` places back (negative) or forward from the one shown; '' past the newest. */
	readonly step: (step: number) => string;
};

/** The `:` commands run this session, walked with ↑ and ↓ as a shell's history is. */
export function commandHistory(): CommandHistory {
	let lines: string[] = [];
	let at = 0;
	return {
		record(text) {
			if (text.trim() !== '') {
				lines = [...lines, text].slice(-historySize);
				at = lines.length;
			}
		},
		step(step) {
			at = Math.max(0, Math.min(lines.length, at + step));
			return lines[at] ?? '';
		},
	};
}
