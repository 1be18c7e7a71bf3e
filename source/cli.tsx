#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {isProviderError} from './http/provider-error.js';
import type {Provider} from './providers/provider.js';
import {
	ConfigError,
	createProvider,
	filtersOf,
	providerIds,
	type TargetConfig,
} from './providers/registry.js';
import {defaultConfigPath, readConfigFile} from './cli/config-file.js';
import {type OnceCommand, OnceError, runOnce} from './cli/run-once.js';
import {resolveTargets} from './cli/targets.js';
import {
	demoTarget,
	type SimulatorId,
	simulatorIds,
	startSimulators,
	type Simulators,
} from './simulators/start-simulators.js';

const cli = meow(
	`
	Usage
	  $ sparktop                          watch every profile in the config file
	  $ sparktop --demo                   watch the built-in simulators (no account needed)
	  $ sparktop --profile NAME           watch one profile (repeatable)
	  $ sparktop --provider ID --endpoint URL
	  $ sparktop runs --once [--json]     one snapshot of the runs, then exit
	  $ sparktop sessions --once [--json]
	  $ sparktop statements SESSION_ID --once [--json]
	  $ sparktop progress RUN_ID --once [--json]
	  $ sparktop simulate [--provider ID] [--port N]

	Providers
	  ${providerIds.join(', ')}

	Options
	  --demo              start the simulators in-process and watch them
	  --profile NAME      a profile from the config file (repeatable)
	  --provider ID       provider of a single target given on the command line
	  --endpoint URL      its endpoint (Livy :8998, Spark UI :4040, History Server :18080,
	                      Synapse https://WORKSPACE.dev.azuresynapse.net)
	  --user NAME         HTTP Basic user; the password comes from SPARKTOP_PASSWORD
	  --region R  --workspace W  --pool P  --project-id P   cloud provider scoping
	                      (--region gives the endpoint of dli, emr-serverless and dla;
	                      --workspace: Synapse workspace, EMR workspace id, DLA virtual cluster)
	  --token-command CMD a command that prints a token: synapse's bearer token (default:
	                      DefaultAzureCredential: environment, managed identity, az login),
	                      or an IAM token for dli (instead of AK/SK signing)
	  --api-version V     Synapse livyApi version (default 2019-11-01-preview, or 2020-12-01)
	  --credential-command CMD   a command that prints cloud credentials as JSON
	                      (dli, emr-serverless, dla)
	  --filter NAME=VALUE a list filter of the provider (repeatable):
${providerIds
	.filter(id => Object.keys(filtersOf(id)).length > 0)
	.map(
		id =>
			`	                      ${id}: ${Object.keys(filtersOf(id)).join(', ')}`,
	)
	.join('\n')}
	  --interval SECONDS  polling interval (default 3)
	  --once              print one snapshot and exit (with runs, sessions, statements, progress)
	  --json              print the snapshot as JSON model objects
	  --write             allow mutating actions (always confirmed); read-only by default
	  --no-color          no colours (NO_COLOR is honoured too)
	  --ascii             ASCII borders and bars for terminals without Unicode
	  --config FILE       config file (default ${defaultConfigPath()})
	  --port N            first port for "simulate" (default: free ports)

	Exit status: 0 ok, 1 the target failed or was unreachable, 2 bad usage or config, 70 crash.
`,
	{
		importMeta: import.meta,
		flags: {
			demo: {type: 'boolean', default: false},
			profile: {type: 'string', isMultiple: true},
			provider: {type: 'string'},
			endpoint: {type: 'string'},
			user: {type: 'string'},
			region: {type: 'string'},
			workspace: {type: 'string'},
			pool: {type: 'string'},
			projectId: {type: 'string'},
			tokenCommand: {type: 'string'},
			apiVersion: {type: 'string'},
			credentialCommand: {type: 'string'},
			filter: {type: 'string', isMultiple: true},
			interval: {type: 'number'},
			once: {type: 'boolean', default: false},
			json: {type: 'boolean', default: false},
			write: {type: 'boolean', default: false},
			color: {type: 'boolean', default: true},
			ascii: {type: 'boolean', default: false},
			config: {type: 'string'},
			port: {type: 'number'},
		},
	},
);

const onceCommands = new Set<string>([
	'runs',
	'sessions',
	'statements',
	'progress',
]);

async function demoTargets(): Promise<{
	targets: TargetConfig[];
	simulators: Simulators;
}> {
	const simulators = await startSimulators();
	const targets = simulatorIds.flatMap(id => {
		const server = simulators.servers[id];
		return server ? [demoTarget(id, server.url)] : [];
	});
	return {targets, simulators};
}

async function simulate(): Promise<number> {
	const only = cli.flags.provider as SimulatorId | undefined;
	if (only !== undefined && !simulatorIds.includes(only)) {
		throw new ConfigError(
			`no simulator for "${only}" (have: ${simulatorIds.join(', ')})`,
		);
	}

	const simulators = await startSimulators({only, port: cli.flags.port});
	for (const [id, server] of Object.entries(simulators.servers)) {
		process.stdout.write(`${id.padEnd(8)} ${server.url}\n`);
	}

	process.stdout.write('simulators running; Ctrl-C stops them\n');
	await new Promise<void>(resolve => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	await simulators.close();
	return 0;
}

/** The variables that make Ink (through is-in-ci) think it runs in CI. */
function forgetCi(env: NodeJS.ProcessEnv): void {
	for (const name of Object.keys(env)) {
		if (
			name === 'CI' ||
			name === 'CONTINUOUS_INTEGRATION' ||
			name.startsWith('CI_')
		) {
			// The names are only known at run time; Reflect.deleteProperty is the plain way to drop them.
			Reflect.deleteProperty(env, name);
		}
	}
}

async function main(): Promise<number> {
	const [command, argument] = cli.input;
	if (command === 'simulate') {
		return simulate();
	}

	if (command !== undefined && !onceCommands.has(command)) {
		throw new ConfigError(`unknown command "${command}"; see sparktop --help`);
	}

	if (command !== undefined && !cli.flags.once) {
		throw new ConfigError(`"${command}" prints a snapshot: add --once`);
	}

	const configPath = cli.flags.config ?? defaultConfigPath();
	const config = readConfigFile(configPath, cli.flags.config !== undefined);
	const demo = cli.flags.demo ? await demoTargets() : undefined;
	const cleanup = async () => demo?.simulators.close();
	try {
		const targets = demo?.targets ?? resolveTargets(cli.flags, config);
		const providers: Provider[] = targets.map(target => createProvider(target));
		const intervalMs =
			Math.max(0.5, cli.flags.interval ?? config.intervalSeconds ?? 3) * 1000;
		if (command !== undefined) {
			await runOnce({
				command: command as OnceCommand,
				argument,
				json: cli.flags.json,
				providers,
				now: Date.now(),
				write(text) {
					process.stdout.write(text);
				},
			});
			return 0;
		}

		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			throw new ConfigError(
				'the monitor needs a terminal; use "sparktop runs --once" in scripts and pipes',
			);
		}

		// Ink draws nothing live when it thinks it runs in CI; at a real terminal, the user wants the screen.
		// Ink reads that once, when it loads, so the monitor's modules load only now.
		forgetCi(process.env);
		const {runTui} = await import('./cli/run-tui.js');
		return await runTui({
			providers,
			intervalMs,
			color: cli.flags.color && process.env['NO_COLOR'] === undefined,
			ascii: cli.flags.ascii,
			write: cli.flags.write,
			cleanup,
		});
	} finally {
		await cleanup();
	}
}

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof ConfigError || error instanceof OnceError) {
		process.stderr.write(`sparktop: ${error.message}\n`);
		process.exitCode = error instanceof ConfigError ? 2 : 1;
	} else if (isProviderError(error)) {
		process.stderr.write(`sparktop: ${error.summary()}\n`);
		process.exitCode = 1;
	} else {
		throw error;
	}
}

// Output to a pipe is written asynchronously: let it all out before exiting, or a long snapshot is cut.
await new Promise(resolve => {
	process.stdout.write('', resolve);
});
// Keep-alive sockets and unref'd timers must not hold the process open after the screen is gone.
process.exit();
