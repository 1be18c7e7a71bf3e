/**
 * The ceiling on what sparktop asks of one server, whatever the settings: at most
 * `requestsPerSecond` requests per second to one origin, after a burst of `burst` (a first load).
 * A token bucket per origin, shared by every client of the process.
 */
export const requestsPerSecond = 10;
export const burst = 20;

type Bucket = {tokens: number; at: number; queue: Promise<void>};

const buckets = new Map<string, Bucket>();

async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', abort);
			resolve();
		}, ms);
		const abort = () => {
			clearTimeout(timer);
			reject(signal?.reason as Error);
		};

		signal?.addEventListener('abort', abort, {once: true});
	});
}

/** Waits for the origin's next request slot; requests take their slots in the order they asked. */
export async function takeSlot(
	origin: string,
	signal?: AbortSignal,
	now: () => number = Date.now,
): Promise<void> {
	let bucket = buckets.get(origin);
	if (!bucket) {
		bucket = {tokens: burst, at: now(), queue: Promise.resolve()};
		buckets.set(origin, bucket);
	}

	const held = bucket;
	const turn = held.queue.then(async () => {
		const time = now();
		held.tokens = Math.min(
			burst,
			held.tokens + ((time - held.at) / 1000) * requestsPerSecond,
		);
		held.at = time;
		if (held.tokens < 1) {
			const waitMs = ((1 - held.tokens) / requestsPerSecond) * 1000;
			await wait(waitMs, signal);
			held.tokens += (waitMs / 1000) * requestsPerSecond;
			held.at = now();
		}

		held.tokens -= 1;
	});
	// One request's abort must not hold up the ones queued behind it.
	held.queue = turn.catch(() => undefined);
	return turn;
}
