import {
	alibabaCredentials,
	alibabaEndpointFrom,
	alibabaSettings,
} from '../alibaba/alibaba-settings.js';
import {livyStatementStates} from '../livy/livy-states.js';
import {defineProvider, endpointSetting} from '../provider-module.js';
import {createDlaProvider, dlaFilters} from './dla-provider.js';
import {dlaJobStates} from './dla-states.js';

/** Regions the SDK's endpoint map sends to the product's newer host name. */
const newHostRegions = new Set([
	'ap-southeast-2',
	'ap-northeast-1',
	'us-east-1',
	'eu-central-1',
]);

export const dlaModule = defineProvider({
	id: 'dla',
	title:
		'Alibaba Cloud Data Lake Analytics Spark: jobs, logs, interactive statements',
	settings: {
		endpoint: {
			...endpointSetting('https://openanalytics.REGION.aliyuncs.com'),
			fallbackFrom: alibabaEndpointFrom,
		},
		region: alibabaSettings.region,
		workspace: {
			flag: 'workspace',
			configKey: 'workspace',
			placeholder: 'W',
			help: 'virtual cluster (VcName), which every job action names',
			required: true,
		},
		credentialCommand: alibabaSettings.credentialCommand,
	},
	filters: dlaFilters,
	defaultEndpoint({region}) {
		if (!region) {
			return undefined;
		}

		const host = newHostRegions.has(region)
			? 'datalakeanalytics'
			: 'openanalytics';
		return `https://${host}.${region}.aliyuncs.com`;
	},
	states: {jobs: dlaJobStates, statements: livyStatementStates},
	create: setup =>
		createDlaProvider({
			target: setup.name,
			maxRuns: setup.maxRuns,
			endpoint: setup.endpoint,
			virtualCluster: setup.settings.workspace!,
			credentials: alibabaCredentials(setup, 'dla'),
			filters: setup.filters,
		}),
});
