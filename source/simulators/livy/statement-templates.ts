/** A statement's code and the output Livy gives for it. */
export type StatementTemplate = {
	readonly code: string;
	readonly output: Record<string, unknown>;
};

/** A clipboard write and a screen clear, which the screen must show inert. */
const ansiTrap = '\u001B]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007\u001B[2J\u0007';

/**
 * What the simulated interactive services run, in turn: a count, a SQL result, a Python error with
 * its traceback, an output with terminal escapes in it, a Livy table and printed lines.
 */
export const statementTemplates: readonly StatementTemplate[] = [
	{
		code: 'spark.range(1000 * 1000).count()',
		output: {status: 'ok', data: {'text/plain': '1000000'}},
	},
	{
		code: '%%sql\nSELECT name, birthday FROM people ORDER BY birthday DESC',
		output: {
			status: 'ok',
			data: {
				'application/json': {
					schema: {
						type: 'struct',
						fields: [
							{name: 'name', type: 'string', nullable: true, metadata: {}},
							{name: 'birthday', type: 'date', nullable: true, metadata: {}},
						],
					},
					data: [
						['Jerry', '2019-07-24'],
						['Michael', '2019-07-23'],
						['Ada', '2018-12-10'],
					],
				},
			},
		},
	},
	{
		code: 'df = spark.read.parquet("s3a://lake/raw/events/dt=2026-11-20")\ndf.count()',
		output: {
			status: 'error',
			ename: 'AnalysisException',
			evalue:
				'[PATH_NOT_FOUND] Path does not exist: s3a://lake/raw/events/dt=2026-11-20.',
			traceback: [
				'Traceback (most recent call last):\n',
				'  File "<stdin>", line 1, in <module>\n',
				'  File "/opt/spark/python/pyspark/sql/readwriter.py", line 544, in parquet\n',
				'    return self._df(self._jreader.parquet(_to_seq(self._spark._sc, paths)))\n',
				'pyspark.errors.exceptions.captured.AnalysisException: [PATH_NOT_FOUND] Path does not exist.\n',
			],
		},
	},
	{
		code: "print(open('/tmp/motd').read())",
		output: {
			status: 'ok',
			data: {'text/plain': `motd: ${ansiTrap}nothing to see\u0007 here`},
		},
	},
	{
		code: '%table rows',
		output: {
			status: 'ok',
			data: {
				'application/vnd.livy.table.v1+json': {
					headers: [
						{type: 'INT_TYPE', name: 'partition'},
						{type: 'STRING_TYPE', name: 'status'},
					],
					data: [
						[0, 'ok'],
						[1, 'skewed'],
						[2, 'ok'],
					],
				},
			},
		},
	},
	{
		code: 'for i in range(3):\n    print(f"batch {i} done")',
		output: {
			status: 'ok',
			data: {'text/plain': 'batch 0 done\nbatch 1 done\nbatch 2 done'},
		},
	},
];
