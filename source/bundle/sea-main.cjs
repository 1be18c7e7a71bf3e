// The single executable's entry. Node runs an embedded main script only as CommonJS, and the cli
// (Ink's layout engine among it) needs top-level await: so the one-file ESM bundle rides along as
// an asset and is imported from memory, without writing anything to the host's disk.
const {getAsset} = require('node:sea');

const bundle = getAsset('sparktop.mjs');
import(
	`data:text/javascript;base64,${Buffer.from(bundle).toString('base64')}`
).catch(error => {
	process.stderr.write(`sparktop: ${error?.stack ?? error}\n`);
	process.exit(70);
});
