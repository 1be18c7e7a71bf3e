import type {Dispatcher} from 'undici';
import type {ErrorBodyFacts} from '../../http/error-body.js';
import {
	HttpClient,
	type HttpRequest,
	type OutgoingRequest,
} from '../../http/http-client.js';
import {asObject, asText} from '../../model/wire.js';
import type {CachedCredential} from '../auth/cached-credential.js';
import {acs3Headers, type AlibabaCredentials, signAcs3} from './acs3-signer.js';

export type PopClientOptions = {
	readonly provider: string;
	readonly endpoint: string;
	/** The API version every request names in x-acs-version. */
	readonly version: string;
	readonly credentials: CachedCredential<AlibabaCredentials>;
	readonly dispatcher?: Dispatcher;
	readonly now?: () => number;
};

/** One operation: its action name (x-acs-action, also the operation in errors) and the request. */
export type PopRequest = Omit<HttpRequest, 'operation'> & {
	readonly action: string;
};

/**
 * Alibaba Cloud's POP gateway, for ROA and RPC APIs alike: every request is signed with
 * ACS3-HMAC-SHA256 (fresh date and nonce each time, STS token when there is one), and error
 * bodies `{Code, Message, RequestId, Recommend}` become ProviderErrors; `Throttling*` codes are
 * throttling whatever the HTTP status.
 */
export class PopClient {
	readonly http: HttpClient;

	constructor(options: PopClientOptions) {
		const {credentials, version} = options;
		const now = options.now ?? Date.now;
		this.http = new HttpClient({
			provider: options.provider,
			endpoint: options.endpoint,
			dispatcher: options.dispatcher,
			now,
			async authorize(request) {
				return sign(request, await credentials.get(), version, now());
			},
			secrets: () => credentials.secrets(),
			readError: (_response, json) => readPopError(json),
			// Rotated keys or an expired STS token: fetch fresh credentials next time.
			onHttpError(error) {
				if (
					/^(?:InvalidAccessKeyId|InvalidSecurityToken)/v.test(error.code ?? '')
				) {
					credentials.invalidate();
				}
			},
		});
	}

	async call(request: PopRequest): Promise<unknown> {
		const {action, ...rest} = request;
		return this.http.json({
			...rest,
			operation: action,
			headers: {...rest.headers, 'x-acs-action': action},
		});
	}
}

function sign(
	request: OutgoingRequest,
	credentials: AlibabaCredentials,
	version: string,
	now: number,
): Record<string, string> {
	const acs = acs3Headers({
		action: request.headers['x-acs-action'] ?? '',
		version,
		body: request.body,
		now,
		credentials,
	});
	const {authorization} = signAcs3(
		{
			method: request.method,
			url: request.url,
			headers: {...request.headers, ...acs, host: request.url.host},
			body: request.body,
		},
		credentials,
	);
	return {...acs, authorization};
}

const signatureHints: ReadonlyArray<readonly [RegExp, string]> = [
	[
		/^(?:SignatureDoesNotMatch|IncompleteSignature)/v,
		'the request signature was rejected: check the AccessKey secret',
	],
	[
		/^InvalidAccessKeyId/v,
		'the AccessKey id is unknown or disabled: check the credentials sparktop found',
	],
	[
		/^InvalidTimeStamp/v,
		"the request time was refused: this machine's clock is more than 15 minutes off",
	],
	[
		/^InvalidSecurityToken/v,
		'the STS security token is expired or malformed: fetch new STS credentials',
	],
];

/** The POP error body; service-level errors may use lower camel case, so both are read. */
export function readPopError(json: unknown): ErrorBodyFacts {
	const object = asObject(json);
	const code = asText(object['Code']) ?? asText(object['code']);
	const message = asText(object['Message']) ?? asText(object['message']);
	const recommend = asText(object['Recommend']);
	const hint = signatureHints.find(([pattern]) =>
		pattern.test(code ?? ''),
	)?.[1];
	const text = [hint, message].filter(Boolean).join(': ');
	return {
		code,
		message: text
			? recommend
				? `${text} (diagnosis: ${recommend})`
				: text
			: undefined,
		requestId: asText(object['RequestId']) ?? asText(object['requestId']),
		throttled: code?.startsWith('Throttling') ? true : undefined,
	};
}
