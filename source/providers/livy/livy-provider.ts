import type {Run} from '../../model/types.js';
import {
	type BasicCredentials,
	basicIdentity,
	credentialsForOrigin,
} from '../basic-auth.js';
import type {Provider} from '../provider.js';
import {SparkRestClient} from '../spark/spark-client.js';
import {sparkProgress} from '../spark/spark-provider.js';
import {keptRuns} from '../../model/run-list.js';
import {LivyClient} from './livy-client.js';
import {
	mapLivyDetail,
	mapLivyLog,
	mapLivyRun,
	mapLivyStatements,
} from './livy-mapping.js';

export type LivyProviderOptions = {
	readonly target: string;
	readonly endpoint: string;
	readonly credentials?: BasicCredentials;
	/** Lines fetched for the log view. */
	readonly logLines?: number;
	/** The newest sessions, and the newest batches, listed (`--max-runs`). */
	readonly maxRuns?: number;
};

const maxSparkClients = 64;

/** Statements of a session listed each poll: the newest ones (Livy itself keeps 100). */
const statementWindow = 100;

export function createLivyProvider(options: LivyProviderOptions): Provider {
	const client = new LivyClient({...options, window: options.maxRuns});
	const {target} = options;
	const sparkClients = new Map<string, SparkRestClient>();
	const collection = (run: Run) =>
		run.kind === 'batch' ? 'batches' : 'sessions';
	const listedRuns = keptRuns((body, index) => [
		mapLivyRun(target, index === 0 ? 'session' : 'batch', body),
	]);
	return {
		id: 'livy',
		kinds: ['session', 'batch'],
		target,
		endpoint: client.http.endpoint.origin + client.http.endpoint.pathname,
		identity: basicIdentity(options.credentials),
		async listRuns(signal) {
			const [sessions, batches] = await Promise.all([
				client.listSessions(signal),
				client.listBatches(signal),
			]);
			return listedRuns([sessions, batches]);
		},
		async getRun(run, signal) {
			const body =
				run.kind === 'batch'
					? await client.getBatch(run.id, signal)
					: await client.getSession(run.id, signal);
			return mapLivyDetail(
				target,
				run.kind === 'batch' ? 'batch' : 'session',
				body,
			);
		},
		async listStatements(run, signal) {
			if (run.kind !== 'session') {
				return [];
			}

			return mapLivyStatements(
				run.key,
				await client.listStatements(run.id, signal, statementWindow),
			);
		},
		async getLog(run, signal) {
			const body = await client.getLog(
				collection(run),
				run.id,
				options.logLines ?? 500,
				signal,
			);
			return mapLivyLog(run.key, body);
		},
		async cancelRun(run, signal) {
			await client.delete(collection(run), run.id, signal);
		},
		async cancelStatement(run, statement, signal) {
			await client.cancelStatement(run.id, statement.id, signal);
		},
		// Livy links each run to its Spark UI (YARN's proxy: the live driver, later the History Server);
		// the jobs there are the run's progress.
		async getProgress(run, signal) {
			if (!run.sparkUiUrl || !run.appId) {
				return {
					runKey: run.key,
					jobs: [],
					source: 'no live Spark UI for this run',
				};
			}

			let spark = sparkClients.get(run.sparkUiUrl);
			if (!spark) {
				spark = new SparkRestClient({
					endpoint: run.sparkUiUrl,
					credentials: credentialsForOrigin(
						run.sparkUiUrl,
						options.endpoint,
						options.credentials,
					),
				});
				// Runs come and go for days on end; keep the clients of recent ones only.
				if (sparkClients.size >= maxSparkClients) {
					sparkClients.delete(sparkClients.keys().next().value!);
				}

				sparkClients.set(run.sparkUiUrl, spark);
			}

			return sparkProgress(spark, run, {appId: run.appId}, signal);
		},
	};
}
