import process from 'node:process';
import v8 from 'node:v8';

/**
 * V8 as suits a monitor, which mostly waits and then draws a line or answers a key. Both flags are
 * read by V8 whenever it decides, so they apply from the moment they are set.
 */
export function tuneV8ForAMonitor(): void {
	// A monitor allocates in small steady bursts (answers, frames): a young generation that stays at
	// its first size collects them just as well, and keeps some 20 MB of resident memory V8 would
	// otherwise grow into.
	v8.setFlagsFromString('--semi-space-growth-factor=1');
	// V8 compiles a function with TurboFan once it has run enough; code that runs once a second gets
	// there within the first minute and costs compile time on V8's threads to save microseconds.
	// Three times V8's bar leaves it to the baseline tiers, while loops over thousands of runs
	// (sorting, filtering) still pass the bar within one key press. Node 20's V8 counts bytecode
	// run (66 KiB by default); later ones count calls (3000 by default). An unknown flag would print
	// an error, so each gets its own.
	const major = Number(process.versions.node.split('.')[0]);
	v8.setFlagsFromString(
		major >= 22
			? '--invocation-count-for-turbofan=9000'
			: '--interrupt-budget=202752',
	);
}
