import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ConfigError} from '../source/cli/config-error.js';
import {readConfigFile} from '../source/cli/config-file.js';
import {createProvider} from '../source/cli/create-provider.js';
import {settingsByFlag} from '../source/cli/flags.js';
import {helpText} from '../source/cli/help-text.js';
import {providerModules} from '../source/providers/registry.js';
import {simulatorModules} from '../source/simulators/simulator-list.js';
import {knownStates} from './helpers/model-invariants.js';
import {configFile} from './helpers/temp-files.js';

const help = helpText(providerModules, '/config.json');

/** A value each setting accepts, whatever it means. */
function validValue(configKey: string): string {
	return (
		{
			endpoint: 'https://example.com',
			apiVersion: '2020-12-01',
			credentialCommand: 'true',
			tokenCommand: 'true',
		}[configKey] ?? 'x1'
	);
}

/** A provider's lines of --help: its heading line up to the next heading. */
function helpSection(id: string): string {
	const lines = help.split('\n');
	const start = lines.findIndex(line => line.startsWith(`\t  ${id} `));
	const end = lines.findIndex(
		(line, index) => index > start && /^\t {2}\S/v.test(line),
	);
	return start === -1 ? '' : lines.slice(start, end).join('\n');
}

function expectConfigError(run: () => unknown, pattern: RegExp): void {
	assert.throws(run, (error: unknown) => {
		assert.ok(error instanceof ConfigError, String(error));
		assert.match(error.message, pattern);
		return true;
	});
}

describe('each provider module is the one place its settings are declared', () => {
	for (const module of providerModules) {
		test(`${module.id}: its flags, config keys and filters are in --help`, () => {
			const section = helpSection(module.id);
			assert.ok(section.length > 0, 'the provider has a section');
			for (const setting of Object.values(module.settings)) {
				assert.ok(
					section.includes(`--${setting.flag} ${setting.placeholder}`),
					`--${setting.flag}`,
				);
				assert.ok(
					section.includes(`[${setting.configKey}]`),
					setting.configKey,
				);
			}

			for (const filter of Object.keys(module.filters)) {
				assert.ok(section.includes(filter), filter);
			}
		});

		test(`${module.id}: a profile with every one of its keys is read; an unknown key is refused`, t => {
			const profile: Record<string, string> = {provider: module.id};
			for (const setting of Object.values(module.settings)) {
				profile[setting.configKey] = validValue(setting.configKey);
			}

			const config = readConfigFile(
				configFile(t, {profiles: {p: profile}}),
				true,
			);
			const target = config.profiles.get('p');
			assert.equal(target?.provider, module.id);
			assert.deepEqual(
				Object.keys(target?.settings ?? {}).toSorted(),
				Object.values(module.settings)
					.map(setting => setting.configKey)
					.toSorted(),
			);
			expectConfigError(
				() =>
					readConfigFile(
						configFile(t, {
							profiles: {p: {...profile, endpiont: 'https://example.com'}},
						}),
						true,
					),
				/profile "p" .*: \S+ has no setting "endpiont" \(did you mean "endpoint"\?\)/v,
			);
		});

		test(`${module.id}: a setting of another provider is refused, as a flag and in a profile`, t => {
			const foreign = [...settingsByFlag(providerModules).values()].find(
				setting =>
					!Object.values(module.settings).some(
						own => own.configKey === setting.configKey,
					),
			)!;
			expectConfigError(
				() =>
					createProvider({
						name: module.id,
						provider: module.id,
						settings: {
							endpoint: 'https://example.com',
							[foreign.configKey]: 'x',
						},
						filters: {},
						source: {kind: 'flags'},
					}),
				new RegExp(`${module.id} has no setting --${foreign.flag}`, 'v'),
			);
			expectConfigError(
				() =>
					readConfigFile(
						configFile(t, {
							profiles: {p: {provider: module.id, [foreign.configKey]: 'x'}},
						}),
						true,
					),
				new RegExp(`has no setting "${foreign.configKey}"`, 'v'),
			);
		});

		test(`${module.id}: every raw state maps into the model's vocabulary`, () => {
			for (const [what, table] of Object.entries(module.states)) {
				for (const [raw, state] of Object.entries(table)) {
					assert.equal(
						raw,
						raw.toLowerCase(),
						`${what}: ${raw} is matched in lower case`,
					);
					assert.ok(knownStates.has(state), `${what}: ${raw} -> ${state}`);
				}
			}
		});
	}

	test('every provider has a simulator for the demo, and every simulator a provider', () => {
		assert.deepEqual(
			simulatorModules.map(module => module.id).toSorted(),
			providerModules.map(module => module.id).toSorted(),
		);
		for (const simulator of simulatorModules) {
			const demo = simulator.demoTarget('http://127.0.0.1:1');
			const provider = createProvider({
				name: simulator.id,
				provider: demo.provider,
				settings: demo.settings,
				filters: {},
				source: {kind: 'demo'},
			});
			assert.equal(provider.id, demo.provider);
			assert.ok(simulator.credentials.length > 0);
		}
	});

	test('one flag is one config key in every provider', () => {
		assert.doesNotThrow(() => settingsByFlag(providerModules));
		assert.throws(
			() =>
				settingsByFlag([
					...providerModules,
					{
						...providerModules[0]!,
						id: 'odd',
						settings: {
							endpoint: {
								flag: 'endpoint',
								configKey: 'url',
								placeholder: 'URL',
								help: 'x',
							},
						},
					},
				]),
			/--endpoint is the config key "endpoint" in one provider and "url" in odd/v,
		);
	});
});

describe('the config file is checked, not guessed at', () => {
	test('wrong types, unknown top-level keys, bad intervals and JSON errors are refused with where', t => {
		expectConfigError(
			() =>
				readConfigFile(
					configFile(t, {
						profiles: {p: {provider: 'livy', endpoint: 42}},
					}),
					true,
				),
			/"endpoint" must be a string, not number/v,
		);
		expectConfigError(
			() => readConfigFile(configFile(t, {profile: {}}), true),
			/unknown key "profile" \(did you mean "profiles"\?\)/v,
		);
		expectConfigError(
			() => readConfigFile(configFile(t, {interval: 'fast'}), true),
			/"interval": "fast" is not a number of seconds/v,
		);
		expectConfigError(
			() => readConfigFile(configFile(t, {interval: 0}), true),
			/"interval": 0 is outside 0\.5-3600 seconds/v,
		);
		expectConfigError(
			() =>
				readConfigFile(
					configFile(t, '{\n  "profiles": {\n    "a": }\n}'),
					true,
				),
			/is not valid JSON \(line 3, column 10\)/v,
		);
		expectConfigError(
			() =>
				readConfigFile(
					configFile(t, {profiles: {p: {provider: 'livyy'}}}),
					true,
				),
			/unknown provider "livyy" \(did you mean "livy"\?\)/v,
		);
	});

	test('filter values are checked against what each filter takes', () => {
		const target = (provider: string, filters: Record<string, string>) => ({
			name: provider,
			provider,
			settings: {
				endpoint: 'http://127.0.0.1:1',
				credentialCommand: 'true',
				...(provider === 'dli' ? {projectId: 'p'} : {workspace: 'w'}),
			},
			filters,
			source: {kind: 'demo'} as const,
		});
		expectConfigError(
			() => createProvider(target('dli', {since: 'yesterday'})),
			/filter since=yesterday is not a date, epoch ms, or an age such as 2h or 7d/v,
		);
		expectConfigError(
			() => createProvider(target('dli', {kind: 'stream'})),
			/filter kind=stream has "stream", which is none of sql, batch/v,
		);
		expectConfigError(
			() =>
				createProvider(target('emr-serverless', {state: 'Running,Exploded'})),
			/has "Exploded", which is none of Submitted, Pending/v,
		);
		expectConfigError(
			() => createProvider(target('emr-serverless', {'min-duration': 'long'})),
			/is not a duration such as 30s, 10m or 2h/v,
		);
		expectConfigError(
			() => createProvider(target('emr-serverless', {workflow: 'maybe'})),
			/is not true or false/v,
		);
		assert.equal(
			createProvider(
				target('emr-serverless', {
					state: 'running,FAILED',
					'min-duration': '90',
					'started-after': '2h',
					workflow: 'TRUE',
				}),
			).id,
			'emr-serverless',
		);
	});

	test('an endpoint must be http or https, with no credentials in it', () => {
		const target = (endpoint: string) => ({
			name: 'l',
			provider: 'livy',
			settings: {endpoint},
			filters: {},
			source: {kind: 'flags'} as const,
		});
		expectConfigError(
			() => createProvider(target('ftp://livy:8998')),
			/must be an http:\/\/ or https:\/\/ URL/v,
		);
		expectConfigError(
			() => createProvider(target('http://u:p@livy:8998')),
			/not in the endpoint URL/v,
		);
		assert.equal(createProvider(target('http://livy:8998')).id, 'livy');
	});
});
