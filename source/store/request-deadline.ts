import {ProviderError} from '../http/provider-error.js';

/** A request may take this many times the key's slowest recent answer before it is given up. */
const deadlineFactor = 4;
const minDeadlineMs = 2000;
const maxDeadlineMs = 30_000;

/** How many of a key's last answers its deadline is measured from. */
const latenciesKept = 5;

/** A key's recent answer times with `latencyMs` added, the oldest dropped. */
export function withLatency(
	latencies: readonly number[],
	latencyMs: number,
): number[] {
	return [...latencies.slice(1 - latenciesKept), latencyMs];
}

/**
 * How long a request may take before it is given up, from the key's recent answer times: several
 * times the slowest (never less than the interval or 2 s, never more than 30 s), so a server that
 * recovers is read again within seconds instead of after the HTTP timeouts. Undefined before any
 * answer: only those timeouts apply then.
 */
export function requestDeadlineMs(
	latencies: readonly number[],
	intervalMs: number,
): number | undefined {
	return latencies.length === 0
		? undefined
		: Math.min(
				maxDeadlineMs,
				Math.max(
					minDeadlineMs,
					intervalMs,
					deadlineFactor * Math.max(...latencies),
				),
			);
}

/** The error of a request given up at its deadline. */
export function deadlineError(
	key: string,
	deadlineMs: number,
	latencies: readonly number[],
): ProviderError {
	return new ProviderError({
		kind: 'timeout',
		provider: 'sparktop',
		operation: key,
		message: `no answer within ${formatSeconds(deadlineMs)}, where it usually answers within ${formatSeconds(Math.max(...latencies))}`,
	});
}

function formatSeconds(ms: number): string {
	return `${Math.round(ms / 100) / 10}s`;
}
