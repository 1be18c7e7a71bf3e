import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {contractsRoot, sharedContractsRoot} from './helpers/contracts.js';

/** Every file under a folder, as paths relative to it, sorted. */
function filesUnder(root: string): string[] {
	return readdirSync(root, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isFile())
		.map(entry => path.relative(root, path.join(entry.parentPath, entry.name)))
		.toSorted();
}

const shared = existsSync(sharedContractsRoot);

describe('the contract files the tests read', () => {
	test('are in the repository, so a fresh clone tests on its own', () => {
		const files = filesUnder(contractsRoot);
		for (const provider of [
			'alibaba',
			'dli',
			'livy',
			'spark-rest',
			'synapse',
		]) {
			assert.ok(
				files.some(
					file => file.startsWith(`${provider}/`) && file.endsWith('.json'),
				),
				`no ${provider} contract files under ${contractsRoot}`,
			);
		}
	});

	test(
		'are the same as the shared originals (npm run contracts:refresh copies them again)',
		{skip: shared ? false : `no ${sharedContractsRoot} beside this checkout`},
		() => {
			const copied = filesUnder(contractsRoot);
			assert.deepEqual(copied, filesUnder(sharedContractsRoot));
			for (const file of copied) {
				assert.ok(
					readFileSync(path.join(contractsRoot, file)).equals(
						readFileSync(path.join(sharedContractsRoot, file)),
					),
					`${file} differs from the shared original`,
				);
			}
		},
	);
});
