import type {Run, RunKind} from '../model/types.js';
import type {Provider} from '../providers/provider.js';

/** How a user names a run: `target:kind:id`, `kind:id`, or its bare id. */
export type RunName = {
	readonly target?: string;
	readonly kind?: string;
	readonly id: string;
};

export function parseRunName(text: string): RunName {
	const parts = text.trim().split(':');
	if (parts.length >= 3) {
		return {
			target: parts.slice(0, -2).join(':'),
			kind: parts.at(-2),
			id: parts.at(-1)!,
		};
	}

	return parts.length === 2
		? {kind: parts[0], id: parts[1]!}
		: {id: text.trim()};
}

function names(run: Run, name: RunName): boolean {
	return (
		run.id === name.id &&
		(name.kind === undefined || run.kind === name.kind) &&
		(name.target === undefined || run.target === name.target)
	);
}

export type Found = {readonly provider: Provider; readonly run: Run};

/**
 * The runs a name matches: among the listed runs, or else asked of each provider by id, for each
 * kind it has (a run past the listed page). More than one match means the name is ambiguous.
 */
export async function findRuns(
	providers: readonly Provider[],
	listed: readonly Run[],
	name: RunName,
	options: {
		readonly wanted?: (provider: Provider, kind: RunKind) => boolean;
		readonly signal?: AbortSignal;
	} = {},
): Promise<Found[]> {
	const wanted = options.wanted ?? (() => true);
	const byTarget = new Map(
		providers.map(provider => [provider.target, provider]),
	);
	const found = listed.flatMap(run => {
		const provider = byTarget.get(run.target);
		return provider && wanted(provider, run.kind) && names(run, name)
			? [{provider, run}]
			: [];
	});
	if (found.length > 0) {
		return found;
	}

	const asked = await Promise.all(
		providers.flatMap(provider =>
			provider.kinds
				.filter(
					kind =>
						provider.getRun !== undefined &&
						wanted(provider, kind) &&
						(name.kind === undefined || name.kind === kind) &&
						(name.target === undefined || name.target === provider.target),
				)
				.map(async (kind): Promise<Found[]> => {
					const stub: Run = {
						target: provider.target,
						kind,
						id: name.id,
						key: `${provider.target}:${kind}:${name.id}`,
						provider: provider.id,
						state: 'unknown',
						rawState: '',
					};
					try {
						return [
							{
								provider,
								run: await provider.getRun!(
									stub,
									options.signal ?? AbortSignal.timeout(30_000),
								),
							},
						];
					} catch {
						// Not this kind, or not on this target.
						return [];
					}
				}),
		),
	);
	return asked.flat();
}
