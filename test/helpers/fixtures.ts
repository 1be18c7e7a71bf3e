import assert from 'node:assert/strict';
import {ProviderError} from '../../source/http/provider-error.js';
import type {Run} from '../../source/model/types.js';

/** An idle Livy session run; override any field. */
export function sessionRun(id: string, extra: Partial<Run> = {}): Run {
	return {
		target: 'livy',
		kind: 'session',
		id,
		key: `livy:session:${id}`,
		provider: 'livy',
		state: 'idle',
		rawState: 'idle',
		...extra,
	};
}

/** Awaits a promise that must fail with a ProviderError, and returns that error. */
export async function expectProviderError(
	promise: Promise<unknown>,
): Promise<ProviderError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(
			error instanceof ProviderError,
			`expected a ProviderError, got ${String(error)}`,
		);
		return error;
	}

	throw new assert.AssertionError({message: 'expected a failure'});
}
