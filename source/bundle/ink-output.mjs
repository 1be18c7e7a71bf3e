// Gives the bundled Ink sparktop's own output stage (source/terminal). Ink 6.8 rewrites every
// changed row whole, steps over unchanged rows one escape at a time, and throttles every frame,
// a key's included, to its frame rate. In the bundle:
// - ink/build/log-update.js is replaced by screen-writer.ts, which writes only changed cells;
// - Ink's render throttle is replaced by frame-scheduler.ts (keys drawn at once, background
//   updates coalesced), and Ink's input dispatch tells it when a key arrived;
// - Ink's Output and text measuring keep what the last two frames used (output-caches.ts); a row made
//   of the same cells as last frame's keeps its text, and a changed one is written by
//   styled-row.ts, which works out style changes only where a style changes.
// Applied as the bundle is built, never to anyone's node_modules; the build fails if Ink's text
// changed and a patch no longer fits. Tests through ink-testing-library run Ink unpatched.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const terminal = name =>
	JSON.stringify(
		fileURLToPath(new URL(`../terminal/${name}`, import.meta.url)),
	);

const patches = [
	{
		file: /[\\/]ink[\\/]build[\\/]log-update\.js$/,
		replace: () =>
			`export {logUpdate as default} from ${terminal('screen-writer.ts')};\n`,
	},
	{
		file: /[\\/]ink[\\/]build[\\/]ink\.js$/,
		edits: [
			[
				"import { throttle } from 'es-toolkit/compat';",
				`import { frameThrottle as throttle } from ${terminal('frame-scheduler.ts')};`,
			],
		],
	},
	{
		file: /[\\/]ink[\\/]build[\\/]components[\\/]App\.js$/,
		prefix: `import { inputArrived as sparktopInputArrived } from ${terminal('frame-scheduler.ts')};\n`,
		edits: [
			[
				'const emitInput = useCallback((input) => {',
				'const emitInput = useCallback((input) => {\n        sparktopInputArrived();',
			],
		],
	},
	{
		file: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/,
		prefix: `import { widestLineAcrossFrames as sparktopWidestLine } from ${terminal('output-caches.ts')};\n`,
		edits: [
			[
				'const currentWidth = widestLine(text);',
				'const currentWidth = sparktopWidestLine(text);',
			],
		],
	},
	{
		file: /[\\/]ink[\\/]build[\\/]output\.js$/,
		prefix: `import { outputCachesAcrossFrames as sparktopCaches, sliceAcrossFrames as sparktopSlice } from ${terminal('output-caches.ts')};\nimport { blankCell as sparktopBlank, rowText as sparktopRowText } from ${terminal('styled-row.ts')};\n`,
		edits: [
			[
				'caches = new OutputCaches();',
				'caches = sparktopCaches(() => new OutputCaches());',
			],
			[
				'return sliceAnsi(line, from, to);',
				'return sparktopSlice(line, from, to);',
			],
			[
				"row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
				'row.push(sparktopBlank);',
			],
			[
				'.map(line => {\n            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742\n            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return styledCharsToString(lineWithoutEmptyItems).trimEnd();\n        })',
				'.map((line, index) => sparktopRowText(index, line))',
			],
		],
	},
];

/** An esbuild plugin that applies the patches above as Ink's files are bundled. */
export const inkOutput = {
	name: 'ink-output',
	setup(build) {
		for (const patch of patches) {
			build.onLoad({filter: patch.file}, async args => {
				if (patch.replace) {
					return {contents: patch.replace(), loader: 'js'};
				}

				let source = await readFile(args.path, 'utf8');
				for (const [from, to] of patch.edits) {
					if (!source.includes(from)) {
						return {
							errors: [
								{
									text: `${args.path} changed: sparktop's output patch ("${from}") no longer applies`,
								},
							],
						};
					}

					source = source.replace(from, to);
				}

				return {contents: (patch.prefix ?? '') + source, loader: 'js'};
			});
		}
	},
};
