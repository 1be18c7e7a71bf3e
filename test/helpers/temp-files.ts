import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {TestContext} from 'node:test';

/** A folder of the test's own, removed when the test ends. */
export function tempFolder(t: TestContext): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'sparktop-test-'));
	t.after(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}

/** A config file of the test's own holding `config` as JSON (or text as given). */
export function configFile(t: TestContext, config: unknown): string {
	const file = path.join(tempFolder(t), 'config.json');
	writeFileSync(
		file,
		typeof config === 'string' ? config : JSON.stringify(config),
	);
	return file;
}
