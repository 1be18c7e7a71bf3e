import {alibabaDemoSettings, alibabaTestKeys} from '../alibaba/alibaba-demo.js';
import {startSimServer} from '../sim-server.js';
import type {SimulatorModule} from '../simulator-module.js';
import {dlaSimulator, dlaTestVirtualCluster} from './dla-simulator.js';

export const dlaSimModule: SimulatorModule = {
	id: 'dla',
	start: async ({clock, serverClock, startedAt, port}) =>
		startSimServer('dla', dlaSimulator({clock, startedAt}), {
			port,
			serverClock,
		}),
	demoTarget: url => ({
		provider: 'dla',
		settings: alibabaDemoSettings(url, dlaTestVirtualCluster),
	}),
	credentials: `virtual cluster ${dlaTestVirtualCluster}; ${alibabaTestKeys}`,
};
