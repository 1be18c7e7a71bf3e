import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {readErrorBody} from '../source/http/error-body.js';
import {readPopError} from '../source/providers/alibaba/pop-client.js';
import {
	mapDlaJob,
	mapDlaJobDetail,
	mapDlaLog,
	mapDlaStatement,
} from '../source/providers/dla/dla-mapping.js';
import {
	mapEmrJobRun,
	mapEmrJobRunDetail,
	mapEmrLog,
	mapEmrSessionCluster,
	mapEmrSessionDetail,
	mapEmrSqlStatement,
} from '../source/providers/emr-serverless/emr-mapping.js';
import {asArray, asObject, asString} from '../source/model/wire.js';
import {outputLines} from '../source/ui/render/output-lines.js';
import {contractFiles} from './helpers/contracts.js';
import {assertModelInvariants} from './helpers/model-invariants.js';

const files = contractFiles('alibaba').filter(
	file => !file.name.endsWith('.vector.json'),
);
const json = (name: string) => {
	const file = files.find(item => item.name === name);
	assert.ok(file, name);
	return asObject(file.json);
};

/** Responses of operations sparktop does not call still go through the generic POP reading. */
const generic = (body: unknown) => ({
	requestId: readPopError(body).requestId,
	data: asString(asObject(body)['Data']),
});

const mappers: Readonly<Record<string, (body: unknown) => unknown>> = {
	'emr-serverless.ListJobRuns.response.json': body =>
		asArray(asObject(body)['jobRuns']).map(run => mapEmrJobRun('emr', run)),
	'emr-serverless.GetJobRun.response.json': body =>
		mapEmrJobRunDetail('emr', asObject(body)['jobRun']),
	'emr-serverless.ListJobExecutors.response.json': body =>
		mapEmrJobRunDetail(
			'emr',
			{jobRunId: 'jr-1'},
			asArray(asObject(body)['exexutors']),
		),
	'emr-serverless.ListLogContents.response.json': body =>
		mapEmrLog('emr:batch:1', body),
	'emr-serverless.ListSessionClusters.response.json': body =>
		asArray(asObject(body)['sessionClusters']).map(cluster =>
			mapEmrSessionCluster('emr', cluster),
		),
	'emr-serverless.GetSessionCluster.response.json': body =>
		mapEmrSessionDetail('emr', asObject(body)['sessionCluster']),
	'emr-serverless.GetSqlStatement.response.json': body =>
		mapEmrSqlStatement('emr:session:1', asObject(body)['data']),
	'dla-spark.ListSparkJob.response.json': body =>
		asArray(asObject(asObject(body)['DataResult'])['JobList']).map(job =>
			mapDlaJob('dla', job),
		),
	'dla-spark.GetJobDetail.response.json': body =>
		mapDlaJobDetail('dla', asObject(body)['JobDetail']),
	'dla-spark.GetJobLog.response.json': body =>
		mapDlaLog('dla:batch:1', asObject(body)['Data']),
	'dla-spark.ListSparkStatements.response.json': body =>
		asArray(asObject(body)['Statements']).map(item =>
			mapDlaStatement('dla:session:1', item),
		),
	'dla-spark.GetSparkStatement.response.json': body =>
		mapDlaStatement('dla:session:1', asObject(body)['Data']),
};

describe('Alibaba contracts: every file maps', () => {
	for (const file of files) {
		test(file.name, () => {
			if (file.name.startsWith('alibaba-pop.error')) {
				const facts = readPopError(file.json);
				assert.ok(facts.code && facts.message && facts.requestId);
				assert.ok(readErrorBody(JSON.stringify(file.json), file.json).message);
				return;
			}

			if (file.name.endsWith('.request.json')) {
				// Requests are checked against what the clients send, in the provider tests.
				const request = asObject(file.json);
				assert.ok(asString(request['method']) && asString(request['path']));
				return;
			}

			const mapper = mappers[file.name];
			if (mapper) {
				assert.ok(
					assertModelInvariants(mapper(file.json)) > 0,
					'no model object came out',
				);
			} else {
				// Operations sparktop does not read still answer with a request id, read generically.
				assert.match(generic(file.json).requestId ?? '', /^[\w\-*]{8,}$/v);
			}
		});
	}
});

describe('Alibaba mapping values', () => {
	test('a listed job run: creator, queue, release, code type, cost, tags, Spark UI', () => {
		const [run] = asArray(
			json('emr-serverless.ListJobRuns.response.json')['jobRuns'],
		).map(item => mapEmrJobRun('emr', item));
		assert.equal(run?.state, 'running');
		assert.equal(run?.owner, '150978934701****');
		assert.equal(run?.queue, 'dev_queue');
		assert.equal(run?.release, 'esr-3.0.0 (Spark 3.4.3, Scala 2.12)');
		assert.equal(run?.codeType, 'SQL');
		assert.deepEqual(run?.cost, {
			cuHours: 2.059,
			vcoreSeconds: 8236,
			mbSeconds: 33_030_784,
		});
		assert.deepEqual(run?.tags, {workflowId: 'wf-123test'});
		assert.equal(
			run?.endedAt,
			undefined,
			'a running run has not ended, whatever endTime says',
		);
	});

	test('GetJobRun: resourceOwnerId, driver, overrides, reason, log paths', () => {
		const detail = mapEmrJobRunDetail(
			'emr',
			json('emr-serverless.GetJobRun.response.json')['jobRun'],
		);
		const fields = new Map(detail.fields);
		assert.equal(detail.owner, '150978934701****');
		assert.equal(
			fields.get('Entry point'),
			'oss://bucket/path/to/entrypoint.jar',
		);
		assert.equal(fields.get('spark-submit'), '--conf spark.app.name=test');
		assert.equal(fields.get('State reason'), 'ERR-100000: connection refused');
		assert.equal(fields.get('Driver stderr'), 'oss://bucket/path/to/stderr');
		assert.equal(detail.config['common.conf: hive.metastore.type'], 'USER_RDS');
		assert.equal(detail.links['Spark UI'], 'http://spark-ui');
	});

	test('executors under their misspelt key, log lines under their capitalised one', () => {
		const executors = asArray(
			json('emr-serverless.ListJobExecutors.response.json')['exexutors'],
		);
		const detail = mapEmrJobRunDetail('emr', {jobRunId: 'jr-1'}, executors);
		assert.deepEqual(detail.executors, [
			{
				id: '1',
				driver: true,
				active: true,
				cores: 4,
				memoryUsed: 30,
				maxMemory: 4_294_967_296,
				activeTasks: 10,
				completedTasks: 8,
				failedTasks: 2,
				gcTimeMs: 3,
				taskTimeMs: 123,
				removeReason: undefined,
			},
		]);
		const log = mapEmrLog(
			'emr:batch:1',
			json('emr-serverless.ListLogContents.response.json'),
		);
		assert.deepEqual(log.lines, ['spark pi is 3.14']);
		assert.equal(log.total, 10);
	});

	test('a session cluster: kind, auto start/stop, Thrift endpoints, configs', () => {
		const detail = mapEmrSessionDetail(
			'emr',
			json('emr-serverless.GetSessionCluster.response.json')['sessionCluster'],
		);
		const fields = new Map(detail.fields);
		assert.equal(detail.kind, 'session');
		assert.equal(detail.sessionKind, 'SQL');
		assert.equal(detail.state, 'running');
		assert.equal(fields.get('Auto start'), 'true');
		assert.equal(fields.get('Auto stop'), 'off (idle timeout 60 min)');
		assert.equal(
			fields.get('Thrift endpoint'),
			'emr-spark-gateway-cn-hangzhou.data.aliyun.com',
		);
		assert.equal(fields.get('extraInfoKey'), 'extraInfoValue');
		assert.equal(detail.config['spark.app.name'], 'test_application');
	});

	test('a SQL statement: rows and schema as a table', () => {
		const statement = mapEmrSqlStatement(
			'emr:session:1',
			json('emr-serverless.GetSqlStatement.response.json')['data'],
		);
		assert.equal(statement.state, 'running');
		assert.equal(statement.startedAt, 1_709_740_800_000);
		const text = outputLines(statement.output!, 80, 20)
			.map(line => line.map(part => part.text).join(''))
			.join('\n');
		assert.match(text, /namespace │ tableName {2}│ isTemporary/v);
		assert.match(text, /test_db {3}│ test_table │ false/v);
	});

	test('DLA: jobs by their Value twins, Progress vs Process, output from its JSON string', () => {
		const [job] = asArray(
			asObject(json('dla-spark.ListSparkJob.response.json')['DataResult'])[
				'JobList'
			],
		).map(item => mapDlaJob('dla', item));
		assert.equal(job?.kind, 'batch');
		assert.equal(job?.submittedAt, 1_603_792_267_000);
		assert.equal(job?.queue, 'MyCluster');
		const [listed] = asArray(
			json('dla-spark.ListSparkStatements.response.json')['Statements'],
		).map(item => mapDlaStatement('dla:session:1', item));
		assert.equal(listed?.progress, 1);
		assert.equal(listed?.output?.data['text/plain'], '4');
		const one = mapDlaStatement(
			'dla:session:1',
			json('dla-spark.GetSparkStatement.response.json')['Data'],
		);
		assert.equal(one.progress, 1);
		assert.equal(one.state, 'available');
		assert.equal(
			generic(json('dla-spark.ExecuteSparkStatement.response.json')).data,
			'2',
			'Data as a number reads as the id',
		);
	});

	test('POP errors: Throttling.User is throttling, the request id and diagnosis are kept', () => {
		const throttled = readPopError(
			json('alibaba-pop.error.Throttling.User.response.json'),
		);
		assert.equal(throttled.throttled, true);
		assert.equal(throttled.requestId, 'E7B8A4B1-0000-0000-0000-000000000000');
		const error = readPopError(json('alibaba-pop.error.response.json'));
		assert.match(
			error.message ?? '',
			/^The specified ImageId does not exist\. \(diagnosis: https:\/\/api\.alibabacloud\.com\/troubleshoot/v,
		);
		assert.match(
			readPopError({Code: 'SignatureDoesNotMatch', Message: 'x'}).message ?? '',
			/^the request signature was rejected/v,
		);
	});
});
