import {
	alibabaCredentials,
	alibabaEndpointFrom,
	alibabaSettings,
} from '../alibaba/alibaba-settings.js';
import {defineProvider, endpointSetting} from '../provider-module.js';
import {createEmrServerlessProvider, emrFilters} from './emr-provider.js';
import {
	emrJobRunStates,
	emrSessionStates,
	emrSqlStatementStates,
} from './emr-states.js';

export const emrServerlessModule = defineProvider({
	id: 'emr-serverless',
	title:
		'Alibaba Cloud EMR Serverless Spark: job runs, session clusters, SQL statements',
	settings: {
		endpoint: {
			...endpointSetting('https://emr-serverless-spark.REGION.aliyuncs.com'),
			fallbackFrom: alibabaEndpointFrom,
		},
		region: alibabaSettings.region,
		workspace: {
			flag: 'workspace',
			configKey: 'workspace',
			placeholder: 'W',
			help: 'workspace id (w-…)',
			required: true,
		},
		credentialCommand: alibabaSettings.credentialCommand,
	},
	filters: emrFilters,
	defaultEndpoint: ({region}) =>
		region ? `https://emr-serverless-spark.${region}.aliyuncs.com` : undefined,
	states: {
		jobRuns: emrJobRunStates,
		sessionClusters: emrSessionStates,
		statements: emrSqlStatementStates,
	},
	create: setup =>
		createEmrServerlessProvider({
			target: setup.name,
			maxRuns: setup.maxRuns,
			endpoint: setup.endpoint,
			workspaceId: setup.settings.workspace!,
			regionId: setup.settings.region,
			credentials: alibabaCredentials(setup, 'emr-serverless'),
			filters: setup.filters,
		}),
});
