import {alibabaDemoSettings, alibabaTestKeys} from '../alibaba/alibaba-demo.js';
import {startSimServer} from '../sim-server.js';
import type {SimulatorModule} from '../simulator-module.js';
import {emrServerlessSimulator, emrTestWorkspace} from './emr-simulator.js';

export const emrServerlessSimModule: SimulatorModule = {
	id: 'emr-serverless',
	start: async ({clock, serverClock, startedAt, port}) =>
		startSimServer(
			'emr-serverless',
			emrServerlessSimulator({clock, startedAt}),
			{port, serverClock},
		),
	demoTarget: url => ({
		provider: 'emr-serverless',
		settings: alibabaDemoSettings(url, emrTestWorkspace),
	}),
	credentials: `workspace ${emrTestWorkspace}; ${alibabaTestKeys}`,
};
