import {startSimServer} from '../sim-server.js';
import type {SimulatorModule} from '../simulator-module.js';
import {
	synapseSimulator,
	synapseTestPool,
	synapseTestToken,
} from './synapse-simulator.js';

export const synapseSimModule: SimulatorModule = {
	id: 'synapse',
	start: async ({clock, serverClock, startedAt, port}) =>
		startSimServer('synapse', synapseSimulator({clock, startedAt}), {
			port,
			serverClock,
		}),
	demoTarget: url => ({
		provider: 'synapse',
		settings: {
			endpoint: url,
			pool: synapseTestPool,
			tokenCommand: `echo ${synapseTestToken}`,
		},
	}),
	credentials: `pool ${synapseTestPool}; Authorization: Bearer ${synapseTestToken}`,
};
