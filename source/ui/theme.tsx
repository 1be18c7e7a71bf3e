import {createContext, useContext} from 'react';
import type {Zone} from '../model/time-format.js';
import type {Tone} from './render/line.js';
import {asciiBar, type BarGlyphs, unicodeBar} from './render/progress-lines.js';

export type Theme = {
	readonly color: boolean;
	readonly ascii: boolean;
	/** Times in the local zone or in UTC (`--utc`). */
	readonly zone: Zone;
	readonly border: 'round' | 'classic';
	readonly bar: BarGlyphs;
};

export function makeTheme(options: {
	color: boolean;
	ascii: boolean;
	zone?: Zone;
}): Theme {
	return {
		zone: 'local',
		...options,
		border: options.ascii ? 'classic' : 'round',
		bar: options.ascii ? asciiBar : unicodeBar,
	};
}

export const ThemeContext = createContext<Theme>(
	makeTheme({color: true, ascii: false}),
);

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

const toneColors: Readonly<Record<Tone, string>> = {
	ok: 'green',
	active: 'cyan',
	waiting: 'yellow',
	bad: 'red',
	muted: 'gray',
	accent: 'magenta',
	title: 'blue',
};

export function toneColor(
	theme: Theme,
	tone: Tone | undefined,
): string | undefined {
	return theme.color && tone ? toneColors[tone] : undefined;
}
