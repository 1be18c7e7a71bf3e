import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, type TestContext, test} from 'node:test';
import {
	alibabaCredentialSource,
	aliyunCliRegion,
	parseAlibabaCredentialOutput,
} from '../source/providers/alibaba/alibaba-credentials.js';
import {tempFolder} from './helpers/temp-files.js';

const iniFile =
	'[default]\ntype = access_key\naccess_key_id = INIAK\naccess_key_secret = INISK\n\n[ops]\ntype = access_key\naccess_key_id = OPSAK\naccess_key_secret = OPSSK\n\n[role]\ntype = ecs_ram_role\nrole_name = r\n';

/** A home folder of the test's own, with the SDK's INI file in it when asked. */
function homeFolder(t: TestContext, withIni = false): string {
	const home = tempFolder(t);
	if (withIni) {
		mkdirSync(path.join(home, '.alibabacloud'), {recursive: true});
		writeFileSync(path.join(home, '.alibabacloud', 'credentials'), iniFile);
	}

	return home;
}

async function found(
	home: string,
	env: NodeJS.ProcessEnv,
	credentialCommand?: string,
) {
	const result = alibabaCredentialSource({
		env,
		home,
		credentialCommand:
			credentialCommand === undefined
				? undefined
				: {command: credentialCommand, origin: '--credential-command'},
	});
	assert.ok(result.ok, result.ok ? '' : result.reason);
	return {
		describe: result.source.describe,
		...(await result.source.fetch()).value,
	};
}

describe('Alibaba credential chain (no network, never the ECS metadata service)', () => {
	test('nothing anywhere says where credentials could come from', t => {
		const home = homeFolder(t);
		const result = alibabaCredentialSource({env: {}, home});
		assert.equal(result.ok, false);
		assert.match(
			result.ok ? '' : result.reason,
			/set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run "aliyun configure"/v,
		);
	});

	test('the INI file: [default] or the ALIBABA_CLOUD_PROFILE section, access_key type', async t => {
		const home = homeFolder(t, true);
		assert.equal((await found(home, {})).accessKeyId, 'INIAK');
		assert.equal(
			(await found(home, {ALIBABA_CLOUD_PROFILE: 'ops'})).accessKeyId,
			'OPSAK',
		);
		const role = alibabaCredentialSource({
			env: {ALIBABA_CLOUD_PROFILE: 'role'},
			home,
		});
		assert.match(
			role.ok ? '' : role.reason,
			/type ecs_ram_role; sparktop reads access_key sections/v,
		);
	});

	test('the aliyun CLI config comes before the INI file: current profile, named profile, StsToken mode', async t => {
		const home = homeFolder(t, true);
		mkdirSync(path.join(home, '.aliyun'), {recursive: true});
		writeFileSync(
			path.join(home, '.aliyun', 'config.json'),
			JSON.stringify({
				current: 'main',
				profiles: [
					{
						name: 'main',
						mode: 'AK',
						access_key_id: 'CLIAK',
						access_key_secret: 'CLISK',
						region_id: 'cn-shanghai',
					},
					{
						name: 'temp',
						mode: 'StsToken',
						access_key_id: 'STS.AK',
						access_key_secret: 'STSSK',
						sts_token: 'TOKEN',
					},
					{name: 'sso', mode: 'CloudSSO'},
				],
			}),
		);
		assert.deepEqual(await found(home, {}), {
			describe: `${path.join(home, '.aliyun', 'config.json')} profile "main"`,
			accessKeyId: 'CLIAK',
			accessKeySecret: 'CLISK',
			securityToken: undefined,
		});
		const sts = await found(home, {ALIBABA_CLOUD_PROFILE: 'temp'});
		assert.deepEqual([sts.accessKeyId, sts.securityToken], ['STS.AK', 'TOKEN']);
		const sso = alibabaCredentialSource({
			env: {ALIBABA_CLOUD_PROFILE: 'sso'},
			home,
		});
		assert.match(
			sso.ok ? '' : sso.reason,
			/uses mode CloudSSO; sparktop reads AK and StsToken profiles/v,
		);
		assert.equal(
			(await found(home, {ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true'}))
				.accessKeyId,
			'INIAK',
		);
		assert.equal(aliyunCliRegion({}, home), 'cn-shanghai');
		assert.equal(
			aliyunCliRegion({ALIBABA_CLOUD_PROFILE: 'temp'}, home),
			undefined,
		);
		assert.equal(aliyunCliRegion({}, path.join(home, 'nowhere')), undefined);
	});

	test('the environment comes before the files, and a command before everything', async t => {
		const home = homeFolder(t, true);
		const env = {
			ALIBABA_CLOUD_ACCESS_KEY_ID: 'ENVAK',
			ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'ENVSK',
			ALIBABA_CLOUD_SECURITY_TOKEN: 'ENVTOKEN',
		};
		const fromEnvironment = await found(home, env);
		assert.deepEqual(
			[fromEnvironment.accessKeyId, fromEnvironment.securityToken],
			['ENVAK', 'ENVTOKEN'],
		);
		const fromCommand = await found(
			home,
			env,
			`echo '{"mode":"AK","access_key_id":"CMDAK","access_key_secret":"CMDSK"}'`,
		);
		assert.equal(fromCommand.accessKeyId, 'CMDAK');
	});

	test('a command may print what STS AssumeRole answers, with its expiry', () => {
		const parsed = parseAlibabaCredentialOutput(
			JSON.stringify({
				RequestId: 'x',
				Credentials: {
					AccessKeyId: 'STS.A',
					AccessKeySecret: 'S',
					SecurityToken: 'T',
					Expiration: '2026-11-21T16:00:00Z',
				},
			}),
		);
		assert.deepEqual(parsed, {
			value: {accessKeyId: 'STS.A', accessKeySecret: 'S', securityToken: 'T'},
			expiresAt: Date.parse('2026-11-21T16:00:00Z'),
		});
		assert.throws(
			() => parseAlibabaCredentialOutput('AK=1'),
			/did not print JSON/v,
		);
	});
});
