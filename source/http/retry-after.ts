/**
 * Reads how long a server asks us to wait: `Retry-After` in seconds or as an HTTP date,
 * and the millisecond variants Azure sends. Undefined when absent or nonsensical.
 */
export function retryAfterMs(
	headers: Readonly<Record<string, string | undefined>>,
	now: number,
): number | undefined {
	for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
		const ms = Number(headers[name]);
		if (headers[name] !== undefined && Number.isFinite(ms) && ms >= 0) {
			return ms;
		}
	}

	const value = headers['retry-after']?.trim();
	if (!value) {
		return undefined;
	}

	if (/^\d+(?:\.\d+)?$/v.test(value)) {
		return Number(value) * 1000;
	}

	const at = Date.parse(value);
	return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
