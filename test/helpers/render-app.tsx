import {render} from 'ink-testing-library';
import App from '../../source/app.js';
import type {Provider} from '../../source/providers/provider.js';
import {systemClock} from '../../source/store/clock.js';
import {PollingStore} from '../../source/store/polling-store.js';
import {ClipboardContext} from '../../source/ui/clipboard-context.js';
import {ProvidersContext} from '../../source/ui/providers-context.js';
import {StoreContext} from '../../source/ui/store-context.js';
import {makeTheme, ThemeContext} from '../../source/ui/theme.js';
import {settle} from './fake-clock.js';

export function renderApp(
	providers: Provider[],
	options: {
		ascii?: boolean;
		write?: boolean;
		copy?: (text: string) => void;
		/** How long a y/N question shows before it takes an answer (the App's default otherwise). */
		questionReadyMs?: number;
		/** Called where the terminal bell would ring (`--bell`). */
		bell?: () => void;
	} = {},
) {
	const store = new PollingStore({clock: systemClock(), intervalMs: 60_000});
	const instance = render(
		<StoreContext.Provider value={store}>
			<ProvidersContext.Provider
				value={new Map(providers.map(provider => [provider.target, provider]))}
			>
				<ThemeContext.Provider
					value={makeTheme({color: false, ascii: options.ascii ?? false})}
				>
					<ClipboardContext.Provider value={options.copy ?? (() => undefined)}>
						<App
							write={options.write}
							questionReadyMs={options.questionReadyMs}
							bell={options.bell}
						/>
					</ClipboardContext.Provider>
				</ThemeContext.Provider>
			</ProvidersContext.Provider>
		</StoreContext.Provider>,
	);
	return {
		...instance,
		store,
		cleanup() {
			instance.unmount();
			store.dispose();
		},
	};
}

/** Waits until the last frame satisfies `check`, yielding to timers and I/O between looks. */
export async function waitForFrame(
	lastFrame: () => string | undefined,
	check: (frame: string) => boolean,
	timeoutMs = 3000,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = lastFrame() ?? '';
		if (check(frame)) {
			return frame;
		}

		if (Date.now() > deadline) {
			throw new Error(`frame never matched; last frame:\n${frame}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}
}

/** Types keys one at a time, letting each key's render and effects run before the next. */
export async function press(
	stdin: {write(data: string): void},
	...keys: string[]
): Promise<void> {
	for (const key of keys) {
		stdin.write(key);
		await settle();
	}
}
