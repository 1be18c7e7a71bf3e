// Gives the bundled Ink sparktop's own output stage (source/terminal). Ink 6.8 rewrites every
// changed row whole, steps over unchanged rows one escape at a time, and throttles every frame,
// a key's included, to its frame rate. In the bundle:
// - ink/build/log-update.js is replaced by screen-writer.ts, which writes only changed cells;
// - Ink's render throttle is replaced by frame-scheduler.ts (keys drawn at once, background
//   updates coalesced), and Ink's input dispatch tells it when a key arrived; a frame and the
//   synchronized-update marks around it go to the terminal in one write;
// - Ink's DOM tells kept-subtrees.ts of every change React makes, and a subtree that did not
//   change and did not move hands its last frame's writes in again instead of being walked;
// - ink/build/output.js is replaced by frame-output.ts: a write handed in again keeps where its
//   lines landed, a row of the same cells as last frame's keeps its text, and a changed one
//   is written by styled-row.ts, which works out style changes only where a style changes; text
//   measuring and clipping keep what the last two frames used (output-caches.ts).
// - React's devtools are left out (reconciler.js).
// Tests through ink-testing-library run Ink unpatched.
import {fileURLToPath} from 'node:url';
import {patchPlugin} from './patch-plugin.mjs';

const terminal = name =>
	JSON.stringify(
		fileURLToPath(new URL(`../terminal/${name}`, import.meta.url)),
	);

/** An edit that makes the function opening with `head` first tell kept-subtrees.ts its node changed. */
const markingChange = (head, indent) => [
	head,
	`${head}\n${indent}sparktopNodeChanged(node);`,
];

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
			[
				'const shouldWrite = this.log.willRender(output);\n                const sync = shouldSynchronize(this.options.stdout);\n                if (sync && shouldWrite) {\n                    this.options.stdout.write(bsu);\n                }\n                this.log(output);\n                if (sync && shouldWrite) {\n                    this.options.stdout.write(esu);\n                }',
				'this.log(output, shouldSynchronize(this.options.stdout));',
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
		prefix: `import { widestLineAcrossFrames as sparktopWidestLine } from ${terminal('output-caches.ts')};\nimport { keptSubtrees as sparktopKeptSubtrees } from ${terminal('kept-subtrees.ts')};\n`,
		edits: [
			[
				'const currentWidth = widestLine(text);',
				'const currentWidth = sparktopWidestLine(text);',
			],
			[
				'const renderNodeToOutput = (node, output, options) => {',
				'const renderNodeToOutput = sparktopKeptSubtrees((node, output, options) => {',
			],
			[
				'    }\n};\nexport default renderNodeToOutput;',
				'    }\n});\nexport default renderNodeToOutput;',
			],
		],
	},
	{
		file: /[\\/]ink[\\/]build[\\/]dom\.js$/,
		prefix: `import { nodeChanged as sparktopNodeChanged } from ${terminal('kept-subtrees.ts')};\n`,
		edits: [
			'export const appendChildNode = (node, childNode) => {',
			'export const insertBeforeNode = (node, newChildNode, beforeChildNode) => {',
			'export const removeChildNode = (node, removeNode) => {',
			'export const setAttribute = (node, key, value) => {',
			'export const setStyle = (node, style) => {',
			'export const setTextNodeValue = (node, text) => {',
		].map(head => markingChange(head, '    ')),
	},
	{
		file: /[\\/]ink[\\/]build[\\/]reconciler\.js$/,
		prefix: `import { nodeChanged as sparktopNodeChanged } from ${terminal('kept-subtrees.ts')};\n`,
		edits: [
			...[
				'commitUpdate(node, _type, oldProps, newProps) {',
				'hideInstance(node) {',
				'unhideInstance(node) {',
			].map(head => markingChange(head, '        ')),
			// With DEV=true Ink loads React's devtools at its top level and reads its package.json for
			// them: neither belongs in a monitor's bundle (ws alone is 48 KiB), and a top-level await
			// cannot run in a script, which the bundle is (source/launch).
			[
				"await import('./devtools.js');",
				"throw new Error('sparktop is built without React devtools');",
			],
			['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
		],
	},
	{
		file: /[\\/]ink[\\/]build[\\/]output\.js$/,
		replace: () => `export {default} from ${terminal('frame-output.ts')};\n`,
	},
];

/** An esbuild plugin that applies the patches above as Ink's files are bundled. */
export const inkOutput = patchPlugin('ink-output', patches);
