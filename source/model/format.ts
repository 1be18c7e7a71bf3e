/** Human formats for times and durations; pure, host-time-zone independent unless asked. */

export function formatDuration(ms: number | undefined): string {
	if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
		return '';
	}

	const seconds = Math.floor(ms / 1000);
	if (seconds < 60) {
		return `${seconds}s`;
	}

	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) {
		return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
	}

	const hours = Math.floor(minutes / 60);
	if (hours < 48) {
		return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
	}

	return `${Math.floor(hours / 24)}d${String(hours % 24).padStart(2, '0')}h`;
}

/** The finest of the steps of the times something shows; undefined when none moves. */
export function finestStepMs(steps: readonly number[]): number | undefined {
	return steps.length === 0 ? undefined : Math.min(...steps);
}

/** How long `formatDuration(ms)` keeps its text: its smallest unit at that length. */
export function durationStepMs(ms: number): number {
	if (ms < 3_600_000) {
		return 1000;
	}

	return ms < 48 * 3_600_000 ? 60_000 : 3_600_000;
}

/** Duration of a run: to its end, or to now while it is still going. */
export function runDuration(
	run: {startedAt?: number; submittedAt?: number; endedAt?: number},
	now: number,
): number | undefined {
	const start = run.startedAt ?? run.submittedAt;
	if (start === undefined) {
		return undefined;
	}

	return (run.endedAt ?? now) - start;
}

export function formatBytes(bytes: number | undefined): string {
	if (bytes === undefined || !Number.isFinite(bytes)) {
		return '';
	}

	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
	let value = bytes;
	let unit = 0;
	while (Math.abs(value) >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
