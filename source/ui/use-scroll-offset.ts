import {useRef} from 'react';

/** First visible index that keeps `selected` in view with the least movement since the last frame. */
export function keepInView(
	previous: number,
	selected: number,
	height: number,
	count: number,
): number {
	if (height <= 0 || count <= height) {
		return 0;
	}

	let offset = previous;
	if (selected < offset) {
		offset = selected;
	} else if (selected >= offset + height) {
		offset = selected - height + 1;
	}

	return Math.max(0, Math.min(offset, count - height));
}

export function useScrollOffset(
	selected: number,
	height: number,
	count: number,
): number {
	const previous = useRef(0);
	previous.current = keepInView(previous.current, selected, height, count);
	return previous.current;
}
