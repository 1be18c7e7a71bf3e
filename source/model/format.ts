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

/** `HH:MM:SS` for today, `MM-DD HH:MM` for older times, in local time. */
export function formatClock(at: number | undefined, now: number): string {
	if (at === undefined) {
		return '';
	}

	const date = new Date(at);
	const pad = (n: number) => String(n).padStart(2, '0');
	const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
	if (Math.abs(now - at) < 20 * 3600 * 1000) {
		return `${time}:${pad(date.getSeconds())}`;
	}

	return `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

export function formatIso(at: number | undefined): string {
	return at === undefined ? '' : new Date(at).toISOString();
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
