import process from 'node:process';
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import stringWidth from 'string-width';
import {
	formatAge,
	formatMoment,
	formatWhen,
} from '../source/model/time-format.js';
import type {Run} from '../source/model/types.js';
import {completeCommand, parseCommand} from '../source/ui/command-line.js';
import {RunRows} from '../source/ui/panes/run-rows.js';
import {
	emptyView,
	initialNavigation,
	navigate,
} from '../source/ui/navigation.js';
import {
	runCells,
	runHeader,
	sizeRunTable,
} from '../source/ui/render/run-columns.js';
import {
	defaultSort,
	resortRuns,
	sortRuns,
} from '../source/ui/render/run-order.js';
import {summaryLine} from '../source/ui/render/run-summary.js';
import {filterNarrows, parseRunFilter} from '../source/ui/run-filter.js';
import {
	runListsMemo,
	warmFilter,
	warmSearchTexts,
} from '../source/ui/run-lists.js';
import {troubleTest} from '../source/ui/trouble.js';
import {sessionRun} from './helpers/fixtures.js';

// A zone with daylight saving and a non-zero offset, the same on every machine.
process.env['TZ'] = 'America/New_York';

const now = Date.UTC(2026, 11, 2, 15, 0, 0);
const minute = 60_000;

const run = (id: string, extra: Partial<Run> = {}): Run =>
	sessionRun(id, {name: `run-${id}`, ...extra});

const ids = (runs: readonly Run[]) => runs.map(item => item.id);

describe('one time formatter', () => {
	test('today shows the time, other days the date too, other years the date alone', () => {
		// 15:00 UTC is 10:00 in New York.
		assert.equal(formatWhen(now, now, 'local'), '10:00:00');
		assert.equal(formatWhen(now, now, 'utc'), '15:00:00');
		const yesterdayLate = Date.UTC(2026, 11, 2, 3, 56, 0); // 22:56 on Dec 1 in New York
		assert.equal(formatWhen(yesterdayLate, now, 'local'), '12-01 22:56');
		assert.equal(formatWhen(yesterdayLate, now, 'utc'), '03:56:00');
		assert.equal(formatWhen(Date.UTC(2025, 5, 1), now, 'local'), '2025-05-31');
		assert.equal(formatWhen(undefined, now, 'local'), '');
	});

	test('Detail times carry the offset, or say UTC', () => {
		assert.equal(formatMoment(now, 'local'), '2026-12-02 10:00:00 -05:00');
		assert.equal(formatMoment(now, 'utc'), '2026-12-02 15:00:00 UTC');
		assert.equal(
			formatMoment(Date.UTC(2026, 6, 1, 12), 'local'),
			'2026-07-01 08:00:00 -04:00',
		);
	});

	test('ages are coarse', () => {
		assert.deepEqual(
			[
				45_000,
				12 * minute,
				3 * 60 * minute + 59 * minute,
				2 * 24 * 60 * minute,
				30 * 24 * 60 * minute,
			].map(ms => formatAge(ms)),
			['45s', '12m', '3h', '2d', '4w'],
		);
	});
});

describe('the Runs columns', () => {
	const dli = run('0a1b2c3d-4e5f-6789-abcd-ef0123456789', {
		target: 'dli',
		name: 'SELECT region, sum(revenue) FROM sales GROUP BY region',
	});
	const livy = run('7', {target: 'livy', name: 'etl-notebook', state: 'busy'});

	test('ids are shown in full whenever the pane can hold them; NAME takes the rest', () => {
		const table = sizeRunTable([dli, livy], 196, {targets: 2});
		const columns = new Set(table.columns.map(column => column.id));
		assert.ok(columns.has('id') && columns.has('target'));
		const id = table.columns.find(column => column.id === 'id')!;
		assert.equal(id.width, 36);
		assert.equal(table.width, 196);
		const cells = runCells(dli, table, {now, zone: 'utc'}, false)
			.map(cell => cell.text)
			.join('');
		assert.ok(cells.includes(dli.id));
	});

	test('narrow panes: NAME shrinks first, then columns give way in their order; TARGET stays with several targets', () => {
		const at = (width: number) =>
			sizeRunTable([dli, livy], width, {targets: 2}).columns.map(
				column => column.id,
			);
		assert.deepEqual(at(80), ['state', 'name', 'id', 'target', 'age']);
		assert.deepEqual(at(60), ['state', 'name', 'target']);
		assert.ok(!at(200).includes('queue'), 'no queue column without queues');
		assert.ok(
			!sizeRunTable([livy], 200, {targets: 1}).columns.some(
				column => column.id === 'target',
			),
			'one target: no TARGET column',
		);
	});

	test('wide shows every column at full width, whatever the pane', () => {
		const table = sizeRunTable([dli, livy], 40, {targets: 2, wide: true});
		assert.ok(table.width > 100);
		assert.ok(table.columns.some(column => column.id === 'submitted'));
	});

	test('widths are measured on the text as shown: control characters made visible, CJK by cells', () => {
		const odd = run('1', {name: 'a\u001B[2Jb 日本語'});
		const table = sizeRunTable([odd], 100, {targets: 1});
		const name = table.columns.find(column => column.id === 'name')!;
		const cells = runCells(odd, table, {now, zone: 'utc'}, false);
		assert.ok(cells[1]!.text.startsWith('a^[[2Jb 日本語'));
		assert.equal(stringWidth(cells[1]!.text), name.width + 1);
		const header = runHeader(table)[0]!.text;
		assert.equal(stringWidth(header), table.width);
		assert.equal(
			cells.reduce((sum, cell) => sum + stringWidth(cell.text), 0),
			table.width,
		);
	});

	test('the list says state in one vocabulary, the normalised one', () => {
		const dead = run('3', {state: 'failed', rawState: 'dead'});
		const cells = runCells(
			dead,
			sizeRunTable([dead], 80, {targets: 1}),
			{now, zone: 'utc'},
			false,
		);
		assert.match(cells[0]!.text, /^failed/v);
	});
});

describe('the filter grammar', () => {
	const runs = [
		run('1', {name: 'notebook-alice', owner: 'bob', state: 'idle'}),
		run('2', {name: 'etl', owner: 'alice', state: 'failed', target: 'prod'}),
		run('3', {
			name: 'etl-nightly',
			owner: 'carol',
			state: 'killed',
			queue: 'etl',
		}),
		run('4', {name: 'report', owner: 'dave', state: 'running', kind: 'batch'}),
	];
	const match = (text: string) => {
		const parsed = parseRunFilter(text);
		assert.ok(parsed.ok, text);
		return ids(runs.filter(item => parsed.matches(item)));
	};

	test('words are substrings of any visible field, all of them', () => {
		assert.deepEqual(match('alice'), ['1', '2']);
		assert.deepEqual(match('etl carol'), ['3']);
		assert.deepEqual(match('FAILED'), ['2']);
	});

	test('field:value is the field itself; commas mean either; ! negates', () => {
		assert.deepEqual(match('owner:alice'), ['2']);
		assert.deepEqual(match('state:failed,killed'), ['2', '3']);
		assert.deepEqual(match('!state:idle'), ['2', '3', '4']);
		assert.deepEqual(match('name:etl'), ['2', '3']);
		assert.deepEqual(match('kind:batch'), ['4']);
		assert.deepEqual(match('target:prod'), ['2']);
		assert.deepEqual(match('queue:etl'), ['3']);
		assert.deepEqual(match('id:4'), ['4']);
	});

	test('/pattern/ is a regular expression, spaces and all', () => {
		assert.deepEqual(match('/^notebook|report/'), ['1', '4']);
		assert.deepEqual(match('/fail|kill/'), ['2', '3']);
		assert.deepEqual(match('!/etl/ !state:idle'), ['4']);
	});

	test('a word matches inside one field, never across two', () => {
		// Run 2's state ends in "d" and its owner starts with "alice".
		assert.deepEqual(match('dalice'), []);
		assert.deepEqual(match('failed'), ['2']);
	});

	test('a filter typed a character at a time keeps what it would keep typed whole', () => {
		const lists = runListsMemo();
		const choice = (filter: string) =>
			({sort: defaultSort, filter, troubleOnly: false}) as const;
		// Typed on, some of these narrow (plain words) and some do not (a field's value, a
		// negation): each must list what a fresh filter lists.
		for (const typed of [
			'etl',
			'state:f',
			'state:failed',
			'!e',
			'!etl',
			'a',
			'al',
			'al b',
			'al bob',
			'',
			'/e',
			'/e/',
		]) {
			const parsed = parseRunFilter(typed);
			const expected = parsed.ok
				? ids(runs.filter(item => parsed.matches(item)))
				: ids(runs);
			const {shown} = lists(runs, choice(parsed.ok ? typed : ''), now);
			assert.deepEqual(ids(shown).toSorted(), expected.toSorted(), typed);
		}

		assert.ok(filterNarrows('al', 'al b'));
		assert.ok(!filterNarrows('state:f', 'state:fa'));
		assert.ok(!filterNarrows('!e', '!et'));
		assert.ok(!filterNarrows('al b', 'al'));
	});

	test('a backspace finds the rows the shorter filter had over the same list, and a new list is filtered again', () => {
		const lists = runListsMemo();
		const runs = ['etl-1', 'etl-2', 'report'].map(id => run(id));
		const choice = (filter: string) =>
			({sort: defaultSort, filter, troubleOnly: false}) as const;
		const etl = lists(runs, choice('etl'), now).shown;
		assert.deepEqual(ids(lists(runs, choice('etl-1'), now).shown), ['etl-1']);
		assert.equal(lists(runs, choice('etl'), now).shown, etl);
		const more = [...runs, run('etl-3')];
		assert.deepEqual(ids(lists(more, choice('etl'), now).shown).toSorted(), [
			'etl-1',
			'etl-2',
			'etl-3',
		]);
	});

	test('getting a filter ready between keys changes none of its answers', () => {
		const runs = ['etl-1', 'etl-2', 'report'].map(id => run(id));
		assert.equal(warmSearchTexts(runs, 0, 2), 2);
		assert.equal(warmSearchTexts(runs, 2, 2), 3);
		// Once the list's texts are known, a list that comes back is done at once.
		assert.equal(warmSearchTexts(runs, 0, 2), 3);
		for (let pass = 0; pass < 4; pass++) {
			warmFilter(runs, pass);
		}

		const lists = runListsMemo();
		const choice = (filter: string) =>
			({sort: defaultSort, filter, troubleOnly: false}) as const;
		assert.deepEqual(ids(lists(runs, choice('etl'), now).shown).toSorted(), [
			'etl-1',
			'etl-2',
		]);
		assert.deepEqual(ids(lists(runs, choice('running'), now).shown), []);
		assert.deepEqual(ids(lists(runs, choice('idle report'), now).shown), [
			'report',
		]);
	});

	test('a broken filter says why, and the last good one stays in force', () => {
		for (const [text, error] of [
			['/fail(/', /not a pattern/v],
			['colour:red', /no field "colour"/v],
			['state:', /state: needs a value/v],
			['/open', /closing \//v],
		] as const) {
			const parsed = parseRunFilter(text);
			assert.ok(!parsed.ok && error.test(parsed.error), text);
		}

		let state = navigate(initialNavigation, {type: 'filterStart'});
		for (const char of 'state:failed /x(') {
			state = navigate(state, {type: 'filterInput', text: char});
		}

		assert.equal(state.filter, 'state:failed /x(');
		assert.equal(state.appliedFilter, 'state:failed');
	});
});

describe('trouble, order and summary', () => {
	test('the lists follow the clock only where the order or the trouble test does', () => {
		const lists = runListsMemo();
		const listed = [
			run('1', {state: 'running', submittedAt: now - 60_000}),
			run('2', {state: 'succeeded', submittedAt: now - 120_000}),
		];
		const byName = {
			sort: {column: 'name', descending: false},
			filter: '',
			troubleOnly: false,
		} as const;
		const first = lists(listed, byName, now);
		assert.equal(lists(listed, byName, now + 60_000).all, first.all);
		const byAttention = {...byName, sort: defaultSort};
		const attention = lists(listed, byAttention, now);
		assert.notEqual(
			lists(listed, byAttention, now + 60_000).all,
			attention.all,
		);
		const trouble = {...byName, troubleOnly: true};
		const troubled = lists(listed, trouble, now);
		assert.notEqual(lists(listed, trouble, now + 60_000).shown, troubled.shown);
	});

	test('a changed list is ordered from the last order as a fresh sort orders it', () => {
		let seed = 7;
		const random = (below: number) => {
			seed = (seed * 48_271) % 2_147_483_647;
			return seed % below;
		};

		const states = ['failed', 'running', 'succeeded', 'queued'] as const;
		let made = 0;
		// Few ids, names and times across two targets, so that many runs tie on their sort key.
		const fresh = (): Run => {
			const id = String(random(40));
			const target = random(2) === 0 ? 'livy' : 'spark';
			made++;
			return run(id, {
				target,
				key: `${target}:session:${id}:${made}`,
				name: `job-${random(5)}`,
				state: states[random(states.length)]!,
				submittedAt: now - random(4) * 30 * minute,
				endedAt: random(2) === 0 ? now - random(3) * minute : undefined,
			});
		};

		for (const sort of [
			defaultSort,
			{column: 'attention', descending: true},
			{column: 'name', descending: false},
			{column: 'submitted', descending: true},
			{column: 'duration', descending: true},
			{column: 'state', descending: false},
		] as const) {
			let listed = Array.from({length: 60}, fresh);
			let sorted = sortRuns(listed, sort, now);
			for (let poll = 0; poll < 30; poll++) {
				listed = listed
					.filter(() => random(10) > 0)
					.map(item => (random(8) === 0 ? {...fresh(), key: item.key} : item));
				listed.push(...Array.from({length: random(4)}, fresh));
				const resorted = resortRuns(sorted, listed, sort, now);
				assert.deepEqual(
					resorted.map(item => item.key),
					sortRuns(listed, sort, now).map(item => item.key),
					`${sort.column} ${String(sort.descending)}, poll ${poll}`,
				);
				sorted = resorted;
			}
		}
	});

	const failedRecently = run('10', {
		state: 'failed',
		submittedAt: now - 50 * minute,
		endedAt: now - 40 * minute,
	});
	const failedLongAgo = run('11', {
		state: 'failed',
		submittedAt: now - 30 * 60 * minute,
		endedAt: now - 29 * 60 * minute,
	});
	const running = run('12', {state: 'running', submittedAt: now - 5 * minute});
	const succeeded = run('13', {
		state: 'succeeded',
		submittedAt: now - minute,
		endedAt: now,
	});
	const started = (id: string, waited: number) =>
		run(id, {
			state: 'succeeded',
			submittedAt: now - 100 * minute,
			startedAt: now - 100 * minute + waited,
		});
	const stuck = run('14', {state: 'queued', submittedAt: now - 20 * minute});
	const waiting = run('15', {state: 'queued', submittedAt: now - 2 * minute});

	test('by default, a failure of the last hour heads the list, then work in flight, then the rest, newest first', () => {
		const many = Array.from({length: 600}, (_, index) =>
			run(`old-${index}`, {
				state: 'succeeded',
				submittedAt: now - (index + 2) * minute,
			}),
		);
		const sorted = sortRuns(
			[...many, succeeded, failedLongAgo, running, failedRecently],
			defaultSort,
			now,
		);
		assert.deepEqual(ids(sorted.slice(0, 3)), ['10', '12', '13']);
	});

	test('any column sorts, either way round; s goes through the header, S reverses', () => {
		const runs = [running, succeeded, failedRecently];
		assert.deepEqual(
			ids(sortRuns(runs, {column: 'state', descending: false}, now)),
			['10', '12', '13'],
		);
		assert.deepEqual(
			ids(sortRuns(runs, {column: 'submitted', descending: true}, now)),
			['13', '12', '10'],
		);
		const view = {...emptyView, columns: ['state', 'name', 'id'] as const};
		let state = navigate(initialNavigation, {type: 'cycleSort'}, view);
		assert.deepEqual(state.sort, {column: 'state', descending: false});
		state = navigate(state, {type: 'reverseSort'}, view);
		assert.equal(state.sort.descending, true);
		for (const column of ['name', 'id', 'attention'] as const) {
			state = navigate(state, {type: 'cycleSort'}, view);
			assert.equal(state.sort.column, column);
		}
	});

	test('trouble is failed, killed, cancelled, and waiting far longer than the peers wait', () => {
		const peers = [
			started('a', 30_000),
			started('b', 60_000),
			started('c', 90_000),
		];
		const isTrouble = troubleTest(
			[
				...peers,
				failedRecently,
				running,
				stuck,
				waiting,
				run('16', {state: 'cancelled'}),
			],
			now,
		);
		assert.deepEqual(
			ids(
				[
					failedRecently,
					running,
					stuck,
					waiting,
					run('16', {state: 'cancelled'}),
				].filter(item => isTrouble(item)),
			),
			['10', '14', '16'],
		);
		let state = navigate(initialNavigation, {type: 'toggle', what: 'trouble'});
		assert.equal(state.troubleOnly, true);
		state = navigate(state, {type: 'toggle', what: 'trouble'});
		assert.equal(state.troubleOnly, false);
	});

	test('the summary counts runs per state, and per target when several are watched', () => {
		const text = summaryLine(
			[
				failedRecently,
				running,
				succeeded,
				run('20', {state: 'running', target: 'spark'}),
			],
			true,
		)
			.map(part => part.text)
			.join('');
		assert.equal(text, '1 failed · 2 running · 1 succeeded │ livy 3 · spark 1');
	});
});

describe('the : command line', () => {
	const context = {targets: ['livy', 'spark', 'synapse']};

	test('commands filter, sort, jump and watch; mistakes name the close matches', () => {
		assert.deepEqual(parseCommand('failed', context), {
			type: 'filter',
			text: 'state:failed,killed',
			label: 'failed and killed runs',
		});
		assert.deepEqual(parseCommand('sessions', context), {
			type: 'filter',
			text: 'kind:session',
			label: 'sessions',
		});
		assert.equal(
			(parseCommand('target spark', context) as {text: string}).text,
			'target:spark',
		);
		assert.deepEqual(parseCommand('sort duration asc', context), {
			type: 'sort',
			column: 'duration',
			descending: false,
		});
		// Times, durations and costs read biggest first, names from a to z.
		assert.deepEqual(parseCommand('sort submitted', context), {
			type: 'sort',
			column: 'submitted',
			descending: true,
		});
		assert.deepEqual(parseCommand('sort name', context), {
			type: 'sort',
			column: 'name',
			descending: false,
		});
		assert.deepEqual(parseCommand('run batch:3', context), {
			type: 'run',
			id: 'batch:3',
		});
		assert.deepEqual(parseCommand('q', context), {type: 'quit'});
		assert.match(
			(parseCommand('dli', context) as {text: string}).text,
			/unknown command "dli"/v,
		);
		assert.match(
			(parseCommand('filtr x', context) as {text: string}).text,
			/did you mean "filter"/v,
		);
		assert.match(
			(parseCommand('target sprak', context) as {text: string}).text,
			/no target "sprak" \(did you mean "spark"\?\)/v,
		);
		assert.match(
			(parseCommand('filter /(/', context) as {text: string}).text,
			/^filter: not a pattern/v,
		);
	});

	test('Tab completes a command, then its argument; a choice lists the candidates', () => {
		assert.deepEqual(completeCommand('fa', context), {
			text: 'failed',
			choices: [],
		});
		assert.deepEqual(completeCommand('s', context), {
			text: 's',
			choices: ['sessions', 'sort', 'statement'],
		});
		assert.deepEqual(completeCommand('ta', context), {
			text: 'target ',
			choices: [],
		});
		assert.deepEqual(completeCommand('target s', context), {
			text: 'target s',
			choices: ['spark', 'synapse'],
		});
		assert.deepEqual(completeCommand('target sy', context), {
			text: 'target synapse',
			choices: [],
		});
		assert.deepEqual(completeCommand('sort dur', context), {
			text: 'sort duration',
			choices: [],
		});
	});
});

test('moving the selection works out again only the rows whose mark changed', () => {
	const runs = Array.from({length: 6}, (_, index) => run(String(index)));
	const rows = new RunRows();
	const settings = {
		table: sizeRunTable(runs, 120, {targets: 1}),
		now: 1000,
		zone: 'utc',
		focused: true,
		sideways: 0,
		width: 120,
	} as const;
	const none = new Set<string>();
	const before = rows.lines(runs, index => index === 1, none, settings);
	const after = rows.lines(runs, index => index === 2, none, settings);
	const remade = after.flatMap((line, index) =>
		line === before[index] ? [] : [index],
	);
	assert.deepEqual(remade, [1, 2]);
	assert.ok(after[2]!.some(part => part.text === '▸ '));
	const failed = rows.lines(
		runs,
		index => index === 2,
		new Set([runs[4]!.key]),
		settings,
	);
	assert.deepEqual(
		failed.flatMap((line, index) => (line === after[index] ? [] : [index])),
		[4],
	);
	const later = rows.lines(runs, index => index === 2, none, {
		...settings,
		now: 2000,
	});
	assert.ok(later.every((line, index) => line !== after[index]));
});
