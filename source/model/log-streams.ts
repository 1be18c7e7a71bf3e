import type {LogStream, LogTail} from './types.js';

/**
 * Livy's log (and so Synapse's and DLA's) is one list of lines with a line that opens each part:
 * `stdout: `, then `\nstderr: `, then `\nYARN Diagnostics: `, in that order. A tail may start
 * inside a part: its first lines belong to the part before the first opening line seen.
 */
const livyParts = [
	['stdout', /^\n?stdout: ?(.*)$/sv],
	['stderr', /^\n?stderr: ?(.*)$/sv],
	['YARN diagnostics', /^\n?YARN Diagnostics: ?(.*)$/sv],
] as const;

function partOf(line: string): {index: number; rest: string} | undefined {
	for (const [index, [, pattern]] of livyParts.entries()) {
		const match = pattern.exec(line);
		if (match) {
			return {index, rest: match[1] ?? ''};
		}
	}

	return undefined;
}

/** The parts of a log in Livy's layout; one stream named `log` when it has none of their markers. */
export function splitLivyLog(lines: readonly string[]): LogStream[] {
	const streams = new Map<number, string[]>();
	let current: number | undefined;
	let before: string[] = [];
	for (const line of lines) {
		const part = partOf(line);
		if (part) {
			if (current === undefined && before.length > 0) {
				// Lines before the first marker belong to the part before it.
				streams.set(Math.max(0, part.index - 1), before);
				before = [];
			}

			current = part.index;
			const bucket = streams.get(current) ?? [];
			streams.set(current, bucket);
			if (part.rest.trim() !== '') {
				bucket.push(part.rest);
			}

			continue;
		}

		if (current === undefined) {
			before.push(line);
		} else {
			streams.get(current)!.push(line);
		}
	}

	if (current === undefined) {
		return [{name: 'log', lines}];
	}

	return [...streams.entries()]
		.toSorted(([a], [b]) => a - b)
		.map(([index, bucket]) => ({name: livyParts[index]![0], lines: bucket}));
}

/** The streams of a log as the log view shows them: the provider's own split, else Livy's parts. */
export function logStreams(
	tail: LogTail | undefined,
	fallback: readonly string[] = [],
): LogStream[] {
	if (tail?.streams && tail.streams.length > 0) {
		return [...tail.streams];
	}

	const lines = tail?.lines ?? fallback;
	return lines.length === 0 ? [] : splitLivyLog(lines);
}
