// Backports ink's upstream fix c32da0b (ink#909, shipped in ink 7, which needs Node 22) to ink 6.8:
// the incremental renderer rewound one row too few after frames that end in a newline, so every
// update landed one row low and left a stale first line. Applied to the bundle as it is built,
// never to anyone's node_modules; the build fails if ink's text changed and the fix no longer fits.
import {readFile} from 'node:fs/promises';

const broken = 'ansiEscapes.cursorUp(previousVisible - 1)';
const fixed = 'ansiEscapes.cursorUp(previousLines.length - 1)';

/** An esbuild plugin that rewrites ink's log-update.js as it is bundled. */
export const inkFix = {
	name: 'ink-incremental-fix',
	setup(build) {
		build.onLoad(
			{filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/},
			async args => {
				const source = await readFile(args.path, 'utf8');
				if (source.includes(fixed)) {
					return {contents: source, loader: 'js'};
				}

				if (!source.includes(broken)) {
					return {
						errors: [
							{
								text: 'ink log-update.js changed: the incremental rendering fix no longer applies',
							},
						],
					};
				}

				return {contents: source.replace(broken, fixed), loader: 'js'};
			},
		);
	},
};
