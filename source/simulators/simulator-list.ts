import {dlaSimModule} from './dla/dla-sim-module.js';
import {dliSimModule} from './dli/dli-sim-module.js';
import {emrServerlessSimModule} from './emr-serverless/emr-sim-module.js';
import {livySimModule} from './livy/livy-sim-module.js';
import type {SimulatorModule} from './simulator-module.js';
import {sparkSimModule} from './spark/spark-sim-module.js';
import {synapseSimModule} from './synapse/synapse-sim-module.js';

/** Every simulator, in the order the demo watches them; adding one is its folder and one line here. */
export const simulatorModules: readonly SimulatorModule[] = [
	livySimModule,
	sparkSimModule,
	synapseSimModule,
	dliSimModule,
	emrServerlessSimModule,
	dlaSimModule,
];
