import {commandTokenSource} from '../auth/bearer-token.js';
import {livyRunStates, livyStatementStates} from '../livy/livy-states.js';
import {defineProvider, endpointSetting} from '../provider-module.js';
import {synapseApiVersions} from './synapse-client.js';
import {createSynapseProvider} from './synapse-provider.js';
import {synapseResultStates} from './synapse-states.js';

export const synapseModule = defineProvider({
	id: 'synapse',
	title: 'Azure Synapse Spark pools (livyApi): sessions, statements, batches',
	settings: {
		endpoint: {
			...endpointSetting('https://WORKSPACE.dev.azuresynapse.net'),
			fallbackFrom: '--workspace',
		},
		workspace: {
			flag: 'workspace',
			configKey: 'workspace',
			placeholder: 'W',
			help: 'workspace name (gives the endpoint)',
		},
		pool: {
			flag: 'pool',
			configKey: 'pool',
			placeholder: 'P',
			help: 'Spark pool',
			required: true,
		},
		tokenCommand: {
			flag: 'token-command',
			configKey: 'tokenCommand',
			placeholder: 'CMD',
			help: 'a command that prints a bearer token (default: DefaultAzureCredential: environment, managed identity, az login)',
		},
		apiVersion: {
			flag: 'api-version',
			configKey: 'apiVersion',
			placeholder: 'V',
			help: `livyApi version: ${synapseApiVersions.join(' (default) or ')}`,
			validate: value =>
				(synapseApiVersions as readonly string[]).includes(value)
					? undefined
					: `not a livyApi version sparktop knows (${synapseApiVersions.join(', ')})`,
		},
	},
	filters: {},
	defaultEndpoint: ({workspace}) =>
		workspace ? `https://${workspace}.dev.azuresynapse.net` : undefined,
	states: {
		runs: livyRunStates,
		results: synapseResultStates,
		statements: livyStatementStates,
	},
	create: ({name, endpoint, settings, origin, maxRuns}) =>
		createSynapseProvider({
			target: name,
			maxRuns,
			endpoint,
			pool: settings.pool!,
			apiVersion: settings.apiVersion,
			tokenSource:
				settings.tokenCommand === undefined
					? undefined
					: commandTokenSource({
							command: settings.tokenCommand,
							origin: origin('tokenCommand'),
						}),
		}),
});
