import {livyApplications} from '../livy/livy-scenario.js';
import {startSimServer} from '../sim-server.js';
import type {SimulatorModule} from '../simulator-module.js';
import type {SimApplication} from './spark-scenario.js';
import {sparkSimulator} from './spark-simulator.js';

/** A History Server's worth of standalone applications beside the ones behind Livy runs. */
const standaloneApps: SimApplication[] = [
	{
		id: 'app-20261121090000-0001',
		name: 'clickstream-sessionize',
		user: 'frank',
		startAt: 0,
	},
	{
		id: 'application_1700000000000_0042',
		name: 'daily-revenue-rollup',
		user: 'grace',
		startAt: 0,
		runFor: 120,
		attempts: 2,
	},
	{
		id: 'local-1700000000000',
		name: 'Spark shell',
		user: 'heidi',
		startAt: 5,
		runFor: 60,
	},
	{
		id: 'app-20261121080000-0007',
		name: 'load-warehouse',
		user: 'ivan',
		startAt: 0,
		runFor: 30,
		exitCode: 1,
	},
];

export const sparkSimModule: SimulatorModule = {
	id: 'spark',
	// Beside Livy's simulator, it also serves the applications behind Livy's runs, as YARN's proxy.
	start: async ({clock, startedAt, serverClock, port, alongside}) =>
		startSimServer(
			'spark',
			sparkSimulator(
				[
					...standaloneApps,
					...(alongside.includes('livy') ? livyApplications() : []),
				],
				clock,
				startedAt,
			),
			{port, serverClock},
		),
	demoTarget: url => ({provider: 'spark', settings: {endpoint: url}}),
	credentials:
		'no authentication (a History Server at /api/v1, YARN proxies at /proxy/APP/api/v1)',
};
