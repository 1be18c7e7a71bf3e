/**
 * Characters that are each a grapheme of their own next to any other of them (Unicode's
 * Grapheme_Cluster_Break is Other or Control, and no CR to join an LF): printable ASCII, tab,
 * line feed and the escape of styles, Latin and IPA letters, punctuation, currency and other
 * symbols, arrows, box drawing, blocks, shapes and braille. Nearly every line a monitor draws,
 * styled or not, is made of these alone.
 */
const standalone =
	// eslint-disable-next-line no-control-regex -- the escape that starts a style is one of them.
	/^[\t\n\u001B\u0020-\u007E\u00A0-\u02FF\u2010-\u2027\u2030-\u205E\u2070-\u20CF\u2100-\u2BFF]*$/v;

/** Whether every character of `text` is a grapheme of its own, whatever its neighbours. */
export function isStandalone(text: string): boolean {
	return standalone.test(text);
}

/** Text made of `standalone` characters, segmented as Intl.Segmenter would: a code unit each. */
class StandaloneSegments {
	private readonly input: string;

	constructor(input: string) {
		this.input = input;
	}

	containing(index = 0): Intl.SegmentData | undefined {
		const {input} = this;
		return index >= 0 && index < input.length
			? {segment: input[index]!, index, input}
			: undefined;
	}

	*[Symbol.iterator](): Generator<Intl.SegmentData> {
		const {input} = this;
		for (let index = 0; index < input.length; index++) {
			yield {segment: input[index]!, index, input};
		}
	}
}

/**
 * An Intl.Segmenter built on first need. Building the first loads ICU's break rules, some 13 ms
 * that every start-up paid at module load (string-width and wrap-ansi's, slice-ansi, ansi-tokenize
 * and graphemes.ts each build one); text of `standalone` characters needs no rules at all.
 */
export class LazySegmenter {
	private segmenter?: Intl.Segmenter;
	private readonly locales?: Intl.LocalesArgument;
	private readonly options?: Intl.SegmenterOptions;

	constructor(locales?: Intl.LocalesArgument, options?: Intl.SegmenterOptions) {
		this.locales = locales;
		this.options = options;
	}

	segment(input: string): Intl.Segments {
		const granularity = this.options?.granularity ?? 'grapheme';
		if (granularity === 'grapheme' && isStandalone(input)) {
			return new StandaloneSegments(input);
		}

		this.segmenter ??= new Intl.Segmenter(this.locales, this.options);
		return this.segmenter.segment(input);
	}
}

/**
 * Every emoji of Unicode's RGI set holds a character shown as emoji by default or the emoji
 * variation selector (a flag's regional indicators, a skin tone and the base of a tag sequence are
 * all shown as emoji by default).
 */
const mayBeEmoji = /[\p{Emoji_Presentation}\uFE0F]/v;
let rgiEmojiPattern: RegExp | undefined;

/**
 * The `/^\p{RGI_Emoji}$/v` of string-width, built when a text could be an emoji: V8 builds the set
 * of emoji strings as it parses the pattern, some 14 ms at load.
 */
export const rgiEmoji = {
	test(text: string): boolean {
		if (!mayBeEmoji.test(text)) {
			return false;
		}

		// eslint-disable-next-line prefer-regex-literals -- a literal is parsed as its module loads.
		rgiEmojiPattern ??= new RegExp(String.raw`^\p{RGI_Emoji}$`, 'v');
		return rgiEmojiPattern.test(text);
	},
};
