import process from 'node:process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

/** `shared/` sits beside the checkout (CI clones main with shared/ next to it). */
export const contractsRoot = path.resolve(process.cwd(), '../shared/contracts');

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
