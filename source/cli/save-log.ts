import {writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {redact} from '../text/redact.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {SavedLog} from '../ui/log-saver-context.js';

/** `sparktop-livy-batch-7-stderr-20261202-131502.log`: what, and when, in a file name any shell takes. */
export function logFileName(name: string, at: Date): string {
	const stamp = at
		.toISOString()
		.replaceAll(/[\-:]/gv, '')
		.replace('T', '-')
		.slice(0, 15);
	const safe = name.replaceAll(/[^\w.\-]+/gv, '-').replaceAll(/^-+|-+$/gv, '');
	return `sparktop-${safe.slice(0, 120)}-${stamp}.log`;
}

/**
 * Writes a log stream into the working directory, or the temporary one where that cannot be
 * written: never over an existing file (nor through a link), readable by the user alone, and with
 * what the screen would not show either: escape sequences and anything that reads like a secret.
 */
export async function saveLog(
	log: SavedLog,
	folders: readonly string[] = [process.cwd(), tmpdir()],
	now = new Date(),
): Promise<string> {
	const text = `${log.lines.map(line => redact(sanitizeLine(line))).join('\n')}\n`;
	const name = logFileName(log.name, now);
	let lastError: unknown;
	for (const folder of folders) {
		const file = path.join(folder, name);
		try {
			// eslint-disable-next-line no-await-in-loop
			await writeFile(file, text, {flag: 'wx', mode: 0o600});
			return file;
		} catch (error) {
			lastError = error;
		}
	}

	throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
