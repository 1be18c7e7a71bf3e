import {distance} from 'fastest-levenshtein';

/**
 * The known word a typo most likely meant (`endpiont` → `endpoint`, `--intervl` → `--interval`),
 * or undefined when none is close: at most a third of the word's letters differ.
 */
export function closestWord(
	word: string,
	known: Iterable<string>,
): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
	for (const candidate of known) {
		const d = distance(word.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}

	return best;
}

/** ` (did you mean "x"?)`, or nothing when no known word is close. */
export function didYouMean(word: string, known: Iterable<string>): string {
	const match = closestWord(word, known);
	return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
