import {basicAuthSettings, basicCredentialsOf} from '../basic-auth.js';
import {defineProvider, endpointSetting} from '../provider-module.js';
import {createSparkProvider} from './spark-provider.js';
import {sparkJobStatuses, sparkStageStatuses} from './spark-states.js';

export const sparkModule = defineProvider({
	id: 'spark',
	title: 'Spark monitoring REST API: applications, jobs, stages, executors',
	settings: {
		endpoint: endpointSetting(
			'a driver UI (:4040) or a History Server (:18080)',
			true,
		),
		...basicAuthSettings,
	},
	filters: {},
	states: {jobs: sparkJobStatuses, stages: sparkStageStatuses},
	create: setup =>
		createSparkProvider({
			target: setup.name,
			maxRuns: setup.maxRuns,
			endpoint: setup.endpoint,
			credentials: basicCredentialsOf(setup),
		}),
});
