#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {isProviderError} from './http/provider-error.js';
import {providerModules} from './providers/registry.js';
import {ConfigError} from './cli/config-error.js';
import {defaultConfigPath, readConfigFile} from './cli/config-file.js';
import {createProvider} from './cli/create-provider.js';
import {
	commonFlags,
	kebabCase,
	settingFlags,
	unknownFlags,
} from './cli/flags.js';
import {
	type CompletionShell,
	completionScript,
	completionShells,
} from './cli/completion.js';
import type {DoctorOptions, TargetDiagnosis} from './cli/doctor.js';
import {helpText} from './cli/help-text.js';
import {packageInfo} from './cli/package-info.js';
import type {Bounded} from './cli/bounded-number.js';
import {defaultIntervalSeconds, parseInterval} from './cli/interval.js';
import {defaultMaxRuns, parseMaxRuns} from './cli/max-runs.js';
import {type OnceCommand, OnceError, runOnce} from './cli/run-once.js';
import {startWatching} from './cli/start-watching.js';
import type {TargetConfig} from './cli/target-config.js';
import {givenTargetFlags, resolveTargets} from './cli/targets.js';
import type {Simulators} from './simulators/start-simulators.js';

const flags = {...commonFlags, ...settingFlags(providerModules)};
const cli = meow(helpText(providerModules, defaultConfigPath()), {
	importMeta: import.meta,
	pkg: packageInfo,
	flags,
	// An absent --utc or --bell leaves the config file's choice; --no-utc overrides it.
	booleanDefault: undefined,
});

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
	// The simulators load only for the demo: watching real targets never needs them.
	const {startSimulators} = await import('./simulators/start-simulators.js');
	const simulators = await startSimulators();
	const targets = simulators.started.map(({module, server}) => {
		const {provider, settings} = module.demoTarget(server.url);
		return {
			name: module.id,
			provider,
			settings,
			filters: {},
			source: {kind: 'demo'},
		} satisfies TargetConfig;
	});
	return {targets, simulators};
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

/** A numeric flag, checked, or else the config file's value, or else the default. */
function numberFlag(
	name: string,
	given: string | undefined,
	parse: (value: unknown) => Bounded,
	fallback: number,
): number {
	if (given === undefined) {
		return fallback;
	}

	const parsed = parse(given);
	if (!parsed.ok) {
		throw new ConfigError(`--${name}: ${parsed.problem}`);
	}

	return parsed.value;
}

/** `--timeout`: how long a snapshot may take, in whole seconds. */
function onceTimeout(value: string | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const seconds = /^\d+$/v.test(value) ? Number(value) : Number.NaN;
	if (!(seconds >= 1 && seconds <= 3600)) {
		throw new ConfigError(`--timeout: "${value}" is not 1-3600 seconds`);
	}

	return seconds;
}

/** `sparktop completion SHELL`: the script, with the flags, providers, filters and profiles of now. */
function completion(shell: string | undefined): number {
	if (!(completionShells as readonly string[]).includes(shell ?? '')) {
		throw new ConfigError(
			`completion takes one of ${completionShells.join(', ')}${shell ? `, not "${shell}"` : ''}`,
		);
	}

	const config = readConfigFile(
		cli.flags.config ?? defaultConfigPath(),
		cli.flags.config !== undefined,
	);
	process.stdout.write(
		completionScript(shell as CompletionShell, {
			commands: [...onceCommands, 'doctor', 'simulate', 'completion'],
			flags: [
				...Object.entries(flags).map(([name, spec]) => ({
					// A flag that is on by default is given as its negation.
					name:
						'default' in spec && spec.default
							? `no-${kebabCase(name)}`
							: kebabCase(name),
					value: spec.type !== 'boolean',
				})),
				{name: 'help', value: false},
				{name: 'version', value: false},
			],
			providers: providerModules.map(module => module.id),
			profiles: [...config.profiles.keys()],
			filters: [
				...new Set(
					providerModules.flatMap(module =>
						Object.keys(module.filters).map(name => `${name}=`),
					),
				),
			],
		}),
	);
	return 0;
}

/** `sparktop doctor`: each target's checks, printed as each target finishes; exit 1 if any failed. */
async function doctor(
	targetsOf: () => TargetConfig[],
	options: DoctorOptions,
): Promise<number> {
	// The doctor's probes (DNS, TCP, TLS) load only for it: Node's tls and dns are start-up time.
	const {diagnoseTarget, doctorExitCode, formatDiagnosis} =
		await import('./cli/doctor.js');
	let targets: TargetConfig[];
	try {
		targets = targetsOf();
	} catch (error) {
		if (!(error instanceof ConfigError)) {
			throw error;
		}

		process.stdout.write(
			`${formatDiagnosis({lines: [{check: 'config', status: 'fail', detail: error.message, fix: `write a profile in ${options.configPath}, or give --provider and its settings`}]}, cli.flags.ascii)}\n`,
		);
		return 1;
	}

	const diagnoses: TargetDiagnosis[] = [];
	for (const target of targets) {
		// One target after another, so each report reads in order as it completes.
		// eslint-disable-next-line no-await-in-loop
		const diagnosis = await diagnoseTarget(target, options);
		diagnoses.push(diagnosis);
		process.stdout.write(`${formatDiagnosis(diagnosis, cli.flags.ascii)}\n`);
	}

	return doctorExitCode(diagnoses);
}

async function main(): Promise<number> {
	const unknown = unknownFlags(cli.flags, flags);
	if (unknown) {
		throw new ConfigError(unknown);
	}

	const [command, argument] = cli.input;
	if (command === 'simulate') {
		const {simulate} = await import('./cli/simulate.js');
		return simulate(cli.flags.provider, cli.flags.port);
	}

	if (command === 'completion') {
		return completion(argument);
	}

	if (
		command !== undefined &&
		command !== 'doctor' &&
		!onceCommands.has(command)
	) {
		throw new ConfigError(`unknown command "${command}"; see sparktop --help`);
	}

	if (command !== undefined && command !== 'doctor' && !cli.flags.once) {
		throw new ConfigError(`"${command}" prints a snapshot: add --once`);
	}

	if (cli.flags.timeout !== undefined && command === undefined) {
		throw new ConfigError(
			'--timeout is for snapshots (runs --once and the like)',
		);
	}

	const configPath = cli.flags.config ?? defaultConfigPath();
	const config = readConfigFile(configPath, cli.flags.config !== undefined);
	const intervalMs =
		numberFlag(
			'interval',
			cli.flags.interval,
			parseInterval,
			config.intervalSeconds ?? defaultIntervalSeconds,
		) * 1000;
	const zone = (cli.flags.utc ?? config.utc) ? 'utc' : 'local';
	if (cli.flags.demo) {
		const given = givenTargetFlags(providerModules, cli.flags);
		if (given.length > 0) {
			throw new ConfigError(
				`--demo watches its own simulators; ${given.join(', ')} would be ignored there`,
			);
		}
	}

	const demo = cli.flags.demo ? await demoTargets() : undefined;
	const cleanup = async () => demo?.simulators.close();
	try {
		const window = numberFlag(
			'max-runs',
			cli.flags.maxRuns,
			parseMaxRuns,
			config.maxRuns ?? defaultMaxRuns,
		);
		if (command === 'doctor') {
			return await doctor(
				() =>
					demo?.targets ?? resolveTargets(providerModules, cli.flags, config),
				{maxRuns: window, configPath},
			);
		}

		const targets =
			demo?.targets ?? resolveTargets(providerModules, cli.flags, config);
		const providers = targets.map(target =>
			createProvider(target, {maxRuns: window}),
		);
		if (command !== undefined) {
			const {failed} = await runOnce({
				timeoutSeconds: onceTimeout(cli.flags.timeout),
				zone,
				command: command as OnceCommand,
				argument,
				json: cli.flags.json,
				providers,
				now: Date.now(),
				write(text) {
					process.stdout.write(text);
				},
				warn(text) {
					process.stderr.write(`sparktop: ${text}\n`);
				},
			});
			return failed > 0 ? 1 : 0;
		}

		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			throw new ConfigError(
				'the monitor needs a terminal; use "sparktop runs --once" in scripts and pipes',
			);
		}

		// Ink draws nothing live when it thinks it runs in CI; at a real terminal, the user wants the screen.
		// Ink reads that once, when it loads, so the monitor's modules load only now.
		forgetCi(process.env);
		// The lists are asked for first: their answers are on the way while the monitor loads.
		const watching = startWatching(providers, intervalMs);
		const {runTui} = await import('./cli/run-tui.js');
		return await runTui({
			providers,
			watching,
			zone,
			bell: cli.flags.bell ?? config.bell ?? false,
			color: cli.flags.color && process.env['NO_COLOR'] === undefined,
			ascii: cli.flags.ascii,
			write: cli.flags.write,
			cleanup,
		});
	} finally {
		await cleanup();
	}
}

// A reader that stops early (`sparktop runs --once | head`) is no error: end quietly, as other CLIs do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') {
		process.exit(process.exitCode ?? 0);
	}

	throw error;
});

async function run(): Promise<void> {
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
}

// The bundle runs as a script (source/launch), where there is no top-level await; an error nothing
// expected still ends the program with its stack, as an uncaught rejection.
// eslint-disable-next-line unicorn/prefer-top-level-await
void run();
