import {cutText, redact} from '../text/redact.js';

export type ProviderErrorKind =
	| 'http'
	| 'network'
	| 'timeout'
	| 'too-large'
	| 'malformed'
	| 'aborted'
	/** Credentials could not be had (a failing token command, no Azure login...). */
	| 'auth'
	| 'config';

export type ProviderErrorInit = {
	readonly kind: ProviderErrorKind;
	readonly provider: string;
	readonly operation: string;
	readonly message: string;
	readonly status?: number;
	readonly code?: string;
	readonly requestId?: string;
	/** How long the server asked us to wait before trying again. */
	readonly retryAfterMs?: number;
	/** The provider said this is throttling, whatever the HTTP status. */
	readonly throttled?: boolean;
	/** The target's secrets: taken out of every field, wherever a server echoed them. */
	readonly secrets?: readonly string[];
};

/** The longest message and fields an error keeps, after redaction. */
const maxMessage = 300;
const maxField = 120;

/**
 * The one error type every provider operation fails with. Every field is safe to show: the
 * target's secrets and anything that reads like a credential are taken out before it is cut.
 */
export class ProviderError extends Error {
	override readonly name = 'ProviderError';
	readonly kind: ProviderErrorKind;
	readonly provider: string;
	readonly operation: string;
	readonly status?: number;
	readonly code?: string;
	readonly requestId?: string;
	readonly retryAfterMs?: number;
	readonly throttled: boolean;

	constructor(init: ProviderErrorInit) {
		const safe = (text: string, max: number) =>
			cutText(redact(text, init.secrets), max);
		super(safe(init.message, maxMessage));
		this.kind = init.kind;
		this.provider = init.provider;
		this.operation = init.operation;
		this.status = init.status;
		this.code = init.code === undefined ? undefined : safe(init.code, maxField);
		this.requestId =
			init.requestId === undefined ? undefined : safe(init.requestId, maxField);
		this.retryAfterMs = init.retryAfterMs;
		this.throttled = init.throttled ?? init.status === 429;
	}

	/** One line for a status bar: `livy listSessions: HTTP 404 Session '7' not found. (request abc)`. */
	summary(): string {
		const status = this.status === undefined ? '' : `HTTP ${this.status} `;
		const code = this.code ? `${this.code}: ` : '';
		const request = this.requestId ? ` (request ${this.requestId})` : '';
		return `${this.provider} ${this.operation}: ${status}${code}${this.message}${request}`;
	}
}

export function isProviderError(error: unknown): error is ProviderError {
	return error instanceof ProviderError;
}

/** Any thrown value as a ProviderError, without leaking what it does not know to be safe. */
export function toProviderError(
	error: unknown,
	provider: string,
	operation: string,
): ProviderError {
	if (error instanceof ProviderError) {
		return error;
	}

	return new ProviderError({
		kind: 'malformed',
		provider,
		operation,
		message:
			error instanceof Error
				? `unexpected response (${error.message})`
				: 'unexpected response',
	});
}
