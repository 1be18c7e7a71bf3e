import type {TestContext} from 'node:test';
import {manualClock} from '../../source/simulators/sim-clock.js';
import {
	type RunningSimulator,
	type SimHandler,
	startSimServer,
} from '../../source/simulators/sim-server.js';
import {startSimulators} from '../../source/simulators/start-simulators.js';

export type ManualClock = ReturnType<typeof manualClock>;

export type Scenario = {
	/** The scenario's own clock: it moves only when the test says so. */
	readonly clock: ManualClock;
	/** The one simulator asked for, or the first. */
	readonly server: RunningSimulator;
	readonly url: string;
	readonly servers: Readonly<Record<string, RunningSimulator | undefined>>;
};

/**
 * Simulators of its own for one test, on a clock of its own set `atSeconds` into the scenario,
 * closed when the test ends: no test sees another test's requests, time or cancellations.
 */
export async function scenario(
	t: TestContext,
	options: {
		readonly only?: string;
		readonly atSeconds?: number;
		/** Epoch ms of scenario second 0, for tests whose filters are relative to the wall clock. */
		readonly start?: number;
		/** Scenario second `atSeconds` is now on the wall clock, as a child process sees it. */
		readonly now?: boolean;
		/** How far the servers' own clocks (Date headers, signature checks) run ahead of the wall clock. */
		readonly serverSkewMs?: number;
	} = {},
): Promise<Scenario> {
	const clock = manualClock(
		options.now ? Date.now() - (options.atSeconds ?? 0) * 1000 : options.start,
	);
	const skew = options.serverSkewMs ?? 0;
	const simulators = await startSimulators({
		clock,
		only: options.only,
		serverClock: {now: () => Date.now() + skew},
	});
	t.after(async () => simulators.close());
	clock.advance((options.atSeconds ?? 0) * 1000);
	const server =
		(options.only === undefined
			? undefined
			: simulators.servers[options.only]) ?? simulators.started[0]!.server;
	return {clock, server, url: server.url, servers: simulators.servers};
}

/** One loopback server with its own handler for one test, closed when the test ends. */
export async function serve(
	t: TestContext,
	name: string,
	handler: SimHandler,
): Promise<RunningSimulator> {
	const server = await startSimServer(name, handler);
	t.after(async () => server.close());
	return server;
}

export const signal = () => AbortSignal.timeout(5000);
