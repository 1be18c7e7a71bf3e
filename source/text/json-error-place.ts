/**
 * Where a text stops being JSON, as `line L, column C` (1-based), for error messages: V8's own
 * messages give no position for most mistakes ("Unexpected token '}', ... is not valid JSON").
 * Undefined when the text is JSON.
 */
export function jsonErrorPlace(text: string): string | undefined {
	const offset = firstBadOffset(text);
	if (offset === undefined) {
		return undefined;
	}

	const before = text.slice(0, offset).split('\n');
	return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+\-]?\d+)?/vy;

/** A small recursive reader of JSON's grammar that only finds the first offset it cannot read. */
function firstBadOffset(text: string): number | undefined {
	let at = 0;
	const stop = (): never => {
		// The offset is the whole answer; an exception is the plain way out of the recursion.
		// eslint-disable-next-line @typescript-eslint/only-throw-error
		throw at;
	};

	const space = () => {
		while (at < text.length && ' \t\n\r'.includes(text[at]!)) {
			at++;
		}
	};

	const expect = (char: string) => {
		space();
		if (text[at] !== char) {
			stop();
		}

		at++;
	};

	const string = () => {
		expect('"');
		for (;;) {
			const char = text[at];
			if (char === undefined || char < ' ') {
				stop();
			}

			if (char === '"') {
				at++;
				return;
			}

			if (char === '\\') {
				at++;
				if (text[at] === 'u') {
					if (!/^[\da-fA-F]{4}$/v.test(text.slice(at + 1, at + 5))) {
						stop();
					}

					at += 4;
				} else if (!String.raw`"\/bfnrt`.includes(text[at] ?? 'x')) {
					stop();
				}
			}

			at++;
		}
	};

	const items = (close: string, item: () => void) => {
		space();
		if (text[at] === close) {
			at++;
			return;
		}

		for (;;) {
			item();
			space();
			if (text[at] === ',') {
				at++;
			} else {
				expect(close);
				return;
			}
		}
	};

	const value = (): void => {
		space();
		switch (text[at] ?? '') {
			case '{': {
				at++;
				items('}', () => {
					space();
					string();
					expect(':');
					value();
				});

				break;
			}

			case '[': {
				at++;
				items(']', value);

				break;
			}

			case '"': {
				string();

				break;
			}

			default: {
				const word = ['true', 'false', 'null'].find(item =>
					text.startsWith(item, at),
				);
				if (word) {
					at += word.length;
					return;
				}

				number.lastIndex = at;
				if (!number.test(text)) {
					stop();
				}

				at = number.lastIndex;
			}
		}
	};

	try {
		value();
		space();
		if (at < text.length) {
			stop();
		}
	} catch (error) {
		if (typeof error === 'number') {
			return error;
		}

		throw error;
	}

	return undefined;
}
