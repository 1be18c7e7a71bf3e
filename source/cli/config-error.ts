/** Bad usage or configuration: the cli says what is wrong and exits with status 2. */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}
