import type {SimClock} from './sim-clock.js';
import type {RunningSimulator} from './sim-server.js';

/** What a simulator is started with; the caller picks the port and the clock. */
export type SimulatorContext = {
	readonly clock: SimClock;
	/** The host's own clock, for its Date header and signature checks (wrong in skew tests). */
	readonly serverClock: SimClock;
	/** Scenario second 0, shared by every simulator started together. */
	readonly startedAt: number;
	/** 0 picks a free port. */
	readonly port: number;
	/** The simulators started together with this one. */
	readonly alongside: readonly string[];
	/** The URL of another simulator started beside this one, once it runs; read per request. */
	readonly urlOf: (id: string) => string | undefined;
};

/** How sparktop watches a simulator: its provider and the settings (test credentials included) it takes. */
export type DemoTarget = {
	readonly provider: string;
	readonly settings: Readonly<Record<string, string>>;
};

/** One provider's simulator, declared in its own folder. */
export type SimulatorModule = {
	readonly id: string;
	readonly start: (context: SimulatorContext) => Promise<RunningSimulator>;
	readonly demoTarget: (url: string) => DemoTarget;
	/** The test credentials it accepts, for `sparktop simulate` to print beside its endpoint. */
	readonly credentials: string;
};

/** A credential command that prints fixed JSON, as a demo target's credentials. */
export function echoJson(value: unknown): string {
	return `echo '${JSON.stringify(value)}'`;
}
