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
		const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}

	return best;
}

/** Levenshtein distance, except that two neighbouring letters typed in swapped order count as one edit. */
function editDistance(a: string, b: string): number {
	const d = distance(a, b);
	return d === 2 && isOneSwap(a, b) ? 1 : d;
}

function isOneSwap(a: string, b: string): boolean {
	if (a.length !== b.length) {
		return false;
	}

	const differing = [...a].flatMap((char, index) =>
		char === b[index] ? [] : [index],
	);
	const [first = 0, second = 0] = differing;
	return (
		differing.length === 2 &&
		second === first + 1 &&
		a[first] === b[second] &&
		a[second] === b[first]
	);
}

/** ` (did you mean "x"?)`, or nothing when no known word is close. */
export function didYouMean(word: string, known: Iterable<string>): string {
	const match = closestWord(word, known);
	return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
