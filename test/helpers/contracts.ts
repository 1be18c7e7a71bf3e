import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository's root, from this module's place in dist/test/helpers/. */
export const repositoryRoot = fileURLToPath(
	new URL('../../../', import.meta.url),
);

/** The copy of the team's contract files that the tests read (see test/fixtures/refresh-contracts.mjs). */
export const contractsRoot = path.join(
	repositoryRoot,
	'test/fixtures/contracts',
);

/** The team's shared originals, when they sit beside the checkout. */
export const sharedContractsRoot = path.join(
	repositoryRoot,
	'../shared/contracts',
);

export type ContractFile = {
	readonly name: string;
	readonly json: unknown;
};

export function contractFiles(provider: string): ContractFile[] {
	const folder = path.join(contractsRoot, provider);
	if (!existsSync(folder)) {
		throw new Error(`contract folder missing: ${folder}`);
	}

	return readdirSync(folder)
		.filter(name => name.endsWith('.json'))
		.toSorted()
		.map(name => ({
			name,
			json: JSON.parse(
				readFileSync(path.join(folder, name), 'utf8'),
			) as unknown,
		}));
}

export type Envelope = {
	readonly request: {readonly method: string; readonly path: string};
	readonly response: {
		readonly status: number;
		readonly body: unknown;
		readonly reason?: string;
	};
};

export function isEnvelope(json: unknown): json is Envelope {
	return (
		typeof json === 'object' &&
		json !== null &&
		'request' in json &&
		'response' in json
	);
}
