import {createContext} from 'react';

/** Copies text to the user's clipboard (the cli writes OSC 52 to the terminal); tests record it. */
export const ClipboardContext = createContext<(text: string) => void>(
	() => undefined,
);
