import {type Column, columnsOf, frameDiff} from './frame-diff.js';
import {columnsOfRow} from './frame-output.js';

type Position = {readonly x: number; readonly y: number};

/** What Ink asks of its log-update writer (ink/build/log-update.js), which this replaces. */
export type InkLogUpdate = ((
	text: string,
	synchronized?: boolean,
) => boolean) & {
	clear(): void;
	done(): void;
	sync(text: string): void;
	setCursorPosition(position: Position | undefined): void;
	isCursorDirty(): boolean;
	willRender(text: string): boolean;
};

type Screen = Pick<NodeJS.WriteStream, 'write'> & {
	readonly columns?: number;
	readonly rows?: number;
};

const home = '\u001B[H';
const eraseScreen = '\u001B[2J';
const hideCursor = '\u001B[?25l';
const showCursor = '\u001B[?25h';
// A terminal that knows synchronized updates shows the frame between these at once.
const beginUpdate = '\u001B[?2026h';
const endUpdate = '\u001B[?2026l';

const linesOf = (text: string) => {
	const lines = text.split('\n');
	return text.endsWith('\n') ? lines.slice(0, -1) : lines;
};

/**
 * Ink's output stage for a full-screen program on the alternate screen: each frame is compared
 * with the one on screen and only the changed cells are written, at absolute positions. Ink's own
 * incremental writer rewrites every changed row whole and steps over unchanged rows one by one.
 * A size change or a clear redraws everything.
 */
export function createScreenWriter(
	stream: Screen,
	{showCursor: cursorShown = false} = {},
): InkLogUpdate {
	let onScreen: string[] | undefined;
	let size = '';
	let cursor: Position | undefined;
	let cursorDirty = false;
	let cursorHidden = false;
	let previousText = '';
	// The columns of lines drawn last frame: the next frame's changes are measured against them.
	let parsed = new Map<string, Column[]>();

	const sizeNow = () => `${stream.columns ?? 0}x${stream.rows ?? 0}`;
	const fits = (lines: string[]) =>
		stream.rows ? lines.slice(0, stream.rows) : lines;
	// Where Ink asks for a visible cursor (none of sparktop's screens do), it is put there and shown.
	let cursorWasShown = false;
	const cursorSuffix = () => {
		const shown = cursorWasShown;
		cursorWasShown = cursor !== undefined;
		if (cursor === undefined) {
			return shown && !cursorShown ? hideCursor : '';
		}

		return `\u001B[${cursor.y + 1};${cursor.x + 1}H${showCursor}`;
	};

	const willRender = (text: string) => text !== previousText || cursorDirty;
	const render = (text: string, synchronized = false): boolean => {
		if (!willRender(text)) {
			return false;
		}

		cursorDirty = false;
		previousText = text;
		const lines = fits(linesOf(text));
		let patch = '';
		if (!cursorShown && !cursorHidden) {
			patch += hideCursor;
			cursorHidden = true;
		}

		const drawn = new Map<string, Column[]>();
		const parse = (line: string) => {
			const columns =
				parsed.get(line) ??
				drawn.get(line) ??
				columnsOfRow(line) ??
				columnsOf(line);
			drawn.set(line, columns);
			return columns;
		};

		if (onScreen === undefined || size !== sizeNow()) {
			patch += home + eraseScreen + frameDiff([], lines, parse);
			size = sizeNow();
		} else {
			patch += frameDiff(onScreen, lines, parse);
		}

		parsed = drawn;
		onScreen = lines;
		const frame = patch + cursorSuffix();
		stream.write(synchronized ? beginUpdate + frame + endUpdate : frame);
		return true;
	};

	return Object.assign(render, {
		clear() {
			// Ink clears before it writes console output over the frame: the next frame is drawn
			// whole, on a cleared screen, so nothing of that output is left in the frame's blanks.
			stream.write(home + eraseScreen);
			onScreen = undefined;
			previousText = '';
		},
		done() {
			onScreen = undefined;
			previousText = '';
			cursor = undefined;
			if (!cursorShown) {
				stream.write(showCursor);
				cursorHidden = false;
			}
		},
		sync(text: string) {
			// Ink drew this frame itself, from the top of a cleared screen.
			onScreen = fits(linesOf(text));
			previousText = text;
			size = sizeNow();
		},
		setCursorPosition(position: Position | undefined) {
			cursor = position;
			cursorDirty = true;
		},
		isCursorDirty: () => cursorDirty,
		willRender,
	});
}

/** The shape of ink/build/log-update.js's default export. */
export const logUpdate = {
	create: (stream: Screen, options?: {showCursor?: boolean}) =>
		createScreenWriter(stream, options),
};
