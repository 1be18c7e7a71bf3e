// Ink imports react-devtools-core statically for its optional devtools; the bundle replaces it with this no-op.
const devtools = {
	initialize() {},
	connectToDevTools() {},
};
export default devtools;
