import process from 'node:process';
import {clockSkewMs} from '../http/server-clock.js';
import {isProviderError, type ProviderError} from '../http/provider-error.js';
import {probeEndpoint} from '../http/reachability.js';
import {totalOf} from '../model/run-list.js';
import type {Provider} from '../providers/provider.js';
import {redact} from '../text/redact.js';
import {ConfigError} from './config-error.js';
import {createProvider, resolveTarget} from './create-provider.js';
import type {TargetConfig} from './target-config.js';

export const doctorChecks = [
	'config',
	'credentials',
	'reachable',
	'authenticated',
	'clock',
	'list',
] as const;

export type DoctorCheck = (typeof doctorChecks)[number];

export type CheckLine = {
	readonly check: DoctorCheck;
	readonly status: 'ok' | 'warn' | 'fail' | 'skip';
	readonly detail: string;
	/** What to do about a failure or warning. */
	readonly fix?: string;
};

export type TargetDiagnosis = {
	/** Absent when the configuration names no target at all. */
	readonly target?: string;
	readonly provider?: string;
	readonly lines: readonly CheckLine[];
};

export type DoctorOptions = {
	readonly maxRuns?: number;
	readonly env?: NodeJS.ProcessEnv;
	/** How long the list call and the credential fetch may take. */
	readonly timeoutMs?: number;
	/** Where profiles live, to say where to fix one. */
	readonly configPath: string;
};

/** Past this, signed requests fail: Azure tokens allow 5 minutes, Alibaba and Huawei gateways 15. */
const skewFailMs = 5 * 60_000;
const skewWarnMs = 30_000;

const seconds = (ms: number) =>
	Math.abs(ms) >= 120_000
		? `${(Math.abs(ms) / 60_000).toFixed(1)} min`
		: `${(Math.abs(ms) / 1000).toFixed(1)} s`;

function where(target: TargetConfig, configPath: string): string {
	switch (target.source.kind) {
		case 'profile': {
			return `profile "${target.source.name}" in ${configPath}`;
		}

		case 'flags': {
			return 'the command line';
		}

		case 'demo': {
			return "the demo's simulator";
		}
	}
}

async function withTimeout<T>(
	timeoutMs: number,
	work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
	const signal = AbortSignal.timeout(timeoutMs);
	return Promise.race([
		work(signal),
		new Promise<never>((_resolve, reject) => {
			signal.addEventListener('abort', () => {
				reject(new Error(`no answer within ${timeoutMs / 1000} s`));
			});
		}),
	]);
}

const messageOf = (error: unknown) =>
	isProviderError(error)
		? error.summary()
		: error instanceof Error
			? error.message
			: String(error);

/** A refusal of the credentials rather than a failure of the service: 401/403, or a gateway's auth code. */
function isRefusal(error: ProviderError): boolean {
	return (
		error.status === 401 ||
		error.status === 403 ||
		/Signature|AccessKey|SecurityToken|TimeStamp|^APIGW?\.030/v.test(
			error.code ?? '',
		)
	);
}

function clockLine(skew: number | undefined | Error): CheckLine {
	if (skew instanceof Error) {
		return {
			check: 'clock',
			status: 'warn',
			detail: `the server's clock could not be read (${skew.message})`,
		};
	}

	if (skew === undefined) {
		return {
			check: 'clock',
			status: 'skip',
			detail: 'the server sends no Date header',
		};
	}

	const off = `this host is ${seconds(skew)} ${skew > 0 ? 'ahead of' : 'behind'} the server`;
	if (Math.abs(skew) > skewFailMs) {
		return {
			check: 'clock',
			status: 'fail',
			detail: off,
			fix: 'signatures and tokens fail past a few minutes: sync this host (timedatectl set-ntp true, or chronyc makestep)',
		};
	}

	return Math.abs(skew) > skewWarnMs
		? {
				check: 'clock',
				status: 'warn',
				detail: off,
				fix: 'still accepted, but keep this host on NTP',
			}
		: {check: 'clock', status: 'ok', detail: `within ${seconds(skew)}`};
}

function listFix(error: ProviderError): string {
	if (error.kind === 'timeout') {
		return 'the service is slow or something holds the request: try again, or a larger --timeout for snapshots';
	}

	if (error.kind === 'malformed') {
		return 'something other than the service answers (a login page or proxy?): check the endpoint URL and its path';
	}

	if (error.status === 404) {
		return 'the path, workspace, project or pool in the configuration may be wrong';
	}

	if (error.status !== undefined && error.status >= 500) {
		return 'the service itself fails: see its status page, or try again';
	}

	return 'see the message; sparktop runs --once shows the same call';
}

/** The checks of one target, in order; a step that cannot run after a failure is skipped with the reason. */
export async function diagnoseTarget(
	target: TargetConfig,
	options: DoctorOptions,
): Promise<TargetDiagnosis> {
	const {env = process.env, timeoutMs = 15_000} = options;
	const lines: CheckLine[] = [];
	const skipRest = (reason: string) => {
		for (const check of doctorChecks.slice(lines.length)) {
			lines.push({check, status: 'skip', detail: reason});
		}
	};

	let provider: Provider;
	let endpoint: URL;
	try {
		endpoint = new URL(resolveTarget(target, env).endpoint);
		provider = createProvider(target, {maxRuns: options.maxRuns}, env);
		lines.push({
			check: 'config',
			status: 'ok',
			detail: `${provider.endpoint}, from ${where(target, options.configPath)}`,
		});
	} catch (error) {
		if (!(error instanceof ConfigError)) {
			throw error;
		}

		lines.push({
			check: 'config',
			status: 'fail',
			detail: error.message,
			fix: `complete ${where(target, options.configPath)}; sparktop --help lists every setting`,
		});
		skipRest('needs a complete configuration');
		return {target: target.name, provider: target.provider, lines};
	}

	const {identity} = provider;
	let who: string | undefined;
	if (identity === undefined) {
		lines.push({
			check: 'credentials',
			status: 'ok',
			detail: 'none configured: requests go without credentials',
		});
	} else {
		try {
			who = await withTimeout(timeoutMs, async () => identity.resolve());
			lines.push({
				check: 'credentials',
				status: 'ok',
				detail: `${who}, from ${identity.source}`,
			});
		} catch (error) {
			lines.push({
				check: 'credentials',
				status: 'fail',
				detail: messageOf(error),
				fix: `check ${identity.source}`,
			});
		}
	}

	const reach = await probeEndpoint(endpoint);
	const reachable: CheckLine = reach.ok
		? {check: 'reachable', status: 'ok', detail: reach.detail}
		: {
				check: 'reachable',
				status: 'fail',
				detail: reach.detail,
				fix: reach.fix,
			};
	lines.push(reachable);
	if (!reach.ok) {
		skipRest('the endpoint cannot be reached');
		return {target: target.name, provider: provider.id, lines};
	}

	const clock = clockLine(
		await withTimeout(timeoutMs, async signal =>
			clockSkewMs(endpoint, signal),
		).catch((error: unknown) => new Error(messageOf(error))),
	);
	const credentialsFailed = lines[1]?.status === 'fail';
	if (credentialsFailed || !provider.listRuns) {
		const reason = credentialsFailed
			? 'needs credentials'
			: 'this provider lists nothing';
		lines.push(
			{check: 'authenticated', status: 'skip', detail: reason},
			clock,
			{check: 'list', status: 'skip', detail: reason},
		);
		return {target: target.name, provider: provider.id, lines};
	}

	const started = performance.now();
	try {
		const runs = await withTimeout(timeoutMs, async signal =>
			provider.listRuns!(signal),
		);
		const ms = Math.round(performance.now() - started);
		const total = totalOf(runs);
		lines.push(
			{
				check: 'authenticated',
				status: 'ok',
				detail: who === undefined ? 'no credentials needed' : `accepted ${who}`,
			},
			clock,
			{
				check: 'list',
				status: 'ok',
				detail: `${runs.length} runs${total > runs.length ? ` (the newest of ${total})` : ''} in ${ms} ms`,
			},
		);
	} catch (error) {
		const failure = isProviderError(error) ? error : undefined;
		if (failure && isRefusal(failure)) {
			const clockNote =
				clock.status === 'fail' ? `; first fix the clock: ${clock.detail}` : '';
			lines.push(
				{
					check: 'authenticated',
					status: 'fail',
					detail: failure.summary(),
					fix:
						failure.status === 403
							? `${who ?? 'the identity'} is known but may not list runs here: grant it read access${clockNote}`
							: `the server refused ${who ?? 'the request'} from ${identity?.source ?? 'no credentials'}: check that it is current and meant for this endpoint${clockNote}`,
				},
				clock,
				{check: 'list', status: 'skip', detail: 'needs accepted credentials'},
			);
		} else {
			lines.push(
				{
					check: 'authenticated',
					status: 'skip',
					detail: 'unknown: the call failed before the credentials were judged',
				},
				clock,
				{
					check: 'list',
					status: 'fail',
					detail: messageOf(error),
					fix: failure ? listFix(failure) : undefined,
				},
			);
		}
	}

	return {target: target.name, provider: provider.id, lines};
}

const marks = {ok: '✓', warn: '!', fail: '✗', skip: '-'} as const;
const words = {ok: 'ok  ', warn: 'warn', fail: 'FAIL', skip: 'skip'} as const;

/** One line per check, fixes indented under failures and warnings; every text redacted first. */
export function formatDiagnosis(
	diagnosis: TargetDiagnosis,
	ascii: boolean,
): string {
	const width = Math.max(...doctorChecks.map(check => check.length));
	return [
		diagnosis.target === undefined
			? 'no target'
			: `target "${redact(diagnosis.target)}" (${diagnosis.provider ?? '?'})`,
		...diagnosis.lines.flatMap(line => [
			`  ${ascii ? words[line.status] : marks[line.status]} ${line.check.padEnd(width)}  ${redact(line.detail)}`,
			...(line.fix && line.status !== 'ok'
				? [
						`  ${' '.repeat(ascii ? 4 : 1)} ${' '.repeat(width)}  fix: ${redact(line.fix)}`,
					]
				: []),
		]),
	].join('\n');
}

/** Exit 0 only when every check of every target passed (warnings pass). */
export function doctorExitCode(diagnoses: readonly TargetDiagnosis[]): number {
	return diagnoses.some(diagnosis =>
		diagnosis.lines.some(line => line.status === 'fail'),
	)
		? 1
		: 0;
}
