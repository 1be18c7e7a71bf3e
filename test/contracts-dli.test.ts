import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {readErrorBody} from '../source/http/error-body.js';
import {readDliError} from '../source/providers/dli/dli-client.js';
import {
	mapDliBatch,
	mapDliBatchDetail,
	mapDliLog,
	mapDliProgress,
	mapDliSqlDetail,
	mapDliSqlJob,
} from '../source/providers/dli/dli-mapping.js';
import {asArray, asObject} from '../source/model/wire.js';
import {progressLines, unicodeBar} from '../source/ui/render/progress-lines.js';
import {contractFiles} from './helpers/contracts.js';
import {assertModelInvariants} from './helpers/model-invariants.js';

const files = contractFiles('dli').filter(
	file => !file.name.endsWith('.vector.json'),
);
const byName = (name: string) => {
	const file = files.find(item => item.name === name);
	assert.ok(file, name);
	return file.json;
};

/** Each file goes to the mapper of the operation it answers, as its name says. */
function mapFile(name: string, body: unknown): unknown {
	if (name.startsWith('error.')) {
		return {
			...readErrorBody(JSON.stringify(body), body),
			...readDliError(body),
		};
	}

	if (name.startsWith('list-sql-jobs')) {
		return asArray(asObject(body)['jobs']).map(job => mapDliSqlJob('dli', job));
	}

	if (name.startsWith('show-sql-job-progress')) {
		return mapDliProgress('dli:sql:1', body);
	}

	if (
		name.startsWith('show-sql-job-status') ||
		name.startsWith('show-sql-job-detail')
	) {
		return mapDliSqlDetail('dli', body, body);
	}

	if (name.startsWith('list-spark-jobs')) {
		return asArray(asObject(body)['sessions']).map(batch =>
			mapDliBatch('dli', batch),
		);
	}

	if (name.startsWith('show-spark-job-log')) {
		return mapDliLog('dli:batch:1', body);
	}

	if (
		name.startsWith('show-spark-job') ||
		name.startsWith('create-spark-job')
	) {
		return mapDliBatchDetail('dli', body);
	}

	if (name.startsWith('cancel-')) {
		return readErrorBody(JSON.stringify(body), body);
	}

	throw new Error(`no mapper for ${name}`);
}

describe('DLI contracts: every file maps', () => {
	for (const file of files) {
		test(file.name, () => {
			const mapped = mapFile(file.name, file.json);
			if (file.name.startsWith('error.')) {
				const facts = mapped as {code?: string; message?: string};
				assert.match(facts.code ?? '', /^(?:DLI|APIGW)\.\d{4}$/v);
				assert.ok(facts.message, 'an error says what went wrong');
			} else if (file.name.startsWith('cancel-')) {
				// A cancel answers success: no error code, nor is_success: false.
				assert.equal(readDliError(file.json).code, undefined);
				assert.notEqual(asObject(file.json)['is_success'], false);
			} else {
				assert.ok(
					assertModelInvariants(mapped) > 0,
					'no model object came out',
				);
			}
		});
	}
});

describe('DLI mapping values', () => {
	test("the running job's sub-job becomes a Spark job with the Java date parsed", () => {
		const progress = mapDliProgress(
			'dli:sql:1',
			byName('show-sql-job-progress.running.json'),
		);
		assert.equal(progress.final, false);
		assert.equal(progress.overall, 0);
		const [job] = progress.jobs;
		assert.equal(job?.name, 'runJob at FileFormatWriter.scala:266');
		assert.equal(job?.status, 'running');
		assert.equal(job?.jobGroup, '85798b38-ae44-48eb-bb90-7cf0dcdafe7b');
		assert.equal(job?.submittedAt, Date.parse('2020-07-27T17:24:03+08:00'));
		assert.deepEqual(job?.tasks, {
			total: 1,
			active: 1,
			completed: 0,
			completedIndices: 0,
			skipped: 0,
			failed: 0,
			killed: 0,
		});
		assert.deepEqual(job?.stages, {
			total: 1,
			active: 1,
			completed: 0,
			skipped: 0,
			failed: 0,
		});
		const text = progressLines(progress, {
			width: 80,
			glyphs: unicodeBar,
			now: Date.now(),
		})
			.map(line => line.map(part => part.text).join(''))
			.join('\n');
		assert.match(text, /0\/1 \(1 running\)/v);
	});

	test('a finished SQL job: state, times, statement, schema', () => {
		const detail = mapDliSqlDetail(
			'dli',
			byName('show-sql-job-status.finished.json'),
		);
		assert.equal(detail.state, 'succeeded');
		assert.equal(detail.rawState, 'FINISHED');
		assert.equal(detail.endedAt, 1_509_335_108_918 + 2523);
		assert.equal(detail.code, 'select * from t1');
		assert.equal(
			new Map(detail.fields).get('Result schema'),
			'id integer, name string',
		);
		assert.equal(new Map(detail.fields).get('Result rows'), '4');
	});

	test('the list: end_time, queue, owner; statuses in any case', () => {
		const [job] = mapFile(
			'list-sql-jobs.json',
			byName('list-sql-jobs.json'),
		) as Array<ReturnType<typeof mapDliSqlJob>>;
		assert.equal(job?.endedAt, 1_502_349_821_460);
		assert.equal(job?.queue, 'queue1');
		assert.equal(
			mapDliSqlJob('dli', {job_id: 'x', status: 'running'}).state,
			'running',
		);
		assert.equal(
			mapDliSqlJob('dli', {job_id: 'x', status: 'Cancelled'}).state,
			'cancelled',
		);
	});

	test('batches: a dead one with appId null, and the capitalised "Success" state', () => {
		const [dead] = mapFile(
			'list-spark-jobs.json',
			byName('list-spark-jobs.json'),
		) as Array<ReturnType<typeof mapDliBatch>>;
		assert.equal(dead?.state, 'failed');
		assert.equal(dead?.appId, undefined);
		assert.equal(dead?.queue, 'test');
		assert.equal(
			mapDliBatch('dli', byName('show-spark-job-state.json')).state,
			'succeeded',
		);
		const starting = mapDliBatchDetail('dli', byName('show-spark-job.json'));
		assert.equal(starting.state, 'starting');
		assert.equal(starting.appId, undefined, 'an empty appId is no app id');
		assert.deepEqual(starting.logTail, [
			'stdout: ',
			'stderr: ',
			'YARN Diagnostics: ',
		]);
	});

	test("error bodies: DLI codes, and the gateway's signature error explained", () => {
		assert.deepEqual(readDliError(byName('error.dli-0002.no-queue.json')), {
			code: 'DLI.0002',
			requestId: undefined,
			message: 'There is no queue named testqueue',
			throttled: false,
		});
		const gateway = readDliError(
			byName('error.apigw-0301.aksk-signature.json'),
		);
		assert.equal(gateway.code, 'APIGW.0301');
		assert.equal(
			gateway.requestId,
			undefined,
			'the masked ****** is no request id',
		);
		assert.match(
			gateway.message ?? '',
			/rejected the AK\/SK signature .*clock/v,
		);
		assert.equal(
			readDliError({error_code: 'APIGW.0308', error_msg: 'throttled'})
				.throttled,
			true,
		);
	});
});
