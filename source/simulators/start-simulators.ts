import {type SimClock, wallClock} from './sim-clock.js';
import type {RunningSimulator} from './sim-server.js';
import {simulatorModules} from './simulator-list.js';
import type {SimulatorModule} from './simulator-module.js';

export const simulatorIds = simulatorModules.map(module => module.id);

export type StartSimulatorsOptions = {
	/** Only this simulator. */
	readonly only?: string;
	/** Port for the first simulator; the next ones take the following ports. 0 picks free ports. */
	readonly port?: number;
	readonly clock?: SimClock;
	/** The hosts' own clock; the wall clock unless a test plays a skewed server. */
	readonly serverClock?: SimClock;
};

export type StartedSimulator = {
	readonly module: SimulatorModule;
	readonly server: RunningSimulator;
};

export type Simulators = {
	/** In the order of the simulator list. */
	readonly started: readonly StartedSimulator[];
	readonly servers: Readonly<Record<string, RunningSimulator | undefined>>;
	close(): Promise<void>;
};

/** Starts the simulators on loopback, one port after another, on one scenario clock. */
export async function startSimulators(
	options: StartSimulatorsOptions = {},
): Promise<Simulators> {
	const clock = options.clock ?? wallClock;
	const startedAt = clock.now();
	const modules = simulatorModules.filter(
		module => options.only === undefined || options.only === module.id,
	);
	const alongside = modules.map(module => module.id);
	const servers: Record<string, RunningSimulator> = {};
	const started: StartedSimulator[] = [];
	const close = async () => {
		await Promise.all(started.map(async ({server}) => server.close()));
	};

	try {
		for (const [index, module] of modules.entries()) {
			// Each one is up before the next takes the following port.
			// eslint-disable-next-line no-await-in-loop
			const server = await module.start({
				clock,
				serverClock: options.serverClock ?? wallClock,
				startedAt,
				port: options.port ? options.port + index : 0,
				alongside,
				urlOf: id => servers[id]?.url,
			});
			servers[module.id] = server;
			started.push({module, server});
		}
	} catch (error) {
		await close();
		throw error;
	}

	return {started, servers, close};
}
