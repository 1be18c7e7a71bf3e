/** A range of a log as a service answers it: some lines, and how many it holds in all where it says. */
export type LogRange = {
	readonly lines: readonly string[];
	readonly total?: number;
};

/**
 * The last `size` lines of a log read by offset (DLI's batch log, EMR's ListLogContents). Only an
 * answer says how long the log is, so a long one takes a second request for its tail.
 */
export async function readLogTail(
	read: (from: number, size: number) => Promise<LogRange>,
	size: number,
): Promise<LogRange> {
	const first = await read(0, size);
	const total = first.total ?? first.lines.length;
	return total <= size ? first : read(total - size, size);
}
