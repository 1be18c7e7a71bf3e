import assert from 'node:assert/strict';
import {type TestContext, test} from 'node:test';
import {pathToFileURL} from 'node:url';
import type {Plugin} from 'esbuild';
import {bundledSnippet, bundleModule} from './helpers/bundle-snippet.js';

type Node = {
	nodeName: string;
	style?: Record<string, unknown>;
	childNodes: Node[];
	yogaNode?: {
		setWidth(width: number): void;
		calculateLayout(
			width: number | undefined,
			height: number | undefined,
			direction: number,
		): void;
		getComputedWidth(): number;
		getComputedHeight(): number;
	};
};
type Output = {get(): {output: string}};

/** Ink's DOM and renderer as the bundle has them: patched by sparktop's esbuild plugin. */
type PatchedInk = {
	Output: new (size: {width: number; height: number}) => Output;
	directionLtr: number;
	createNode(name: string): Node;
	createTextNode(text: string): Node;
	appendChildNode(parent: Node, child: Node): void;
	insertBeforeNode(parent: Node, child: Node, before: Node): void;
	removeChildNode(parent: Node, child: Node): void;
	setStyle(node: Node, style: Record<string, unknown>): void;
	setTextNodeValue(node: Node, text: string): void;
	applyStyles(yogaNode: unknown, style: Record<string, unknown>): void;
	renderNodeToOutput(
		node: Node,
		output: Output,
		options: {skipStaticElements: boolean},
	): void;
	nodeChanged(node: Node): void;
};

async function patchedInk(t: TestContext): Promise<PatchedInk> {
	const {inkOutput} = await bundleModule<{inkOutput: Plugin}>('ink-output.mjs');
	const ink = './node_modules/ink/build';
	const file = await bundledSnippet(
		t,
		[
			`export {createNode, createTextNode, appendChildNode, insertBeforeNode, removeChildNode, setStyle, setTextNodeValue} from '${ink}/dom.js';`,
			`export {default as applyStyles} from '${ink}/styles.js';`,
			`export {default as renderNodeToOutput} from '${ink}/render-node-to-output.js';`,
			`export {default as Output} from '${ink}/output.js';`,
			`export {nodeChanged} from './source/terminal/kept-subtrees.ts';`,
			`import Yoga from 'yoga-layout'; export const directionLtr = Yoga.DIRECTION_LTR;`,
		],
		[inkOutput],
	);
	return (await import(pathToFileURL(file).href)) as PatchedInk;
}

function randomFrom(seed: number) {
	let state = seed;
	return (below: number) => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		// The high bits: the low bits of this generator repeat within a few steps.
		return Math.floor((state / 2_147_483_648) * below);
	};
}

const words = ['run', 'nightly-etl', '漢字', 'FAILED', '█░░', '', 'x'];

test('a frame drawn from kept subtrees is the frame a full walk of the tree draws, change after change', async t => {
	const ink = await patchedInk(t);
	const width = 40;

	/** Two identical trees built and changed by the same steps: one drawn from what it kept, one walked whole. */
	function trees(seed: number) {
		const random = randomFrom(seed);
		const made = [0, 1].map(() => {
			const rootNode = ink.createNode('ink-root');
			ink.applyStyles(rootNode.yogaNode, {flexDirection: 'column'});
			return rootNode;
		});
		const boxStyle = () => ({
			flexDirection: random(2) === 0 ? 'row' : 'column',
			...(random(3) === 0 && {overflow: 'hidden', height: 1 + random(3)}),
			...(random(3) === 0 && {width: 5 + random(30)}),
			...(random(4) === 0 && {paddingLeft: random(3)}),
		});
		const text = () =>
			Array.from(
				{length: 1 + random(4)},
				() => words[random(words.length)]!,
			).join(' ');
		const each = (step: (tree: Node) => void) => {
			for (const tree of made) {
				step(tree);
			}
		};

		const addBox = (at: number) => {
			const style = boxStyle();
			const texts = Array.from({length: 1 + random(3)}, () => text());
			each(tree => {
				const box = ink.createNode('ink-box');
				ink.setStyle(box, style);
				ink.applyStyles(box.yogaNode, style);
				for (const value of texts) {
					const textNode = ink.createNode('ink-text');
					ink.appendChildNode(textNode, ink.createTextNode(value));
					ink.appendChildNode(box, textNode);
				}

				const before = tree.childNodes[at];
				if (before) {
					ink.insertBeforeNode(tree, box, before);
				} else {
					ink.appendChildNode(tree, box);
				}
			});
		};

		for (let index = 0; index < 6; index++) {
			addBox(index);
		}

		const change = () => {
			const boxes = made[0]!.childNodes.length;
			const at = random(boxes);
			switch (random(4)) {
				case 0: {
					const textAt = random(made[0]!.childNodes[at]!.childNodes.length);
					const value = text();
					each(tree => {
						ink.setTextNodeValue(
							tree.childNodes[at]!.childNodes[textAt]!.childNodes[0]!,
							value,
						);
					});
					break;
				}

				case 1: {
					// Half the time only the padding moves: the box keeps its place and size.
					const style =
						random(2) === 0
							? boxStyle()
							: {
									...made[0]!.childNodes[at]!.style,
									width: 30,
									paddingLeft: random(4),
								};
					each(tree => {
						ink.setStyle(tree.childNodes[at]!, style);
						ink.applyStyles(tree.childNodes[at]!.yogaNode, style);
					});
					break;
				}

				case 2: {
					if (boxes > 1) {
						each(tree => {
							ink.removeChildNode(tree, tree.childNodes[at]!);
						});
					}

					break;
				}

				default: {
					addBox(at);
				}
			}
		};

		return {made, change};
	}

	const draw = (tree: Node) => {
		tree.yogaNode!.setWidth(width);
		tree.yogaNode!.calculateLayout(undefined, undefined, ink.directionLtr);
		const output = new ink.Output({
			width: tree.yogaNode!.getComputedWidth(),
			height: tree.yogaNode!.getComputedHeight(),
		});
		ink.renderNodeToOutput(tree, output, {skipStaticElements: true});
		return output.get().output;
	};

	const everyNodeChanged = (node: Node) => {
		ink.nodeChanged(node);
		for (const child of node.childNodes ?? []) {
			everyNodeChanged(child);
		}
	};

	for (let seed = 1; seed <= 40; seed++) {
		const {made, change} = trees(seed);
		const [kept, walked] = made as [Node, Node];
		for (let frame = 0; frame < 12; frame++) {
			everyNodeChanged(walked);
			assert.equal(draw(kept), draw(walked), `seed ${seed}, frame ${frame}`);
			// Some frames change nothing: all of it comes from what was kept.
			if (frame % 3 !== 2) {
				change();
			}
		}
	}
});
