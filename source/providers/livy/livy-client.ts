import type {Dispatcher} from 'undici';
import {
	HttpClient,
	type HttpClientOptions,
	type Query,
} from '../../http/http-client.js';
import {IncrementalWindow} from '../../http/incremental-window.js';
import {NewestFirstWindow} from '../../http/newest-first-window.js';
import {defaultWindow, type Window} from '../../http/paging.js';
import {
	basicAuthHeader,
	basicAuthSecrets,
	type BasicCredentials,
} from '../basic-auth.js';
import {listedItems} from '../../model/run-list.js';
import {asArray, asNumber, asObject} from '../../model/wire.js';
import {mapLivyPage} from './livy-mapping.js';
import {livyRunState} from './livy-states.js';

export type LivyClientOptions = {
	readonly endpoint: string;
	readonly credentials?: BasicCredentials;
	readonly dispatcher?: Dispatcher;
	/** Page size for session and batch lists (Livy's own default is 100). */
	readonly pageSize?: number;
	/** How many of the newest sessions, and of the newest batches, a list reads (`--max-runs`). */
	readonly window?: number;
	/**
	 * For services that speak Livy behind other auth and error bodies (Synapse): replaces Livy's
	 * HTTP Basic and CSRF header, and says how errors read.
	 */
	readonly http?: Pick<
		HttpClientOptions,
		| 'provider'
		| 'headers'
		| 'authorize'
		| 'secrets'
		| 'readError'
		| 'onHttpError'
	>;
	/** Added to every session and batch request (Synapse's `detailed=true`). */
	readonly runQuery?: Query;
	/** Whether a list's `total` can be believed; Synapse's has been the page length. */
	readonly trustTotal?: boolean;
};

type Collection = 'sessions' | 'batches';

/** Apache Livy's REST API (and Livy-shaped ones): raw JSON per operation; mapping is the provider's job. */
export class LivyClient {
	readonly http: HttpClient;
	private readonly pageSize: number;
	private readonly window: number;
	private readonly runQuery: Query;
	private readonly trustTotal: boolean;
	/** What each list last read: steady polls ask only for what can have changed. */
	private readonly windows: Record<
		Collection,
		IncrementalWindow | NewestFirstWindow
	>;

	constructor(options: LivyClientOptions) {
		this.pageSize = options.pageSize ?? 100;
		this.window = options.window ?? defaultWindow;
		this.runQuery = options.runQuery ?? {};
		this.trustTotal = options.trustTotal ?? true;
		const reader = () =>
			this.trustTotal ? new IncrementalWindow() : new NewestFirstWindow();
		this.windows = {sessions: reader(), batches: reader()};
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
			...options.http,
		});
	}

	async listSessions(signal?: AbortSignal): Promise<Window> {
		return this.listNewest('sessions', 'listSessions', signal);
	}

	async listBatches(signal?: AbortSignal): Promise<Window> {
		return this.listNewest('batches', 'listBatches', signal);
	}

	async getSession(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.http.json({
			operation: 'getSession',
			path: `sessions/${encode(id)}`,
			query: this.runQuery,
			signal,
		});
	}

	async getBatch(id: string, signal?: AbortSignal): Promise<unknown> {
		return this.http.json({
			operation: 'getBatch',
			path: `batches/${encode(id)}`,
			query: this.runQuery,
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

	/**
	 * A session's statements; with `newest`, only that many of the newest, as Livy 0.8+ serves them
	 * (`order=desc&size=N`). An older Livy ignores `order` and answers the oldest ones: then the
	 * newest are asked for by `from`. Either way the answer is in ascending order.
	 */
	async listStatements(
		sessionId: string,
		signal?: AbortSignal,
		newest?: number,
	): Promise<unknown> {
		const path = `sessions/${encode(sessionId)}/statements`;
		if (newest === undefined) {
			return this.http.json({operation: 'listStatements', path, signal});
		}

		const first = asObject(
			await this.http.json({
				operation: 'listStatements',
				path,
				query: {order: 'desc', from: 0, size: newest},
				signal,
			}),
		);
		const page = asArray(first['statements']);
		const ids = page.map(item => asNumber(asObject(item)['id']) ?? 0);
		const descending = ids.length < 2 || ids[0]! > ids.at(-1)!;
		const total = asNumber(first['total_statements']) ?? page.length;
		if (descending || total <= page.length) {
			return {...first, statements: descending ? page.toReversed() : page};
		}

		return this.http.json({
			operation: 'listStatements',
			path,
			query: {from: total - newest, size: newest},
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

	/**
	 * The newest runs of a collection. Livy lists oldest first with a `total`: the pages at the end
	 * are read. Where the total cannot be believed (Synapse, newest first), pages are read from the
	 * start until a short one, up to the window, and the total is not known. After the first read,
	 * each poll asks only for what can have changed (the two window readers).
	 */
	private async listNewest(
		collection: Collection,
		operation: string,
		signal?: AbortSignal,
	): Promise<Window> {
		const fetchPage = async (from: number) =>
			mapLivyPage(
				await this.http.json({
					operation,
					path: collection,
					query: {from, size: this.pageSize, ...this.runQuery},
					signal,
				}),
			);
		return this.windows[collection].read({
			fetchPage,
			pageSize: this.pageSize,
			window: this.window,
			...listedItems('id', 'state', livyRunState),
		});
	}
}

function encode(id: string): string {
	return encodeURIComponent(id);
}
