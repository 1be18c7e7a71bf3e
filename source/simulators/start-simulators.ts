import type {TargetConfig} from '../providers/registry.js';
import {livyApplications} from './livy/livy-scenario.js';
import {
	livySimulator,
	type LivySimulatorOptions,
} from './livy/livy-simulator.js';
import {dliTestCredentials} from './dli/dli-gateway.js';
import {dliSimulator, dliTestProjectId} from './dli/dli-simulator.js';
import {alibabaTestCredentials} from './alibaba/pop-gateway.js';
import {dlaSimulator, dlaTestVirtualCluster} from './dla/dla-simulator.js';
import {
	emrServerlessSimulator,
	emrTestWorkspace,
} from './emr-serverless/emr-simulator.js';
import {type SimClock, wallClock} from './sim-clock.js';
import {type RunningSimulator, startSimServer} from './sim-server.js';
import type {SimApplication} from './spark/spark-scenario.js';
import {sparkSimulator} from './spark/spark-simulator.js';
import {
	synapseSimulator,
	synapseTestPool,
	synapseTestToken,
} from './synapse/synapse-simulator.js';

export const simulatorIds = [
	'livy',
	'spark',
	'synapse',
	'dli',
	'emr-serverless',
	'dla',
] as const;
export type SimulatorId = (typeof simulatorIds)[number];

/** How sparktop watches a simulator: its provider, endpoint and the test credentials it accepts. */
export function demoTarget(id: SimulatorId, url: string): TargetConfig {
	const target = {name: id, provider: id, endpoint: url};
	switch (id) {
		case 'synapse': {
			return {
				...target,
				pool: synapseTestPool,
				tokenCommand: `echo ${synapseTestToken}`,
			};
		}

		case 'dli': {
			return {
				...target,
				projectId: dliTestProjectId,
				credentialCommand: `echo '${JSON.stringify({ak: dliTestCredentials.accessKey, sk: dliTestCredentials.secretKey})}'`,
			};
		}

		case 'emr-serverless':
		case 'dla': {
			return {
				...target,
				workspace: id === 'dla' ? dlaTestVirtualCluster : emrTestWorkspace,
				region: 'cn-hangzhou',
				credentialCommand: `echo '${JSON.stringify({mode: 'AK', access_key_id: alibabaTestCredentials.accessKeyId, access_key_secret: alibabaTestCredentials.accessKeySecret})}'`,
			};
		}

		case 'livy':
		case 'spark': {
			return target;
		}
	}
}

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
];

export type StartSimulatorsOptions = {
	readonly only?: SimulatorId;
	/** Port for the first simulator; the next ones take the following ports. 0 picks free ports. */
	readonly port?: number;
	readonly clock?: SimClock;
	readonly livy?: Omit<LivySimulatorOptions, 'clock' | 'sparkUrl'>;
};

export type Simulators = {
	readonly servers: Partial<Record<SimulatorId, RunningSimulator>>;
	close(): Promise<void>;
};

/** Starts the simulators on loopback; Livy's runs link to applications the Spark simulator serves. */
export async function startSimulators(
	options: StartSimulatorsOptions = {},
): Promise<Simulators> {
	const clock = options.clock ?? wallClock;
	const startedAt = clock.now();
	// A single simulator takes the given port itself.
	const port = (offset: number) =>
		options.port ? options.port + (options.only ? 0 : offset) : 0;
	const servers: Partial<Record<SimulatorId, RunningSimulator>> = {};
	const wants = (id: SimulatorId) =>
		options.only === undefined || options.only === id;
	try {
		if (wants('spark')) {
			const apps = [
				...standaloneApps,
				...(options.only ? [] : livyApplications()),
			];
			servers.spark = await startSimServer(
				'spark',
				sparkSimulator(apps, clock, startedAt),
				port(1),
			);
		}

		if (wants('livy')) {
			servers.livy = await startSimServer(
				'livy',
				livySimulator({
					...options.livy,
					clock,
					startedAt,
					sparkUrl: servers.spark?.url,
				}),
				port(0),
			);
		}

		if (wants('synapse')) {
			servers.synapse = await startSimServer(
				'synapse',
				synapseSimulator({clock, startedAt}),
				port(2),
			);
		}

		if (wants('dli')) {
			servers.dli = await startSimServer(
				'dli',
				dliSimulator({clock, startedAt}),
				port(3),
			);
		}

		if (wants('emr-serverless')) {
			servers['emr-serverless'] = await startSimServer(
				'emr-serverless',
				emrServerlessSimulator({clock, startedAt}),
				port(4),
			);
		}

		if (wants('dla')) {
			servers.dla = await startSimServer(
				'dla',
				dlaSimulator({clock, startedAt}),
				port(5),
			);
		}
	} catch (error) {
		await Promise.all(
			Object.values(servers).map(async server => server.close()),
		);
		throw error;
	}

	return {
		servers,
		async close() {
			await Promise.all(
				Object.values(servers).map(async server => server.close()),
			);
		},
	};
}
