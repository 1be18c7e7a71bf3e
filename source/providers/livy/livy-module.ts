import {basicAuthSettings, basicCredentialsOf} from '../basic-auth.js';
import {defineProvider, endpointSetting} from '../provider-module.js';
import {createLivyProvider} from './livy-provider.js';
import {livyRunStates, livyStatementStates} from './livy-states.js';

export const livyModule = defineProvider({
	id: 'livy',
	title: 'Apache Livy: sessions, statements, batches, logs',
	settings: {
		endpoint: endpointSetting('Livy server, e.g. http://livy:8998', true),
		...basicAuthSettings,
	},
	filters: {},
	states: {runs: livyRunStates, statements: livyStatementStates},
	create: setup =>
		createLivyProvider({
			target: setup.name,
			endpoint: setup.endpoint,
			credentials: basicCredentialsOf(setup),
			maxRuns: setup.maxRuns,
		}),
});
