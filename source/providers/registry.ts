import {dlaModule} from './dla/dla-module.js';
import {dliModule} from './dli/dli-module.js';
import {emrServerlessModule} from './emr-serverless/emr-module.js';
import {livyModule} from './livy/livy-module.js';
import type {ProviderModule} from './provider-module.js';
import {sparkModule} from './spark/spark-module.js';
import {synapseModule} from './synapse/synapse-module.js';

/** Every provider sparktop speaks to; adding one is adding its folder and one line here. */
export const providerModules: readonly ProviderModule[] = [
	livyModule,
	sparkModule,
	synapseModule,
	dliModule,
	emrServerlessModule,
	dlaModule,
];

export function providerModule(id: string): ProviderModule | undefined {
	return providerModules.find(module => module.id === id);
}
