import {LazySegmenter} from './lazy-unicode.js';

/** One segmenter for the process: building one costs more than using it. */
const segmenter = new LazySegmenter(undefined, {granularity: 'grapheme'});

/**
 * The user-perceived characters of a text (an emoji with its modifiers, a letter with its accent),
 * so cutting text never splits one.
 */
export function* graphemes(text: string): Generator<string> {
	for (const {segment} of segmenter.segment(text)) {
		yield segment;
	}
}
