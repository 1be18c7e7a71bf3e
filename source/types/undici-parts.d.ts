// The files of undici that source/http/undici-parts.ts imports alone, typed from its index.
declare module 'undici/lib/dispatcher/agent.js' {
	import type {Agent} from 'undici';

	const agent: typeof Agent;
	export default agent;
}

declare module 'undici/lib/api/api-request.js' {
	import type {Dispatcher} from 'undici';

	const request: (
		this: Dispatcher,
		options: Dispatcher.RequestOptions,
	) => Promise<Dispatcher.ResponseData>;
	export default request;
}
