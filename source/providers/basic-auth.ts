import {Buffer} from 'node:buffer';

export type BasicCredentials = {
	readonly username: string;
	readonly password: string;
};

export function basicAuthHeader(
	credentials: BasicCredentials | undefined,
): Record<string, string> {
	if (!credentials) {
		return {};
	}

	const token = Buffer.from(
		`${credentials.username}:${credentials.password}`,
	).toString('base64');
	return {authorization: `Basic ${token}`};
}

/** What must never show in an error message for these credentials. */
export function basicAuthSecrets(
	credentials: BasicCredentials | undefined,
): string[] {
	if (!credentials) {
		return [];
	}

	return [
		credentials.password,
		Buffer.from(`${credentials.username}:${credentials.password}`).toString(
			'base64',
		),
	];
}
