import sliceAnsi from 'slice-ansi';
import {textWidth} from './styled-row.js';

/**
 * A cache of what the last two frames used. A frame mostly draws what the frame before drew, so
 * that is all worth keeping; what scrolled away is let go a frame later, while it is still young
 * for the garbage collector (keeping thousands of lines' styled characters grew resident memory
 * by a hundred megabytes when scrolling through 10,000 runs).
 */
export class TwoFrameCache<Value> {
	private current = new Map<string, Value>();
	private previous = new Map<string, Value>();

	get(key: string): Value | undefined {
		const value = this.current.get(key);
		if (value !== undefined) {
			return value;
		}

		const kept = this.previous.get(key);
		if (kept !== undefined) {
			this.current.set(key, kept);
		}

		return kept;
	}

	set(key: string, value: Value): this {
		this.current.set(key, value);
		return this;
	}

	nextFrame(): void {
		this.previous = this.current;
		this.current = new Map();
	}
}

const caches: Array<TwoFrameCache<unknown>> = [];

/** A cache that lets go of what the last two frames did not use, as `nextFrame` moves on. */
export function frameCache<Value>(): TwoFrameCache<Value> {
	const cache = new TwoFrameCache<Value>();
	caches.push(cache);
	return cache;
}

/** Called as Ink starts a frame: every frame cache moves on. */
export function nextFrame(): void {
	for (const cache of caches) {
		cache.nextFrame();
	}
}

const shared = {
	slices: frameCache<string>(),
	widestLines: frameCache<number>(),
};

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
	let slice = shared.slices.get(key);
	if (slice === undefined) {
		slice = sliceAnsi(line, from, to);
		shared.slices.set(key, slice);
	}

	return slice;
}

/** `widest-line` as Ink calls it for every text node of every frame, kept across frames. */
export function widestLineAcrossFrames(text: string): number {
	let width = shared.widestLines.get(text);
	if (width === undefined) {
		width = 0;
		for (const line of text.split('\n')) {
			width = Math.max(width, textWidth(line));
		}

		shared.widestLines.set(text, width);
	}

	return width;
}
