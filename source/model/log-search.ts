/** Lines that look like trouble in a JVM or Python log: what `e` jumps to in the log view. */
const troublePattern =
	/\b(?:ERROR|FATAL|SEVERE)\b|Exception\b|Error:|^Traceback \(most recent call last\)|^Caused by:|^\s+at [\w$.]+\(/v;

export function looksLikeTrouble(line: string): boolean {
	return troublePattern.test(line);
}

/** Where `needle` occurs in `line`, case-insensitively: [start, end) pairs in code units. */
export function matchRanges(
	line: string,
	needle: string,
): Array<readonly [number, number]> {
	if (needle === '') {
		return [];
	}

	const haystack = line.toLowerCase();
	const wanted = needle.toLowerCase();
	const ranges: Array<readonly [number, number]> = [];
	let from = 0;
	for (;;) {
		const at = haystack.indexOf(wanted, from);
		if (at === -1) {
			return ranges;
		}

		ranges.push([at, at + wanted.length]);
		from = at + wanted.length;
	}
}

/**
 * The next line after `from` (or before it, going back) that `matches`, wrapping around the end;
 * undefined when no line does.
 */
export function findLine(
	lines: readonly string[],
	from: number,
	direction: 1 | -1,
	matches: (line: string) => boolean,
): number | undefined {
	const count = lines.length;
	for (let step = 1; step <= count; step++) {
		const index = (((from + direction * step) % count) + count) % count;
		if (matches(lines[index]!)) {
			return index;
		}
	}

	return undefined;
}
