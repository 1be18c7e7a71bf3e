import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	jobsOfStatement,
	statementTasks,
	stragglerNote,
} from '../source/model/job-groups.js';
import {taskBar} from '../source/model/task-bar.js';
import type {Progress, SparkJob} from '../source/model/types.js';
import {createLivyProvider} from '../source/providers/livy/livy-provider.js';
import {
	mapSparkJob,
	mapTaskTimes,
} from '../source/providers/spark/spark-mapping.js';
import {createSparkProvider} from '../source/providers/spark/spark-provider.js';
import {type Line} from '../source/ui/render/line.js';
import {progressLines, unicodeBar} from '../source/ui/render/progress-lines.js';
import {contractFiles} from './helpers/contracts.js';
import {scenario, signal} from './helpers/simulators.js';

const text = (line: Line) => line.map(part => part.text).join('');
/** The cells of each bar drawn: the runs of bar glyphs in each line. */
const barWidths = (lines: Line[]) =>
	lines.flatMap(line => {
		const cells = line
			.filter(part => /^[█▓░]+$/v.test(part.text))
			.reduce((sum, part) => sum + part.text.length, 0);
		return cells > 0 ? [cells] : [];
	});

/** Spark's own job list, with the first two jobs run by statement 3 (their job group). */
function contractJobs(): SparkJob[] {
	const file = contractFiles('spark-rest').find(
		item => item.name === 'job_list_json_expectation.json',
	)!;
	return (file.json as Array<Record<string, unknown>>).map((job, index) =>
		mapSparkJob(index < 2 ? {...job, jobGroup: '3'} : job),
	);
}

test("a selected statement's jobs are those of its job group; a key shows all; the stages follow", () => {
	const jobs = contractJobs();
	assert.ok(jobs.length > 2);
	const progress: Progress = {runKey: 'livy:session:0', jobs, source: 'test'};
	const mine = jobsOfStatement(jobs, '3');
	assert.equal(mine.length, 2);
	const own = progressLines(progress, {
		width: 100,
		glyphs: unicodeBar,
		now: Date.now(),
		scope: {statementId: '3', all: false},
	}).map(line => text(line));
	assert.equal(own[0], 'jobs of statement #3 (a: all jobs)');
	assert.deepEqual(
		own.filter(line => line.startsWith('#')).map(line => line.split(' ')[0]),
		mine
			.map(job => `#${job.id}`)
			.toSorted()
			.toReversed(),
	);
	const all = progressLines(progress, {
		width: 100,
		glyphs: unicodeBar,
		now: Date.now(),
		scope: {statementId: '3', all: true},
	}).map(line => text(line));
	assert.equal(all[0], "all jobs of the application (a: statement #3's only)");
	assert.equal(all.filter(line => line.startsWith('#')).length, jobs.length);
	const none = progressLines(progress, {
		width: 100,
		glyphs: unicodeBar,
		now: Date.now(),
		scope: {statementId: '9', all: false},
	}).map(line => text(line));
	assert.ok(none.includes('no Spark jobs of statement #9 (yet)'));

	const tasks = statementTasks(progress, '3')!;
	assert.equal(
		tasks.total,
		mine.reduce((sum, job) => sum + job.tasks.total, 0),
	);
	assert.equal(statementTasks(progress, '9'), undefined);
});

test('every bar in the pane has one width, and counts and ETA are never cut; a long name wraps', () => {
	const base = contractJobs()[0]!;
	const jobs: SparkJob[] = [
		{...base, id: 1, name: 'a', tasks: {...base.tasks, total: 8, completed: 1}},
		{
			...base,
			id: 2,
			status: 'running',
			rawStatus: 'RUNNING',
			description: `insertInto at Warehouse.scala:88 ${'with a very long description '.repeat(3)}`,
			submittedAt: Date.now() - 60_000,
			tasks: {
				total: 12_000,
				active: 40,
				completed: 3000,
				completedIndices: 3000,
				skipped: 0,
				failed: 7,
				killed: 2,
			},
		},
	];
	const progress: Progress = {runKey: 'k', jobs, source: 'test'};
	for (const width of [100, 60]) {
		const lines = progressLines(progress, {
			width,
			glyphs: unicodeBar,
			now: Date.now(),
		});
		const widths = barWidths(lines);
		assert.equal(widths.length, 2);
		assert.equal(new Set(widths).size, 1, `one bar width at ${width}`);
		const drawn = lines.map(line => text(line));
		assert.ok(
			drawn.some(line => line.includes(taskBar(jobs[1]!.tasks).label)),
			'the whole count',
		);
		const head = drawn.find(line => line.startsWith('#2 '))!;
		assert.match(head, /stages \S+ {2}1m00s ETA \S+$/v);
		assert.ok(
			drawn.every(line => line.length <= width),
			drawn.join('\n'),
		);
	}

	const narrow = progressLines(progress, {
		width: 60,
		glyphs: unicodeBar,
		now: Date.now(),
	}).map(line => text(line));
	assert.ok(
		narrow.some(line => line.startsWith('   insertInto at Warehouse')),
		'the name on a line of its own',
	);
});

test('a straggler: the slowest task far beyond the median', () => {
	assert.deepEqual(
		mapTaskTimes({
			quantiles: [0.5, 1],
			duration: [2000, 95_000],
			executorRunTime: [1900, 94_000],
		}),
		{medianMs: 2000, maxMs: 95_000},
	);
	assert.match(
		stragglerNote({medianMs: 2000, maxMs: 95_000}) ?? '',
		/^straggler: the slowest task has run 1m35s, the median 2s/v,
	);
	assert.equal(stragglerNote({medianMs: 2000, maxMs: 6000}), undefined);
	assert.equal(stragglerNote({medianMs: 20_000, maxMs: 70_000}), undefined);
});

test('task time quantiles are asked for active stages only', async t => {
	const {url, server} = await scenario(t, {only: 'spark', atSeconds: 40});
	const provider = createSparkProvider({target: 'spark', endpoint: url});
	const runs = await provider.listRuns!(signal());
	const running = runs.find(run => run.id === 'app-20261121090000-0001')!;
	const before = server.requests.length;
	const progress = await provider.getProgress!(running, signal());
	const summaries = server.requests
		.slice(before)
		.filter(request => request.path.endsWith('/taskSummary'));
	const active = (progress.stages ?? []).filter(
		stage => stage.status === 'active',
	);
	assert.ok(active.length > 0);
	assert.equal(summaries.length, Math.min(4, active.length));
	assert.ok(
		summaries.every(request => request.query.get('quantiles') === '0.5,1.0'),
	);
	assert.ok(active.every(stage => stage.taskTimes !== undefined));
	assert.ok(
		(progress.stages ?? [])
			.filter(stage => stage.status !== 'active')
			.every(stage => stage.taskTimes === undefined),
	);
});

test("Livy's statements start Spark jobs in their own job group, as Livy runs them", async t => {
	const {servers} = await scenario(t, {atSeconds: 40});
	const provider = createLivyProvider({
		target: 'livy',
		endpoint: servers['livy']!.url,
	});
	const session = (await provider.listRuns!(signal())).find(
		run => run.key === 'livy:session:0',
	)!;
	const [progress, statements] = await Promise.all([
		provider.getProgress!(session, signal()),
		provider.listStatements!(session, signal()),
	]);
	const ids = new Set(statements.map(statement => statement.id));
	const grouped = progress.jobs.filter(job => job.jobGroup !== undefined);
	assert.ok(grouped.length > 0, 'jobs run by statements');
	assert.ok(
		grouped.every(job => ids.has(job.jobGroup!)),
		'every group is a statement of the session',
	);
});
