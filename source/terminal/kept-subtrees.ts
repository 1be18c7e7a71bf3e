/** The parts of an Ink DOM node (ink/build/dom.js) this reads. */
type InkNode = {
	readonly nodeName: string;
	readonly parentNode?: InkNode;
	readonly yogaNode?: {
		getComputedLeft(): number;
		getComputedTop(): number;
		getComputedWidth(): number;
		getComputedHeight(): number;
	};
};

type RenderOptions = {
	readonly offsetX?: number;
	readonly offsetY?: number;
	readonly transformers?: readonly unknown[];
	readonly skipStaticElements?: boolean;
};

type Output = {readonly operations: unknown[]};

type RenderNode = (
	node: InkNode,
	output: Output,
	options: RenderOptions,
) => void;

/**
 * What a subtree wrote last time, and where it was then: its writes are a run of one frame's
 * operations, pointed at rather than copied (each level of the tree would copy them again).
 */
type Kept = {
	place: readonly number[];
	transformers: readonly unknown[];
	operations: readonly unknown[];
	from: number;
	to: number;
};

/** Nodes changed since they were last drawn, with every node above them. */
const changed = new WeakSet<InkNode>();
const kept = new WeakMap<InkNode, Kept>();

/**
 * Called for every change React makes to Ink's DOM (a text, a style, an attribute, a child added
 * or removed, a node hidden): the node and all above it must be walked again next frame.
 */
export function nodeChanged(node: InkNode | undefined): void {
	for (let at = node; at !== undefined; at = at.parentNode) {
		changed.add(at);
	}
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
	a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * Ink's renderNodeToOutput (ink/build/render-node-to-output.js) walks the whole DOM for every
 * frame, squashing, measuring and wrapping every text again, though a frame mostly changes a line
 * or two. Wrapped by this, a subtree that has not changed since its last frame and is laid out at
 * the same place and size hands in the very writes it made then, which the output stage
 * (frame-output.ts) knows and does not lay out again.
 */
export function keptSubtrees(render: RenderNode): RenderNode {
	return (node, output, options) => {
		const {yogaNode} = node;
		if (yogaNode === undefined) {
			render(node, output, options);
			return;
		}

		const place = [
			(options.offsetX ?? 0) + yogaNode.getComputedLeft(),
			(options.offsetY ?? 0) + yogaNode.getComputedTop(),
			yogaNode.getComputedWidth(),
			yogaNode.getComputedHeight(),
			options.skipStaticElements === true ? 1 : 0,
		];
		const transformers = options.transformers ?? [];
		const last = kept.get(node);
		const from = output.operations.length;
		if (
			last !== undefined &&
			!changed.has(node) &&
			sameList(last.place, place) &&
			sameList(last.transformers, transformers)
		) {
			for (let index = last.from; index < last.to; index++) {
				output.operations.push(last.operations[index]);
			}

			last.operations = output.operations;
			last.from = from;
			last.to = output.operations.length;
			return;
		}

		render(node, output, options);
		kept.set(node, {
			place,
			transformers,
			operations: output.operations,
			from,
			to: output.operations.length,
		});
		changed.delete(node);
	};
}
