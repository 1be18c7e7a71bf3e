import {useContext, useMemo} from 'react';
import {logStreams} from '../model/log-streams.js';
import type {LogStream, Run, Session} from '../model/types.js';
import type {ResourceSnapshot} from '../store/resource-snapshot.js';
import {logResource} from '../store/resources.js';
import {LogSaverContext} from './log-saver-context.js';
import type {useActionPrompt} from './use-action-prompt.js';
import {useRunResource} from './use-run-resource.js';

export type RunLog = {
	readonly streams: readonly LogStream[];
	readonly snapshot: ResourceSnapshot<unknown>;
	/** The run has a log to show: its provider serves one, or Detail holds its tail. */
	readonly available: boolean;
	/** Saves stream `index` to a file; the prompt says where, or why not. */
	readonly save: (index: number) => void;
};

/**
 * The selected run's log for the log view, read while it is open: the provider's log, or where it
 * has none the tail Detail holds, in its streams.
 */
export function useRunLog(
	run: Run | undefined,
	open: boolean,
	detail: ResourceSnapshot<Session>,
	prompt: ReturnType<typeof useActionPrompt>,
): RunLog {
	const log = useRunResource(run, logResource, open);
	const saveLog = useContext(LogSaverContext);
	const streams = useMemo(
		() =>
			log.available
				? logStreams(log.snapshot.data)
				: logStreams(undefined, detail.data?.logTail),
		[log.available, log.snapshot.data, detail.data],
	);
	const save = (index: number) => {
		const stream = streams[index];
		if (!run || !stream || stream.lines.length === 0) {
			prompt.say('no log to save yet', 'waiting');
			return;
		}

		const of =
			stream.total !== undefined && stream.total > stream.lines.length
				? ` (the last of ${stream.total})`
				: '';
		saveLog({
			name: `${run.target}-${run.kind}-${run.id}-${stream.name}`,
			lines: stream.lines,
		}).then(
			file => {
				prompt.say(
					`saved ${stream.lines.length} lines${of} of ${stream.name} to ${file}`,
					'ok',
				);
			},
			(error: unknown) => {
				prompt.say(
					`could not save the log: ${error instanceof Error ? error.message : String(error)}`,
					'bad',
				);
			},
		);
	};

	return {
		streams,
		snapshot: log.available ? log.snapshot : detail,
		available: log.available || (detail.data?.logTail.length ?? 0) > 0,
		save,
	};
}
