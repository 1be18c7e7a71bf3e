import {createContext} from 'react';

/** What the log view saves: a stream of a run's log, and what to call the file. */
export type SavedLog = {
	readonly name: string;
	readonly lines: readonly string[];
};

/** Writes a log stream to a file and answers where (the cli writes it; tests record it). */
export type LogSaver = (log: SavedLog) => Promise<string>;

export const LogSaverContext = createContext<LogSaver>(async () => {
	throw new Error('saving is not set up');
});
