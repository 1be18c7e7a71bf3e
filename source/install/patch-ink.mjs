// Backports ink's upstream fix c32da0b (ink#909, shipped in ink 7, which needs Node 22) to ink 6.8:
// the incremental renderer rewound one row too few after frames that end in a newline, so every
// update landed one row low and left a stale first line. Runs on install; a no-op once applied.
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

const broken = 'ansiEscapes.cursorUp(previousVisible - 1)';
const fixed = 'ansiEscapes.cursorUp(previousLines.length - 1)';

let file;
try {
	file = path.join(
		path.dirname(createRequire(import.meta.url).resolve('ink')),
		'log-update.js',
	);
} catch {
	process.exit(0);
}

const source = readFileSync(file, 'utf8');
if (source.includes(broken)) {
	writeFileSync(file, source.replace(broken, fixed));
	console.log(
		'sparktop: patched ink incremental rendering (upstream fix c32da0b)',
	);
} else if (!source.includes(fixed)) {
	console.warn(
		'sparktop: ink log-update.js changed; incremental rendering patch not applied',
	);
}
