import {type ProviderError, toProviderError} from '../http/provider-error.js';
import type {Action} from './actions.js';
import type {Clock} from './clock.js';

const actionTimeoutMs = 60_000;

/**
 * Carries out a confirmed action, given up after a minute without an answer. Resolves to the
 * error, if any; never rejects.
 */
export async function performAction(
	action: Action,
	clock: Clock,
): Promise<ProviderError | undefined> {
	const controller = new AbortController();
	const timer = clock.setTimeout(() => {
		controller.abort(new Error(`no answer within ${actionTimeoutMs / 1000}s`));
	}, actionTimeoutMs);
	try {
		await action.perform(controller.signal);
		return undefined;
	} catch (error) {
		return toProviderError(error, 'sparktop', action.label);
	} finally {
		clock.clearTimeout(timer);
	}
}
