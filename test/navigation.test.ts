import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {layout} from '../source/ui/layout.js';
import {
	followLists,
	emptyView,
	initialNavigation,
	navigate,
	type Navigation,
	type NavigationAction,
} from '../source/ui/navigation.js';
import {keepInView} from '../source/ui/use-scroll-offset.js';
import {targetsLabel} from '../source/ui/widgets/status-bar.js';

function apply(...actions: NavigationAction[]): Navigation {
	let state = initialNavigation;
	for (const action of actions) {
		state = navigate(state, action);
	}

	return state;
}

describe('navigation', () => {
	test('Tab cycles through the four panes both ways', () => {
		assert.equal(apply({type: 'cycleFocus', step: 1}).focus, 'detail');
		assert.equal(apply({type: 'cycleFocus', step: -1}).focus, 'progress');
	});

	test('Enter drills from runs into detail; Esc unwinds help, zoom, filter, then focus', () => {
		const drilled = apply({type: 'drill'});
		assert.equal(drilled.focus, 'detail');
		const layered = apply(
			{type: 'filterStart'},
			{type: 'filterInput', text: 'etl'},
			{type: 'filterDone'},
			{type: 'focus', pane: 'statements'},
			{type: 'toggle', what: 'zoom'},
			{type: 'toggle', what: 'help'},
		);
		const once = navigate(layered, {type: 'back'});
		assert.equal(once.help, false);
		const twice = navigate(once, {type: 'back'});
		assert.equal(twice.zoom, false);
		const thrice = navigate(twice, {type: 'back'});
		assert.equal(thrice.focus, 'runs');
		assert.equal(navigate(thrice, {type: 'back'}).filter, '');
	});

	test('statements are selected by id, moving through the list on screen', () => {
		const view = {...emptyView, statementIds: ['3', '2', '1']};
		let state = navigate(
			apply({type: 'focus', pane: 'statements'}),
			{type: 'selectStatement', id: '3'},
			view,
		);
		state = navigate(state, {type: 'move', delta: 10}, view);
		assert.equal(state.statementId, '1');
		assert.equal(
			navigate(state, {type: 'moveTo', end: 'first'}, view).statementId,
			'3',
		);
		// A new statement arrives at the top: the selection stays on statement 1.
		const arrived = {...view, statementIds: ['4', '3', '2', '1']};
		assert.equal(
			navigate(state, {type: 'move', delta: 0}, arrived).statementId,
			'1',
		);
		assert.equal(
			navigate(state, {type: 'move', delta: -1}, arrived).statementId,
			'2',
		);
	});

	test('choosing another run starts its panes from the top', () => {
		const scrolled = apply(
			{type: 'selectRun', runKey: 'a'},
			{type: 'extent', pane: 'detail', extent: 10},
			{type: 'focus', pane: 'detail'},
			{type: 'move', delta: 5},
		);
		assert.equal(scrolled.detailCursor, 5);
		assert.equal(
			navigate(scrolled, {type: 'selectRun', runKey: 'b'}).detailCursor,
			0,
		);
		assert.equal(
			navigate(scrolled, {type: 'selectRun', runKey: 'a'}),
			scrolled,
		);
	});

	test('the selected run is held by its key through arrivals, removals, filters and re-sorting', () => {
		const first = {...emptyView, runKeys: ['a', 'b', 'c'], pageSize: 2};
		const follow = (from: Navigation, view: typeof first) => {
			let followed = from;
			for (const action of followLists(followed, view)) {
				followed = navigate(followed, action, view);
			}

			return followed;
		};

		// Nothing selected yet: the first row to arrive is adopted, once.
		let state = follow(initialNavigation, first);
		assert.equal(state.runKey, 'a');
		// Later arrivals never pick another run; the reducer only learns where a now stands.
		assert.deepEqual(followLists(state, {...first, runKeys: ['z', 'a']}), [
			{type: 'selectRun', runKey: 'a'},
		]);
		assert.equal(follow(state, {...first, runKeys: ['z', 'a']}).runIndex, 1);
		state = navigate(state, {type: 'move', delta: 1}, first);
		assert.equal(state.runKey, 'b');
		// New runs arrive above it, and the list is re-sorted: still b, and j moves on from b.
		const arrived = {...first, runKeys: ['x', 'y', 'c', 'b', 'a']};
		assert.equal(
			navigate(state, {type: 'move', delta: 0}, arrived).runKey,
			'b',
		);
		assert.equal(
			navigate(state, {type: 'move', delta: 1}, arrived).runKey,
			'a',
		);
		// Then b leaves the list (a filter, or gone from its provider): it stays selected until a move,
		// which goes on from the row where b was last seen.
		const filtered = {...first, runKeys: ['a', 'c']};
		assert.equal(state.runKey, 'b');
		assert.equal(
			navigate(state, {type: 'move', delta: 1}, filtered).runKey,
			'c',
		);
		assert.equal(
			navigate(state, {type: 'move', delta: -1}, filtered).runKey,
			'a',
		);
		// Pages move by the page size.
		assert.equal(
			navigate(state, {type: 'move', delta: 1, unit: 'page'}, arrived).runKey,
			'a',
		);
	});

	test('the filter takes typed text and backspace', () => {
		const typed = apply(
			{type: 'filterStart'},
			{type: 'filterInput', text: 'ab'},
			{type: 'filterErase'},
		);
		assert.equal(typed.filter, 'a');
		assert.equal(typed.filtering, true);
	});
});

describe('layout', () => {
	test('the frame is always shorter than the terminal', () => {
		for (const [columns, rows] of [
			[120, 40],
			[80, 24],
			[200, 60],
			[60, 10],
		] as const) {
			const view = layout(columns, rows, 'runs', false);
			const used =
				2 +
				(view.tabs ? 1 : 0) +
				view.rows.reduce((sum, row) => sum + (row[0]?.height ?? 0), 0);
			assert.ok(used <= rows - 1, `${columns}x${rows} uses ${used}`);
		}
	});

	test('wide terminals show four panes; narrow ones one pane with tabs', () => {
		assert.equal(layout(120, 40, 'runs', false).rows.flat().length, 4);
		const narrow = layout(80, 24, 'statements', false);
		assert.equal(narrow.tabs, true);
		assert.deepEqual(
			narrow.rows.flat().map(box => box.pane),
			['statements'],
		);
		assert.equal(layout(120, 40, 'progress', true).rows.flat()[0]?.width, 120);
	});

	test('scrolling keeps the selection in view with the least movement', () => {
		assert.equal(keepInView(0, 5, 10, 100), 0);
		assert.equal(keepInView(0, 12, 10, 100), 3);
		assert.equal(keepInView(3, 2, 10, 100), 2);
		assert.equal(keepInView(50, 99, 10, 100), 90);
		assert.equal(keepInView(7, 3, 10, 5), 0);
	});
});

test('the : command line is typed, erased and ended', () => {
	let state = navigate(initialNavigation, {type: 'commandStart'});
	assert.equal(state.command, '');
	state = navigate(state, {type: 'commandInput', text: 'st x'});
	state = navigate(state, {type: 'commandErase'});
	assert.equal(state.command, 'st ');
	state = navigate(state, {type: 'commandEnd'});
	assert.equal(state.command, undefined);
});

test('the status line gives way with its targets, never with its freshness', () => {
	const targets = ['livy', 'spark', 'synapse', 'dli', 'emr-serverless', 'dla'];
	assert.equal(
		targetsLabel(targets, 80),
		'livy · spark · synapse · dli · emr-serverless · dla',
	);
	assert.equal(targetsLabel(targets, 30), 'livy · spark · synapse · +3');
	assert.equal(targetsLabel(targets, 5), '6 targets');
});
