import process from 'node:process';
import {inspect} from 'node:util';
import {render} from 'ink';
import App from '../app.js';
import type {Zone} from '../model/time-format.js';
import type {Provider} from '../providers/provider.js';
import {osc52} from '../text/osc52.js';
import {ClipboardContext} from '../ui/clipboard-context.js';
import {LogSaverContext} from '../ui/log-saver-context.js';
import {ProvidersContext} from '../ui/providers-context.js';
import {StoreContext} from '../ui/store-context.js';
import {makeTheme, ThemeContext} from '../ui/theme.js';
import {saveLog} from './save-log.js';
import type {Watching} from './start-watching.js';
import {tuneV8ForAMonitor} from './v8-tuning.js';

export type TuiOptions = {
	readonly providers: readonly Provider[];
	/** The store, already asking for the lists (`startWatching`); the monitor disposes of it. */
	readonly watching: Watching;
	readonly zone: Zone;
	/** Ring the terminal bell when a watched run turns failed. */
	readonly bell: boolean;
	readonly color: boolean;
	readonly ascii: boolean;
	readonly write: boolean;
	/** Runs once the screen is restored, whatever ended the program. */
	readonly cleanup: () => Promise<void>;
};

const enterAlternateScreen = '\u001B[?1049h';
const leaveAlternateScreen = '\u001B[?1049l\u001B[?25h';

/** Signals that end the monitor, with the exit status a shell expects for each (128 + its number). */
const endingSignals = {
	SIGHUP: 129,
	SIGINT: 130,
	SIGQUIT: 131,
	SIGTERM: 143,
} as const;

/**
 * The full-screen monitor; the terminal is restored on q, Ctrl-C, a signal (SIGINT, SIGQUIT,
 * SIGTERM, SIGHUP), a crash, and as a last resort when the process exits at all.
 */
export async function runTui(options: TuiOptions): Promise<number> {
	// The npm program has set these before compiling (source/launch); the single executable has not.
	tuneV8ForAMonitor();
	const {store, listedOrDue} = options.watching;
	const providers = new Map(
		options.providers.map(provider => [provider.target, provider]),
	);
	let restored = false;
	const restore = () => {
		if (!restored) {
			restored = true;
			process.stdout.write(leaveAlternateScreen);
		}
	};

	// BEL moves no cursor, so it can go out between Ink's frames.
	const ring = () => {
		process.stdout.write('\u0007');
	};

	const copy = (text: string) => {
		process.stdout.write(osc52(text, process.env['TMUX'] !== undefined));
	};

	// The first frame's render holds the event loop for tens of milliseconds: lists that answer
	// before it starts are on it.
	await listedOrDue;

	process.stdout.write(enterAlternateScreen);
	const instance = render(
		<StoreContext.Provider value={store}>
			<ProvidersContext.Provider value={providers}>
				<ThemeContext.Provider
					value={makeTheme({
						color: options.color,
						ascii: options.ascii,
						zone: options.zone,
					})}
				>
					<ClipboardContext.Provider value={copy}>
						<LogSaverContext.Provider value={saveLog}>
							<App
								write={options.write}
								bell={options.bell ? ring : undefined}
							/>
						</LogSaverContext.Provider>
					</ClipboardContext.Provider>
				</ThemeContext.Provider>
			</ProvidersContext.Provider>
		</StoreContext.Provider>,
		{
			exitOnCtrlC: false,
			incrementalRendering: true,
			maxFps: 20,
			patchConsole: true,
		},
	);
	let signalled: number | undefined;
	const stops = Object.entries(endingSignals).map(
		([signal, status]) =>
			[
				signal,
				() => {
					signalled = status;
					instance.unmount();
				},
			] as const,
	);

	let crash: unknown;
	const onCrash = (error: unknown) => {
		crash = error;
		instance.unmount();
	};

	for (const [signal, stop] of stops) {
		process.once(signal, stop);
	}

	process.once('exit', restore);
	process.once('uncaughtException', onCrash);
	process.once('unhandledRejection', onCrash);
	try {
		await instance.waitUntilExit();
	} finally {
		store.dispose();
		restore();
		for (const [signal, stop] of stops) {
			process.off(signal, stop);
		}

		process.off('exit', restore);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		await options.cleanup();
	}

	if (crash !== undefined) {
		process.stderr.write(
			`sparktop crashed: ${crash instanceof Error ? (crash.stack ?? crash.message) : inspect(crash)}\n`,
		);
		return 70;
	}

	return signalled ?? 0;
}
