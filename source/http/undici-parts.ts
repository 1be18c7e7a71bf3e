import type {Dispatcher} from 'undici';
import type AgentClass from 'undici/lib/dispatcher/agent.js';
import dispatchRequest from 'undici/lib/api/api-request.js';

/**
 * The two parts of undici sparktop uses, imported alone. Its index loads every dispatcher,
 * mock, cache store and interceptor it has, and through them Node's own fetch internals: at start-up
 * that is time and resident memory spent on code that never runs.
 */
export {default as Agent} from 'undici/lib/dispatcher/agent.js';
export type PooledAgent = InstanceType<typeof AgentClass>;

/** The same as undici's `request(url, options)`: one request through `options.dispatcher`. */
export async function request(
	url: URL,
	options: Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & {
		readonly dispatcher: Dispatcher;
	},
): Promise<Dispatcher.ResponseData> {
	const {dispatcher, ...rest} = options;
	return dispatchRequest.call(dispatcher, {
		...rest,
		origin: url.origin,
		path: `${url.pathname}${url.search}`,
	});
}
