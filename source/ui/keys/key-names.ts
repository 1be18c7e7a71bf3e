/** The parts of Ink's key description that name a key. */
export type KeyFlags = {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly ctrl?: boolean;
	readonly shift?: boolean;
	readonly meta?: boolean;
};

const named: ReadonlyArray<readonly [keyof KeyFlags, string]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'enter'],
	['escape', 'escape'],
	['backspace', 'backspace'],
	['delete', 'delete'],
];

/**
 * One name per key, as the key table writes it: a printable character as itself (`j`, `G`,
 * `?`), named keys in lower case (`enter`, `pageup`, `shift-tab`), control keys as `ctrl-c`.
 */
export function keyName(input: string, key: KeyFlags): string | undefined {
	// Alt-key combinations and escape sequences Ink does not know mean nothing here.
	if (key.meta && !key.escape) {
		return undefined;
	}

	if (key.tab) {
		return key.shift ? 'shift-tab' : 'tab';
	}

	if (key.ctrl) {
		return input.length === 1 ? `ctrl-${input.toLowerCase()}` : undefined;
	}

	for (const [flag, name] of named) {
		if (key[flag]) {
			return name;
		}
	}

	return input === '' ? undefined : input;
}

/** How a key name is written for people: arrows as arrows, the rest as the table writes them. */
export function keyLabel(name: string): string {
	return (
		{
			up: '↑',
			down: '↓',
			left: '←',
			right: '→',
			pageup: 'PgUp',
			pagedown: 'PgDn',
			home: 'Home',
			end: 'End',
			enter: 'Enter',
			escape: 'Esc',
			tab: 'Tab',
			'shift-tab': 'Shift-Tab',
			backspace: 'Backspace',
			delete: 'Delete',
			'ctrl-c': 'Ctrl-C',
		}[name] ?? name
	);
}
