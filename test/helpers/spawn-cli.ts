import process from 'node:process';
import {execFile, spawn} from 'node:child_process';
import path from 'node:path';

export const cliPath = path.resolve(process.cwd(), 'dist/sparktop.js');

export type CliResult = {
	// Node reports a signal-killed child's exit code as null.
	// eslint-disable-next-line @typescript-eslint/no-restricted-types
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
};

/** Runs the built cli with a clean environment (no cloud credentials, no CI quirks beyond what is given). */
export async function runCli(
	args: readonly string[],
	env: Record<string, string> = {},
): Promise<CliResult> {
	return runProgram(process.execPath, [cliPath, ...args], env);
}

/** Runs a program (an installed `sparktop`, say) with the same clean environment as runCli. */
export async function runProgram(
	program: string,
	args: readonly string[],
	env: Record<string, string> = {},
): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(program, args, {
			env: {
				PATH: process.env['PATH'] ?? '',
				HOME: process.env['HOME'] ?? '/tmp',
				XDG_CONFIG_HOME: '/nonexistent',
				// DefaultAzureCredential must never reach the managed-identity endpoint from a test:
				// the chain is narrowed to the Azure CLI, which tests fake on PATH where they need it.
				AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
				// Nor may anything reach Alibaba's ECS metadata address (sparktop never asks it; this makes sure).
				ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
				...env,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.on('data', (chunk: string) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', code => {
			resolve({code, stdout, stderr});
		});
	});
}

/** What `--once --json` printed: the versioned envelope, checked, as a plain object. */
export function onceJsonOf(stdout: string): Record<string, unknown> {
	const json = JSON.parse(stdout) as Record<string, unknown>;
	if (json['schemaVersion'] !== 1) {
		throw new Error(`not a version 1 envelope: ${stdout.slice(0, 200)}`);
	}

	return json;
}

/** Runs a bash command line (pipes and all) with the same clean environment as runCli. */
export async function runShell(command: string): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		execFile(
			'bash',
			['-c', command],
			{
				env: {
					PATH: process.env['PATH'] ?? '',
					HOME: process.env['HOME'] ?? '/tmp',
					XDG_CONFIG_HOME: '/nonexistent',
				},
				encoding: 'utf8',
			},
			(error, stdout, stderr) => {
				const code: unknown = error?.code;
				if (error && typeof code !== 'number') {
					reject(new Error(error.message));
					return;
				}

				resolve({code: typeof code === 'number' ? code : 0, stdout, stderr});
			},
		);
	});
}
