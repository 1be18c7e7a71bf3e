import {json, type SimHandler} from '../sim-server.js';

export type ManyBatches = {
	readonly handler: SimHandler;
	/** The batches, oldest first, for a test or benchmark to change as a server would. */
	readonly batches: Array<{id: number; name: string; state: string}>;
	/** The list requests and the bytes answered since the last call. */
	poll(): {requests: string[]; bytes: number};
};

/**
 * A Livy server holding `count` batches and no sessions, a few of them running: Livy's list wire
 * (`from`/`size` pages, oldest first, with a total) at a scale the scenario simulator does not
 * reach, counting what each poll asks for. `newestFirst` lists as Synapse does: newest first, with
 * the page's length for a total.
 */
export function manyBatches(
	count: number,
	running: readonly number[] = [],
	{newestFirst = false} = {},
): ManyBatches {
	const batches = Array.from({length: count}, (_, id) => ({
		id,
		name: `nightly-etl-${String(id).padStart(5, '0')}`,
		state: running.includes(id) ? 'running' : 'success',
	}));
	const asked: string[] = [];
	let bytes = 0;
	return {
		batches,
		handler(request) {
			// The selected run's detail, as the Runs pane asks for it on every move.
			const one = /^\/batches\/(?<id>\d+)$/v.exec(request.path)?.groups?.['id'];
			if (one !== undefined) {
				const batch = batches[Number(one)];
				return batch
					? json(200, batch)
					: json(404, {msg: `Session '${one}' not found.`});
			}

			const from = Number(request.query.get('from') ?? 0);
			const size = Number(request.query.get('size') ?? 100);
			asked.push(`${request.path}?from=${from}`);
			const items =
				request.path === '/batches'
					? newestFirst
						? batches.toReversed()
						: batches
					: request.path === '/sessions'
						? []
						: undefined;
			if (!items) {
				return json(404, {msg: `no route ${request.path}`});
			}

			const page = items.slice(from, from + size);
			const answer = json(200, {
				from,
				total: newestFirst ? page.length : items.length,
				sessions: page,
			});
			bytes += answer.body.length;
			return answer;
		},
		poll() {
			const seen = {requests: [...asked], bytes};
			asked.length = 0;
			bytes = 0;
			return seen;
		},
	};
}
