// Patches to dependencies, applied as the bundle is built, never to anyone's node_modules: the
// build fails if a file changed and a patch no longer fits.
import {readFile} from 'node:fs/promises';

/**
 * @typedef {object} Patch
 * @property {RegExp} file The files it applies to.
 * @property {() => string} [replace] The file's whole new text.
 * @property {string} [prefix] Text put before the file's.
 * @property {Array<[string, string]>} [edits] Each first text, found once, becomes the second.
 */

/** An esbuild plugin that applies `patches` as their files are bundled. */
export function patchPlugin(name, patches) {
	return {
		name,
		setup(build) {
			for (const patch of patches) {
				build.onLoad({filter: patch.file}, async args => {
					if (patch.replace) {
						return {contents: patch.replace(), loader: 'js'};
					}

					let source = await readFile(args.path, 'utf8');
					for (const [from, to] of patch.edits ?? []) {
						if (!source.includes(from)) {
							return {
								errors: [
									{
										text: `${args.path} changed: sparktop's ${name} patch ("${from}") no longer applies`,
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
}
