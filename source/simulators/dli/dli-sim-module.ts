import {startSimServer} from '../sim-server.js';
import {echoJson, type SimulatorModule} from '../simulator-module.js';
import {dliTestCredentials, dliTestToken} from './dli-gateway.js';
import {dliSimulator, dliTestProjectId} from './dli-simulator.js';

export const dliSimModule: SimulatorModule = {
	id: 'dli',
	start: async ({clock, serverClock, startedAt, port}) =>
		startSimServer('dli', dliSimulator({clock, startedAt}), {
			port,
			serverClock,
		}),
	demoTarget: url => ({
		provider: 'dli',
		settings: {
			endpoint: url,
			projectId: dliTestProjectId,
			credentialCommand: echoJson({
				ak: dliTestCredentials.accessKey,
				sk: dliTestCredentials.secretKey,
			}),
		},
	}),
	credentials: `project ${dliTestProjectId}; AK/SK ${dliTestCredentials.accessKey} / ${dliTestCredentials.secretKey}, or X-Auth-Token ${dliTestToken}`,
};
