import process from 'node:process';
import {render} from 'ink-testing-library';
import App from '../source/app.js';
import type {Run} from '../source/model/types.js';
import type {Provider} from '../source/providers/provider.js';
import {systemClock} from '../source/store/clock.js';
import {PollingStore} from '../source/store/polling-store.js';
import {ProvidersContext} from '../source/ui/providers-context.js';
import {StoreContext} from '../source/ui/store-context.js';
import {makeTheme, ThemeContext} from '../source/ui/theme.js';
import {median, percentile} from './pty.js';

/** Down through a block, jump to the end, up through the next block, jump to the top: every key moves. */
function keyFor(index: number): string {
	const downward = Math.floor(index / 10) % 2 === 0;
	if (index % 10 === 9) {
		return downward ? 'G' : 'g';
	}

	return downward ? 'j' : 'k';
}

/** Time from a keypress to the next frame, with 10,000 runs in the list (render path only, no terminal). */
export async function keypressLatency(
	rowCount = 10_000,
	presses = 100,
): Promise<{median: number; p95: number; heapMiB: number}> {
	const runs: Run[] = Array.from({length: rowCount}, (_, index) => ({
		target: 'big',
		kind: 'batch',
		id: String(index),
		key: `big:batch:${index}`,
		provider: 'livy',
		name: `nightly-partition-${index}`,
		state: index % 7 === 0 ? 'failed' : 'succeeded',
		rawState: index % 7 === 0 ? 'dead' : 'success',
		owner: 'etl-bot',
	}));
	const provider: Provider = {
		id: 'livy',
		kinds: ['session', 'batch'],
		target: 'big',
		endpoint: 'memory',
		listRuns: async () => runs,
	};
	const store = new PollingStore({clock: systemClock(), intervalMs: 3_600_000});
	const app = render(
		<StoreContext.Provider value={store}>
			<ProvidersContext.Provider value={new Map([['big', provider]])}>
				<ThemeContext.Provider value={makeTheme({color: true, ascii: false})}>
					<App />
				</ThemeContext.Provider>
			</ProvidersContext.Provider>
		</StoreContext.Provider>,
	);
	const frameCount = () => app.frames.length;
	for (
		let tries = 0;
		tries < 500 && !(app.lastFrame() ?? '').includes('nightly-partition-');
		tries++
	) {
		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}

	const samples: number[] = [];
	for (let index = 0; index < presses; index++) {
		const before = frameCount();
		const started = performance.now();
		app.stdin.write(keyFor(index));
		while (frameCount() === before) {
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}

		samples.push(performance.now() - started);
	}

	const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024;
	app.unmount();
	store.dispose();
	return {median: median(samples), p95: percentile(samples, 0.95), heapMiB};
}
