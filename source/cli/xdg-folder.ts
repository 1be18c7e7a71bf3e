import {homedir} from 'node:os';
import path from 'node:path';

/**
 * The folder of sparktop's own under an XDG base folder: in `variable` if set, else in `fallback` in the home
 * folder. An empty variable counts as unset, as the XDG spec says.
 */
export function xdgFolder(
	env: NodeJS.ProcessEnv,
	variable: 'XDG_CONFIG_HOME' | 'XDG_CACHE_HOME',
	fallback: '.config' | '.cache',
): string {
	const configured = env[variable];
	return path.join(
		configured === undefined || configured === ''
			? path.join(homedir(), fallback)
			: configured,
		'sparktop',
	);
}
