export type BackoffPolicy = {
	readonly baseMs: number;
	readonly capMs: number;
};

/**
 * Delay before the next attempt after `failures` consecutive failures: exponential from the
 * base, capped, with "equal jitter" (half fixed, half random) so many clients do not retry in step.
 * A server's own Retry-After wins when it asks for longer.
 */
export function backoffDelay(
	failures: number,
	policy: BackoffPolicy,
	random: () => number,
	retryAfterMs?: number,
): number {
	const exponent = Math.max(0, failures - 1);
	const ceiling = Math.min(
		policy.capMs,
		policy.baseMs * 2 ** Math.min(exponent, 20),
	);
	const jittered = ceiling / 2 + (random() * ceiling) / 2;
	return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
