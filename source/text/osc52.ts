import {Buffer} from 'node:buffer';

/** Terminals cap OSC 52 payloads (xterm at about 100 kB of base64); longer text is cut. */
export const maxCopyBytes = 74_000;

/**
 * The escape sequence that puts `text` on the clipboard of the terminal the user sits at, over
 * SSH too. Inside tmux it is also sent wrapped for passthrough, for tmux set-ups that do not
 * forward OSC 52 themselves; a terminal ignores what it does not understand.
 */
export function osc52(text: string, inTmux: boolean): string {
	const payload = Buffer.from(text, 'utf8')
		.subarray(0, maxCopyBytes)
		.toString('base64');
	const sequence = `\u001B]52;c;${payload}\u0007`;
	return inTmux ? `${sequence}\u001BPtmux;\u001B${sequence}\u001B\\` : sequence;
}
