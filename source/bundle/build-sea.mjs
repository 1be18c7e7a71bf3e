// `npm run build:sea [-- OUTPUT]`: one file that runs sparktop on a linux-x64 host without Node.
// It is a copy of the Node that runs this script with the cli inside (Node's single executable
// applications), so it carries that Node's version; postject injects the blob on every Node that
// has the feature (20.12 and later; 25.5 could do it alone, the others cannot).
import {execFileSync} from 'node:child_process';
import {
	chmodSync,
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import postject from 'postject';
import {scriptOptions, scriptText} from './bundle-options.mjs';

if (process.platform !== 'linux' || process.arch !== 'x64') {
	process.stderr.write(
		`build:sea makes a linux-x64 executable and must run on one (this is ${process.platform}-${process.arch})\n`,
	);
	process.exit(2);
}

const output = path.resolve(
	process.argv[2] ??
		fileURLToPath(new URL('../../dist/sea/sparktop', import.meta.url)),
);
const work = mkdtempSync(path.join(tmpdir(), 'sparktop-sea-'));
try {
	// One file, the cli's script with everything in it (the npm bundle's Azure identity library
	// included): the executable's main script can require only Node's own modules.
	const bundled = await build({
		...scriptOptions,
		write: false,
		outfile: 'sparktop.cjs',
	});
	const main = path.join(work, 'sparktop.cjs');
	writeFileSync(main, scriptText(bundled.outputFiles[0]));
	// V8's code for the script is made as the blob is, and read at each start instead of compiling
	// it (for the functions the script compiles as it loads).
	const config = {
		main,
		output: path.join(work, 'sea.blob'),
		disableExperimentalSEAWarning: true,
		useCodeCache: true,
	};
	writeFileSync(path.join(work, 'sea.json'), JSON.stringify(config));
	execFileSync(process.execPath, ['--experimental-sea-config', 'sea.json'], {
		cwd: work,
		stdio: ['ignore', 'ignore', 'inherit'],
	});

	mkdirSync(path.dirname(output), {recursive: true});
	rmSync(output, {force: true});
	copyFileSync(process.execPath, output);
	chmodSync(output, 0o755);
	await postject.inject(output, 'NODE_SEA_BLOB', readFileSync(config.output), {
		sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
	});
	process.stdout.write(`${output} (Node ${process.version}, linux-x64)\n`);
} finally {
	rmSync(work, {recursive: true, force: true});
}
