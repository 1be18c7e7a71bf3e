import type {ProviderModule} from '../providers/provider-module.js';

/** A flag column this wide; longer flags push their text to the next line. */
const flagColumn = 28;
/** Help text is wrapped to fit 100-column terminals (with the two-space indent meow adds). */
const textWidth = 100 - 2 - 6 - flagColumn;

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line !== '' && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else {
			line = line === '' ? word : `${line} ${word}`;
		}
	}

	return [...lines, line];
}

function row(indent: string, left: string, text: string): string {
	const pad = `${indent}${' '.repeat(flagColumn)}`;
	const [first = '', ...rest] = wrap(text, textWidth);
	return [
		left.length < flagColumn
			? `${indent}${left.padEnd(flagColumn)}${first}`
			: `${indent}${left}\n${pad}${first}`,
		...rest.map(line => `${pad}${line}`),
	].join('\n');
}

/** One provider's part of `--help`: what it watches, its settings (flag and profile key), its filters. */
function providerSection(module: ProviderModule): string[] {
	const settings = Object.values(module.settings).map(setting => {
		const extra = [
			setting.required ? 'required' : undefined,
			setting.env ? `or ${setting.env}` : undefined,
		].filter(Boolean);
		return row(
			'\t    ',
			`--${setting.flag} ${setting.placeholder}`,
			`${setting.help} [${setting.configKey}]${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`,
		);
	});
	const filters = Object.keys(module.filters);
	return [
		`\t  ${module.id.padEnd(16)}${module.title}`,
		...settings,
		...(filters.length > 0
			? [row('\t    ', '--filter NAME=VALUE', filters.join(', '))]
			: []),
	];
}

/** The whole `--help` text; the provider part is derived from the provider modules. */
export function helpText(
	modules: readonly ProviderModule[],
	defaultConfig: string,
): string {
	return `
	Usage
	  $ sparktop                          watch every profile in the config file
	  $ sparktop --demo                   watch the built-in simulators (no account needed)
	  $ sparktop --profile NAME           watch one profile (repeatable)
	  $ sparktop --provider ID [settings of that provider]
	  $ sparktop runs --once [--json]     one snapshot of the runs, then exit
	  $ sparktop sessions --once [--json]
	  $ sparktop statements SESSION_ID --once [--json]
	  $ sparktop progress RUN_ID --once [--json]
	  $ sparktop doctor [--profile NAME]  check each target: config, credentials, network, auth, clock, a list call
	  $ sparktop simulate [--provider ID] [--port N]
	  $ sparktop completion bash|zsh|fish  a completion script: eval "$(sparktop completion bash)"

	Options
	  --demo              start the simulators in-process and watch them
	  --profile NAME      a profile from the config file (repeatable)
	  --provider ID       provider of a single target given on the command line
	  --filter NAME=VALUE a list filter of the provider (repeatable; see below)
	  --interval SECONDS  polling interval (default 3)
	  --max-runs N        the newest N runs of each kind read from a target (default 5000)
	  --once              print one snapshot and exit (with runs, sessions, statements, progress)
	  --timeout SECONDS   how long a snapshot may take, all requests included (default 60)
	  --json              print the snapshot as JSON model objects
	  --write             allow mutating actions (always confirmed); read-only by default
	  --no-color          no colours (NO_COLOR is honoured too)
	  --utc               times in UTC (default: the local time zone)
	  --bell              ring the terminal bell when a watched run turns failed
	  --ascii             ASCII borders and bars for terminals without Unicode
	  --config FILE       config file (default ${defaultConfig})
	  --port N            first port for "simulate" (default: free ports)

	Providers and their settings (a flag, or the key in [brackets] in a config-file profile)
${modules.flatMap(module => providerSection(module)).join('\n')}

	Exit status: 0 ok, 1 the target failed or was unreachable, 2 bad usage or config, 70 crash.
`;
}
