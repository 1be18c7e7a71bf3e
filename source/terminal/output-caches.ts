import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

type Caches = {
	readonly widths: Map<string, unknown>;
	readonly blockWidths: Map<string, unknown>;
	readonly styledChars: Map<string, unknown>;
};

/** Entries kept before starting afresh: a few screens' worth of distinct lines. */
const limit = 20_000;

let kept: Caches | undefined;

/**
 * Ink measures and tokenizes every line it draws through caches that it makes new for every frame,
 * so a frame that changes one cell pays for all of them again. These caches are kept from frame
 * to frame instead (they hold pure results keyed by the text), and dropped when they grow large.
 */
export function outputCachesAcrossFrames<Made extends Caches>(
	make: () => Made,
): Made {
	if (
		kept === undefined ||
		kept.styledChars.size > limit ||
		kept.widths.size > limit ||
		kept.blockWidths.size > limit
	) {
		kept = make();
	}

	return kept as Made;
}

const slices = new Map<string, string>();

/**
 * `slice-ansi` as Ink calls it to clip every line of a box that hides its overflow, on every frame:
 * the same lines are clipped the same way frame after frame, so each answer is kept.
 */
export function sliceAcrossFrames(
	line: string,
	from: number,
	to: number,
): string {
	const key = `${from}:${to}:${line}`;
	let slice = slices.get(key);
	if (slice === undefined) {
		if (slices.size > limit) {
			slices.clear();
		}

		slice = sliceAnsi(line, from, to);
		slices.set(key, slice);
	}

	return slice;
}

const widths = new Map<string, number>();

/** `widest-line` as Ink calls it for every text node of every frame, kept across frames. */
export function widestLineAcrossFrames(text: string): number {
	let width = widths.get(text);
	if (width === undefined) {
		if (widths.size > limit) {
			widths.clear();
		}

		width = 0;
		for (const line of text.split('\n')) {
			width = Math.max(width, stringWidth(line));
		}

		widths.set(text, width);
	}

	return width;
}
