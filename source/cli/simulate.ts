import process from 'node:process';
import {simulatorIds, startSimulators} from '../simulators/start-simulators.js';
import {didYouMean} from '../text/closest.js';
import {ConfigError} from './config-error.js';

/** A TCP port given on the command line. */
function parsePort(value: string | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const port = /^\d+$/v.test(value) ? Number(value) : Number.NaN;
	if (!(port >= 1 && port <= 65_535)) {
		throw new ConfigError(`--port: "${value}" is not a port (1-65535)`);
	}

	return port;
}

/** `sparktop simulate`: the simulators in the foreground, each endpoint with the credentials it takes. */
export async function simulate(
	only: string | undefined,
	portFlag: string | undefined,
): Promise<number> {
	if (only !== undefined && !simulatorIds.includes(only)) {
		throw new ConfigError(
			`no simulator for "${only}"${didYouMean(only, simulatorIds)} (have: ${simulatorIds.join(', ')})`,
		);
	}

	const simulators = await startSimulators({only, port: parsePort(portFlag)});
	const width = Math.max(
		...simulators.started.map(({module}) => module.id.length),
	);
	for (const {module, server} of simulators.started) {
		process.stdout.write(
			`${module.id.padEnd(width)}  ${server.url}  ${module.credentials}\n`,
		);
	}

	process.stdout.write('simulators running; Ctrl-C stops them\n');
	await new Promise<void>(resolve => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	await simulators.close();
	return 0;
}
