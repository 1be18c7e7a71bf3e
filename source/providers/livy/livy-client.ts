import type {Dispatcher} from 'undici';
import {HttpClient} from '../../http/http-client.js';
import {collectPages} from '../../http/paging.js';
import {
	basicAuthHeader,
	basicAuthSecrets,
	type BasicCredentials,
} from '../basic-auth.js';
import {mapLivyPage} from './livy-mapping.js';

export type LivyClientOptions = {
	readonly endpoint: string;
	readonly credentials?: BasicCredentials;
	readonly dispatcher?: Dispatcher;
	/** Page size for session and batch lists (Livy's own default is 100). */
	readonly pageSize?: number;
	readonly maxPages?: number;
};

type Collection = 'sessions' | 'batches';

/** Apache Livy's REST API: raw JSON per operation; mapping is the provider's job. */
export class LivyClient {
	readonly http: HttpClient;
	private readonly pageSize: number;
	private readonly maxPages: number;

	constructor(options: LivyClientOptions) {
		this.pageSize = options.pageSize ?? 100;
		this.maxPages = options.maxPages ?? 50;
		this.http = new HttpClient({
			provider: 'livy',
			endpoint: options.endpoint,
			dispatcher: options.dispatcher,
			// Livy's CSRF filter wants it on every mutating call; harmless on reads.
			headers: () => ({
				'x-requested-by': 'sparktop',
				...basicAuthHeader(options.credentials),
			}),
			secrets: () => basicAuthSecrets(options.credentials),
		});
	}

	async listSessions(signal?: AbortSignal): Promise<unknown[]> {
		return this.listAll('sessions', 'listSessions', signal);
	}

	async listBatches(signal?: AbortSignal): Promise<unknown[]> {
		return this.listAll('batches', 'listBatches', signal);
	}

	async getSession(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.http.json({
			operation: 'getSession',
			path: `sessions/${encode(id)}`,
			signal,
		});
	}

	async getBatch(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.http.json({
			operation: 'getBatch',
			path: `batches/${encode(id)}`,
			signal,
		});
	}

	async getState(
		collection: Collection,
		id: string,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation:
				collection === 'sessions' ? 'getSessionState' : 'getBatchState',
			path: `${collection}/${encode(id)}/state`,
			signal,
		});
	}

	/** The last `size` lines of a session's or batch's log (no `from` means "the tail"). */
	async getLog(
		collection: Collection,
		id: string,
		size: number,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation: collection === 'sessions' ? 'getSessionLog' : 'getBatchLog',
			path: `${collection}/${encode(id)}/log`,
			query: {size},
			signal,
		});
	}

	async listStatements(
		sessionId: string,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation: 'listStatements',
			path: `sessions/${encode(sessionId)}/statements`,
			signal,
		});
	}

	async getStatement(
		sessionId: string,
		statementId: string,
		signal?: AbortSignal,
	): Promise<unknown> {
		return this.http.json({
			operation: 'getStatement',
			path: `sessions/${encode(sessionId)}/statements/${encode(statementId)}`,
			signal,
		});
	}

	/** POST …/cancel; Livy answers `{"msg":"canceled"}`. */
	async cancelStatement(
		sessionId: string,
		statementId: string,
		signal?: AbortSignal,
	): Promise<void> {
		await this.http.json({
			operation: 'cancelStatement',
			method: 'POST',
			path: `sessions/${encode(sessionId)}/statements/${encode(statementId)}/cancel`,
			signal,
		});
	}

	/** DELETE stops a session or batch and forgets it; Livy answers `{"msg":"deleted"}`. */
	async delete(
		collection: Collection,
		id: string,
		signal?: AbortSignal,
	): Promise<void> {
		await this.http.json({
			operation: collection === 'sessions' ? 'deleteSession' : 'deleteBatch',
			method: 'DELETE',
			path: `${collection}/${encode(id)}`,
			signal,
		});
	}

	/** Pages with from/size until the server's total is reached or a page comes back short. */
	private async listAll(
		collection: Collection,
		operation: string,
		signal?: AbortSignal,
	): Promise<unknown[]> {
		return collectPages(
			async from =>
				mapLivyPage(
					await this.http.json({
						operation,
						path: collection,
						query: {from, size: this.pageSize},
						signal,
					}),
				),
			{pageSize: this.pageSize, maxPages: this.maxPages},
		);
	}
}

function encode(id: string): string {
	return encodeURIComponent(id);
}
