// Stamped in by the bundler (source/bundle/bundle-options.mjs): nothing reads package.json at run
// time, and the single executable has none beside it.
declare const SPARKTOP_PACKAGE: {
	readonly name: string;
	readonly version: string;
	readonly description: string;
};

export const packageInfo = SPARKTOP_PACKAGE;
