import process from 'node:process';
import {execFileSync, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

export function hasTmux(): boolean {
	return spawnSync('tmux', ['-V'], {stdio: 'ignore'}).status === 0;
}

/**
 * Why a test that needs tmux is skipped, or false to run it: locally a missing tmux skips it, but
 * CI sets SPARKTOP_REQUIRE_TMUX, so there the test runs and fails instead.
 */
export function tmuxSkip(): false | string {
	return hasTmux() || process.env['SPARKTOP_REQUIRE_TMUX']
		? false
		: 'tmux is not installed (.ci/run installs it)';
}

/** A private tmux server (its own socket), so tests never touch the user's sessions. */
export class TmuxSession {
	readonly socket = `sparktop-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	get name(): string {
		return 'e2e';
	}

	tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {
			encoding: 'utf8',
			timeout: 15_000,
		});
	}

	/** Starts `command` in a detached pane; the shell line after it reports the exit status and signals `done`. */
	start(command: string, columns: number, rows: number): void {
		this.tmux(
			'new-session',
			'-d',
			'-s',
			this.name,
			'-x',
			String(columns),
			'-y',
			String(rows),
			`${command}; echo EXIT=$?; tmux -L ${this.socket} wait-for -S ${this.name}-done; sleep 60`,
		);
	}

	/** The process id of a command started with `recordPid`. */
	pid(file: string): number {
		return Number(readFileSync(file, 'utf8').trim());
	}

	capture(): string {
		return this.tmux('capture-pane', '-p', '-t', this.name);
	}

	keys(...keys: string[]): void {
		this.tmux('send-keys', '-t', this.name, ...keys);
	}

	type(text: string): void {
		this.tmux('send-keys', '-t', this.name, '-l', text);
	}

	display(format: string): string {
		return this.tmux('display', '-p', '-t', this.name, format).trim();
	}

	resize(columns: number, rows: number): void {
		this.tmux(
			'resize-window',
			'-t',
			this.name,
			'-x',
			String(columns),
			'-y',
			String(rows),
		);
	}

	waitForExit(timeoutMs: number): void {
		execFileSync('tmux', ['-L', this.socket, 'wait-for', `${this.name}-done`], {
			timeout: timeoutMs,
		});
	}

	/** Lets the program's OSC 52 copies land in a tmux buffer (`clipboard()` reads the newest). */
	acceptClipboard(): void {
		this.tmux('set-option', '-s', 'set-clipboard', 'on');
	}

	clipboard(): string {
		return this.tmux('show-buffer');
	}

	/** Polls the screen until `check` passes; returns the matching screen. */
	async waitFor(
		check: (screen: string) => boolean,
		what: string,
		timeoutMs = 20_000,
	): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < deadline) {
			screen = this.capture();
			if (check(screen)) {
				return screen;
			}

			await new Promise(resolve => {
				setTimeout(resolve, 150);
			});
		}

		throw new Error(`timed out waiting for ${what}; screen was:\n${screen}`);
	}

	kill(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server'], {stdio: 'ignore'});
	}
}

/** A shell command that writes its own process id to `file`, then becomes `command` (exec). */
export function recordPid(file: string, command: string): string {
	return `sh -c 'echo $$ > ${file}; exec ${command}'`;
}
