import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {formatClock, formatDuration} from '../../model/format.js';
import type {StoreStatus} from '../../store/resource-snapshot.js';
import {toneColor, useTheme} from '../theme.js';

export type StatusBarProps = {
	readonly status: StoreStatus;
	readonly targets: readonly string[];
	readonly intervalMs: number;
	readonly now: number;
	readonly write: boolean;
};

/** Top line: what is watched, how fresh it is, whether it is paused or stale, and live activity. */
export function StatusBar({
	status,
	targets,
	intervalMs,
	now,
	write,
}: StatusBarProps) {
	const theme = useTheme();
	const stale = status.errors.length > 0;
	const age =
		status.lastSuccessAt === undefined ? undefined : now - status.lastSuccessAt;
	const retryAt = status.errors
		.map(error => error.nextAttemptAt ?? now)
		.toSorted((a, b) => a - b)[0];
	return (
		<Box width="100%">
			<Text wrap="truncate-end">
				<Text bold color={toneColor(theme, 'title')}>
					sparktop
				</Text>
				<Text color={toneColor(theme, 'muted')}> {targets.join(' · ')} </Text>
				{write ? (
					<Text bold color={toneColor(theme, 'bad')}>
						WRITE{' '}
					</Text>
				) : undefined}
				{status.paused ? (
					<Text inverse bold color={toneColor(theme, 'waiting')}>
						{' PAUSED '}
					</Text>
				) : (
					<Text
						color={toneColor(theme, 'ok')}
					>{`● every ${formatDuration(intervalMs)}`}</Text>
				)}
				<Text>
					{status.lastSuccessAt === undefined
						? '  waiting for first data'
						: `  updated ${formatClock(status.lastSuccessAt, now)} (${formatDuration(Math.max(0, age ?? 0))} ago)`}
				</Text>
				{stale ? (
					<Text bold color={toneColor(theme, 'bad')}>
						{`  STALE: ${status.errors.length} failing`}
						{retryAt === undefined
							? ''
							: `, retry in ${formatDuration(Math.max(0, retryAt - now))}`}
					</Text>
				) : undefined}
			</Text>
			{status.loading ? (
				<Text color={toneColor(theme, 'active')}>
					{' '}
					<Spinner type={theme.ascii ? 'line' : 'dots'} />
				</Text>
			) : undefined}
		</Box>
	);
}
