import process from 'node:process';

/**
 * Runs a user's credential or token command through the shell and returns what it printed.
 * Its output is a secret: it is never echoed, and a failure says only that it failed and why
 * (exit code or timeout), never what it printed.
 */
export async function runCommand(
	command: string,
	options: {readonly timeoutMs?: number; readonly signal?: AbortSignal} = {},
): Promise<string> {
	// Loaded only here: child_process is some 3 ms of a start-up that rarely needs it.
	const {execFile} = process.getBuiltinModule('node:child_process');
	return new Promise((resolve, reject) => {
		execFile(
			'/bin/sh',
			['-c', command],
			{
				encoding: 'utf8',
				timeout: options.timeoutMs ?? 30_000,
				maxBuffer: 1024 * 1024,
				signal: options.signal,
				windowsHide: true,
			},
			(error, stdout) => {
				if (error) {
					const {code, killed} = error as Error & {
						code?: number | string;
						killed?: boolean;
					};
					reject(
						new Error(
							killed
								? 'timed out'
								: typeof code === 'number'
									? `exited with status ${code}`
									: `could not run (${String(code ?? error.name)})`,
						),
					);
					return;
				}

				resolve(stdout);
			},
		);
	});
}
