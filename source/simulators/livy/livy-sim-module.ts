import {startSimServer} from '../sim-server.js';
import type {SimulatorModule} from '../simulator-module.js';
import {livySimulator} from './livy-simulator.js';

export const livySimModule: SimulatorModule = {
	id: 'livy',
	start: async ({clock, startedAt, serverClock, port, urlOf}) =>
		startSimServer(
			'livy',
			livySimulator({clock, startedAt, sparkUrl: () => urlOf('spark')}),
			{port, serverClock},
		),
	demoTarget: url => ({provider: 'livy', settings: {endpoint: url}}),
	credentials: 'no authentication; mutations need the X-Requested-By header',
};
