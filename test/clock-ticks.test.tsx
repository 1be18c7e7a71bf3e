import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import type {ReactNode} from 'react';
import {ageStepMs} from '../source/model/time-format.js';
import {durationStepMs} from '../source/model/format.js';
import {systemClock} from '../source/store/clock.js';
import {PollingStore} from '../source/store/polling-store.js';
import type {StoreStatus} from '../source/store/resource-snapshot.js';
import {detailClockStepMs} from '../source/ui/render/detail-lines.js';
import {
	rowsClockStepMs,
	sizeRunTable,
} from '../source/ui/render/run-columns.js';
import {StoreContext, useStoreStatus} from '../source/ui/store-context.js';
import {makeTheme, ThemeContext} from '../source/ui/theme.js';
import {useClock} from '../source/ui/use-clock.js';
import {StatusBar} from '../source/ui/widgets/status-bar.js';
import {FakeClock} from './helpers/fake-clock.js';
import {sessionRun} from './helpers/fixtures.js';

const hour = 3_600_000;

test('steps follow what the text shows: seconds while young, minutes and hours when old', () => {
	assert.equal(ageStepMs(30_000), 1000);
	assert.equal(ageStepMs(5 * 60_000), 60_000);
	assert.equal(ageStepMs(3 * hour), hour);
	assert.equal(ageStepMs(3 * 24 * hour), 24 * hour);
	assert.equal(durationStepMs(59 * 60_000), 1000);
	assert.equal(durationStepMs(3 * hour), 60_000);
	assert.equal(durationStepMs(72 * hour), hour);
});

test('the Runs rows tick as often as their finest moving time, and not at all when none moves', () => {
	const now = 10 * 24 * hour;
	const finished = sessionRun('1', {
		state: 'succeeded',
		submittedAt: now - 3 * hour,
		startedAt: now - 3 * hour,
		endedAt: now - 2 * hour,
	});
	const running = sessionRun('2', {
		state: 'running',
		submittedAt: now - 30_000,
		startedAt: now - 20_000,
	});
	const table = sizeRunTable([finished, running], 200, {targets: 1});
	assert.ok(table.columns.some(column => column.id === 'age'));
	assert.equal(rowsClockStepMs([finished], table, now), hour);
	assert.equal(rowsClockStepMs([finished, running], table, now), 1000);
	const narrow = {
		...table,
		columns: table.columns.filter(
			column => column.id !== 'age' && column.id !== 'duration',
		),
	};
	assert.equal(rowsClockStepMs([finished, running], narrow, now), undefined);
	assert.equal(detailClockStepMs(finished, undefined, now), hour);
	assert.equal(detailClockStepMs(running, undefined, now), 1000);
});

function withStore(store: PollingStore, node: ReactNode) {
	return (
		<StoreContext.Provider value={store}>
			<ThemeContext.Provider value={makeTheme({color: false, ascii: false})}>
				{node}
			</ThemeContext.Provider>
		</StoreContext.Provider>
	);
}

test('a tick re-renders the component that shows a time, not its parent nor a sibling that shows none', async t => {
	const store = new PollingStore({clock: systemClock(), intervalMs: 50});
	t.after(() => {
		store.dispose();
	});
	const renders = {parent: 0, ticking: 0, still: 0};
	function Ticking() {
		renders.ticking++;
		useClock(() => ({everyMs: 50}));
		return <Text>tick</Text>;
	}

	function Still() {
		renders.still++;
		useClock(() => ({}));
		return <Text>still</Text>;
	}

	function Parent() {
		renders.parent++;
		return (
			<>
				<Ticking />
				<Still />
			</>
		);
	}

	const view = render(withStore(store, <Parent />));
	await new Promise(resolve => {
		setTimeout(resolve, 420);
	});
	view.unmount();
	assert.equal(renders.parent, 1);
	assert.equal(renders.still, 1);
	assert.ok(renders.ticking >= 5, `ticked ${renders.ticking - 1} times`);
});

test('a clock need with a moment re-renders once, then', async t => {
	const store = new PollingStore({clock: systemClock(), intervalMs: 50});
	t.after(() => {
		store.dispose();
	});
	const at = Date.now() + 120;
	const seen: boolean[] = [];
	function Expiring() {
		const now = useClock(() => ({at}));
		seen.push(now >= at);
		return <Text>{now >= at ? 'gone' : 'shown'}</Text>;
	}

	const view = render(withStore(store, <Expiring />));
	await new Promise(resolve => {
		setTimeout(resolve, 400);
	});
	view.unmount();
	assert.deepEqual(seen, [false, true]);
});

test('the top line gives the minute of the last answer while answers come, the second and a ticking age once overdue, the second and no age while paused', () => {
	const store = new PollingStore({clock: systemClock(), intervalMs: 1000});
	const status = {
		errors: [],
		loading: false,
		paused: false,
		overdue: false,
		updatedAt: Date.now() - 500,
	};
	const bar = (extra: Partial<typeof status>) =>
		render(
			withStore(
				store,
				<StatusBar
					width={160}
					status={{...status, ...extra}}
					targets={['livy']}
					intervalMs={1000}
					write={false}
				/>,
			),
		);
	const fresh = bar({});
	assert.match(fresh.lastFrame()!, /updated \d\d:\d\d(?![:\d])/v);
	assert.doesNotMatch(fresh.lastFrame()!, /ago/v);
	fresh.unmount();
	const overdue = bar({updatedAt: Date.now() - 12_000, overdue: true});
	assert.match(overdue.lastFrame()!, /updated \d\d:\d\d:\d\d \(12s ago\)/v);
	overdue.unmount();
	const paused = bar({updatedAt: Date.now() - 12_000, paused: true});
	assert.match(paused.lastFrame()!, /updated \d\d:\d\d:\d\d(?! \()/v);
	assert.doesNotMatch(paused.lastFrame()!, /ago/v);
	paused.unmount();
	store.dispose();
});

test('answers that change nothing on screen do not re-render the top line: its time moves a minute at a time until an answer is overdue', async () => {
	const minute = 60_000;
	const clock = new FakeClock(1000 * minute);
	// Failures are retried after 4 s: nothing but the store's own check is due when the last answer
	// turns two intervals old.
	const store = new PollingStore({
		clock,
		intervalMs: 1000,
		backoff: {baseMs: 4000, capMs: 8000},
		random: () => 1,
	});
	let answering = true;
	store.subscribe(
		{
			key: 'runs',
			async load() {
				if (!answering) {
					throw new Error('connection refused');
				}

				return 'same';
			},
		},
		() => undefined,
	);
	const shown: StoreStatus[] = [];
	function TopLine() {
		shown.push(useStoreStatus());
		return <Text>top</Text>;
	}

	const view = render(withStore(store, <TopLine />));
	await clock.advance(minute - 1000);
	assert.equal(
		new Set(shown).size,
		2,
		'drawn before the first answer and at it, not at the 58 answers after',
	);
	assert.equal(shown.at(-1)!.updatedAt, 1000 * minute);
	await clock.advance(1000);
	assert.equal(new Set(shown).size, 3, 'the next minute is drawn');
	answering = false;
	await clock.advance(1999);
	assert.equal(shown.at(-1)!.overdue, false);
	await clock.advance(1);
	assert.equal(
		shown.at(-1)!.overdue,
		true,
		'two intervals after the last answer, with no poll to tell it',
	);
	assert.equal(shown.at(-1)!.updatedAt, 1001 * minute);
	view.unmount();
	store.dispose();
	assert.equal(clock.pending(), 0);
});
