import {useState} from 'react';

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

/** The scroll offset, remembered between renders and adjusted during render when the selection leaves the view. */
export function useScrollOffset(
	selected: number,
	height: number,
	count: number,
): number {
	const [offset, setOffset] = useState(0);
	const next = keepInView(offset, selected, height, count);
	if (next !== offset) {
		setOffset(next);
	}

	return next;
}
