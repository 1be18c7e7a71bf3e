/** The version of `--json` output; it changes only when a field changes meaning or goes away. */
export const jsonSchemaVersion = 1;

/** Fields of the model that hold epoch milliseconds. */
const timeFields = new Set([
	'submittedAt',
	'startedAt',
	'endedAt',
	'completedAt',
	'at',
]);

/**
 * A model value for JSON output: every epoch-ms time keeps its number and gains an ISO 8601
 * twin (`submittedAt` and `submittedAtIso`), so scripts can read whichever they prefer.
 */
export function withIsoTimes(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(item => withIsoTimes(item));
	}

	if (typeof value !== 'object' || value === null) {
		return value;
	}

	const result: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		result[key] = withIsoTimes(item);
		if (
			timeFields.has(key) &&
			typeof item === 'number' &&
			Number.isFinite(item)
		) {
			result[`${key}Iso`] = new Date(item).toISOString();
		}
	}

	return result;
}

/**
 * The one object `--once --json` prints: which command made it, when, what it found, and which
 * targets failed (the rest are still there).
 */
export function onceJson(
	command: string,
	at: number,
	body: Readonly<Record<string, unknown>>,
): string {
	return `${JSON.stringify(
		withIsoTimes({
			schemaVersion: jsonSchemaVersion,
			command,
			at,
			...body,
		}),
		undefined,
		2,
	)}\n`;
}
