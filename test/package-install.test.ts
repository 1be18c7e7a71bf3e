import process from 'node:process';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {scenario} from './helpers/simulators.js';
import {onceJsonOf, runProgram} from './helpers/spawn-cli.js';
import {tempFolder} from './helpers/temp-files.js';

const npm = (args: readonly string[], cwd: string) =>
	execFileSync('npm', [...args, '--no-audit', '--no-fund'], {
		cwd,
		encoding: 'utf8',
		timeout: 120_000,
		env: {...process.env, npm_config_loglevel: 'error'},
	});

test('npm pack makes a package that installs offline, with no install scripts and no dependencies, and runs', async t => {
	const folder = tempFolder(t);
	const packed = JSON.parse(
		npm(['pack', '--json', '--pack-destination', folder], process.cwd()),
	) as Array<{filename: string; files: Array<{path: string}>}>;
	const [tarball] = packed;
	assert.ok(tarball);
	const files = tarball.files.map(file => file.path).toSorted();
	assert.ok(files.includes('dist/sparktop.js'));
	assert.ok(files.includes('LICENSE') && files.includes('README.md'));
	assert.deepEqual(
		files.filter(
			file =>
				!/^(?:dist\/sparktop\.js|dist\/sparktop\.cjs|dist\/azure-identity\.cjs|LICENSE|README\.md|package\.json)$/v.test(
					file,
				),
		),
		[],
		'only the program, its bundles and the documents',
	);

	const prefix = path.join(folder, 'prefix');
	npm(
		[
			'install',
			'--global',
			'--offline',
			'--prefix',
			prefix,
			path.join(folder, tarball.filename),
		],
		folder,
	);
	const installed = path.join(prefix, 'lib', 'node_modules', 'sparktop');
	const manifest = JSON.parse(
		readFileSync(path.join(installed, 'package.json'), 'utf8'),
	) as {scripts?: Record<string, string>; dependencies?: unknown};
	assert.equal(manifest.dependencies, undefined, 'no runtime dependencies');
	assert.deepEqual(
		Object.keys(manifest.scripts ?? {}).filter(name =>
			name.includes('install'),
		),
		[],
		'no install scripts',
	);
	assert.equal(existsSync(path.join(installed, 'node_modules')), false);

	const sparktop = path.join(prefix, 'bin', 'sparktop');
	const version = await runProgram(sparktop, ['--version']);
	assert.equal(version.code, 0, version.stderr);
	assert.equal(version.stdout.trim(), '0.1.0');
	const help = await runProgram(sparktop, ['--help']);
	assert.equal(help.code, 0, help.stderr);
	assert.match(help.stdout, /--demo/v);

	const {url} = await scenario(t, {only: 'livy', atSeconds: 4.5, now: true});
	const once = await runProgram(sparktop, [
		'runs',
		'--once',
		'--json',
		'--provider',
		'livy',
		'--endpoint',
		url,
	]);
	assert.equal(once.code, 0, once.stderr);
	assert.ok((onceJsonOf(once.stdout)['runs'] as unknown[]).length > 0);
});
