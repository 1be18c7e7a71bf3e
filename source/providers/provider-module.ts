import type {StateTable} from '../model/states.js';
import type {FilterSpec, ListFilters} from './list-filters.js';
import type {Provider} from './provider.js';

/**
 * One setting a provider takes: how a user gives it on the command line, in a profile and in the
 * environment, what it means for this provider, and how a value is checked. The command line,
 * `--help` and the config file are all derived from these.
 */
export type Setting = {
	/** Long flag, kebab-case, without dashes: `project-id`. */
	readonly flag: string;
	/** Key in a config-file profile, camelCase: `projectId`. */
	readonly configKey: string;
	/** Placeholder in the help text: `URL`, `ID`, `CMD`. */
	readonly placeholder: string;
	/** What it means for this provider, for `--help` and error messages. */
	readonly help: string;
	/** An environment variable read when neither the flag nor the profile gives it. */
	readonly env?: string;
	/** Where else a value may come from (a vendor's CLI config), read last. */
	readonly fallback?: (env: NodeJS.ProcessEnv) => string | undefined;
	/** Those other places, named for the "needs" message: `project_id in ~/.huaweicloud/credentials`. */
	readonly fallbackFrom?: string;
	readonly required?: boolean;
	/** A problem with a value, in a few words, or undefined when it is good. */
	readonly validate?: (value: string) => string | undefined;
};

/** A target as its provider is asked to build it: every setting already looked up and checked. */
export type TargetSetup<Key extends string = string> = {
	/** The target's name on screen and in run keys. */
	readonly name: string;
	readonly endpoint: string;
	readonly settings: Readonly<Partial<Record<Key, string>>>;
	readonly filters: ListFilters;
	/** The newest runs of each kind a list reads (`--max-runs`), where the service pages. */
	readonly maxRuns?: number;
	/** Where a setting was given (`--credential-command`, `profile "prod"`), to name it in errors. */
	readonly origin: (key: Key) => string;
	readonly env: NodeJS.ProcessEnv;
};

/** The raw state words of a provider, by what they are the state of, for documentation and tests. */
export type StateTables = Readonly<Record<string, StateTable<string>>>;

/** Everything sparktop knows of one provider, declared in its own folder. */
export type ProviderModule<Key extends string = string> = {
	readonly id: string;
	/** One line for `--help`: the service and what is watched. */
	readonly title: string;
	readonly settings: Readonly<Record<Key, Setting>>;
	/** List filters by name, with what each does and takes (`--filter NAME=VALUE`). */
	readonly filters: Readonly<Record<string, FilterSpec>>;
	/** Where the service lives when no endpoint is given, from the other settings. */
	readonly defaultEndpoint?: (
		settings: Readonly<Partial<Record<Key, string>>>,
	) => string | undefined;
	readonly states: StateTables;
	/** Builds the provider; throws SetupError when what was given cannot work. */
	readonly create: (setup: TargetSetup<Key>) => Provider;
};

/** A target that cannot be set up as configured; the cli reports it as a usage error. */
export class SetupError extends Error {
	override readonly name = 'SetupError';
}

/** Declares a provider module with its setting keys checked against what `create` reads. */
export function defineProvider<const Key extends string>(
	module: ProviderModule<Key>,
): ProviderModule {
	return module;
}

/** The endpoint setting every provider has. */
export function endpointSetting(
	help: string,
	required = false,
): Setting & {readonly flag: 'endpoint'} {
	return {
		flag: 'endpoint',
		configKey: 'endpoint',
		placeholder: 'URL',
		help,
		required,
	};
}
