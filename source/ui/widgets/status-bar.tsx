import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import stringWidth from 'string-width';
import {formatDuration} from '../../model/format.js';
import {formatWhen} from '../../model/time-format.js';
import type {StoreStatus} from '../../store/resource-snapshot.js';
import {answerTimeToTheSecond} from '../../store/store-status.js';
import {useStoreStatus} from '../store-context.js';
import {toneColor, useTheme} from '../theme.js';
import {useClock} from '../use-clock.js';

export type StatusBarProps = {
	readonly width: number;
	readonly status: StoreStatus;
	readonly targets: readonly string[];
	readonly intervalMs: number;
	readonly write: boolean;
};

/** The targets as they fit in `room` cells: all of them, the first few and a count, or just a count. */
export function targetsLabel(targets: readonly string[], room: number): string {
	for (let shown = targets.length; shown > 0; shown--) {
		const rest = targets.length - shown;
		const label = [
			...targets.slice(0, shown),
			...(rest > 0 ? [`+${rest}`] : []),
		].join(' · ');
		if (stringWidth(label) <= room) {
			return label;
		}
	}

	return `${targets.length} targets`;
}

/** Top line: what is watched, how fresh it is, whether it is paused or stale, and live activity. */
export function StatusBar({
	width,
	status,
	targets,
	intervalMs,
	write,
}: StatusBarProps) {
	const theme = useTheme();
	const stale = status.errors.length > 0;
	const retryAt = status.errors
		.map(error => error.nextAttemptAt)
		.filter(at => at !== undefined)
		.toSorted((a, b) => a - b)[0];
	// Nothing here ticks while answers keep coming: the time of the last answer is given to the
	// minute. Once it is overdue (the store says when) its age ticks; so do countdowns.
	const now = useClock(() => ({
		everyMs:
			status.lateSince !== undefined || retryAt !== undefined || status.overdue
				? 1000
				: undefined,
	}));
	const age =
		status.overdue && status.updatedAt !== undefined
			? now - status.updatedAt
			: undefined;
	const mode = status.paused
		? ' PAUSED '
		: `● every ${formatDuration(intervalMs)}`;
	const freshness =
		status.updatedAt === undefined
			? '  waiting for first data'
			: `  updated ${formatWhen(status.updatedAt, now, theme.zone, answerTimeToTheSecond(status) ? 'second' : 'minute')}${age === undefined ? '' : ` (${formatDuration(age)} ago)`}`;
	const lateText =
		status.lateSince === undefined
			? ''
			: `  LATE: waiting ${formatDuration(Math.max(0, now - status.lateSince))} for an answer`;
	const staleText = stale
		? `  STALE: ${status.errors.length} failing${
				retryAt === undefined
					? ''
					: `, retry in ${formatDuration(Math.max(0, retryAt - now))}`
			}`
		: '';
	// Freshness and staleness must stay in view; the list of targets gives way first.
	const room =
		width -
		stringWidth(
			`sparktop${write ? 'WRITE ' : ''}${mode}${freshness}${lateText}${staleText}`,
		) -
		4;
	return (
		<Box width="100%">
			<Text wrap="truncate-end">
				<Text bold color={toneColor(theme, 'title')}>
					sparktop
				</Text>
				<Text color={toneColor(theme, 'muted')}>
					{' '}
					{targetsLabel(targets, room)}{' '}
				</Text>
				{write ? (
					<Text bold color={toneColor(theme, 'bad')}>
						WRITE{' '}
					</Text>
				) : undefined}
				{status.paused ? (
					<Text inverse bold color={toneColor(theme, 'waiting')}>
						{mode}
					</Text>
				) : (
					<Text color={toneColor(theme, 'ok')}>{mode}</Text>
				)}
				<Text>{freshness}</Text>
				{lateText ? (
					<Text bold color={toneColor(theme, 'waiting')}>
						{lateText}
					</Text>
				) : undefined}
				{stale ? (
					<Text bold color={toneColor(theme, 'bad')}>
						{staleText}
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

/** The top line of the store's own status: it alone re-renders when an answer comes. */
export function StoreStatusBar(props: Omit<StatusBarProps, 'status'>) {
	const status = useStoreStatus();
	return <StatusBar {...props} status={status} />;
}
