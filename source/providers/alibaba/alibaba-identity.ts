import type {CachedCredential} from '../auth/cached-credential.js';
import {
	type CredentialIdentity,
	credentialIdentity,
	maskedKeyId,
} from '../auth/credential-identity.js';
import type {AlibabaCredentials} from './acs3-signer.js';

/** The AccessKey a target signs with, its middle hidden, and whether it is temporary (STS). */
export function alibabaIdentity(
	credentials: CachedCredential<AlibabaCredentials>,
): CredentialIdentity {
	return credentialIdentity(
		credentials,
		({accessKeyId, securityToken}) =>
			`AccessKey ${maskedKeyId(accessKeyId)}${securityToken ? ' with an STS token' : ''}`,
	);
}
