import type {Clock, TimerHandle} from '../../source/store/clock.js';

/** A clock whose time only moves when a test says so; due timers run in time order. */
export class FakeClock implements Clock {
	private time: number;
	private next = 0;
	private readonly timers = new Map<
		number,
		{at: number; callback: () => void}
	>();

	constructor(start = 1_000_000) {
		this.time = start;
	}

	now(): number {
		return this.time;
	}

	setTimeout(callback: () => void, ms: number): TimerHandle {
		const id = ++this.next;
		this.timers.set(id, {at: this.time + Math.max(0, ms), callback});
		return {id};
	}

	clearTimeout(handle: TimerHandle): void {
		this.timers.delete(handle.id);
	}

	pending(): number {
		return this.timers.size;
	}

	/** Moves time forward, running every timer that falls due on the way and letting promises settle. */
	async advance(ms: number): Promise<void> {
		const end = this.time + ms;
		for (;;) {
			await settle();
			const due = [...this.timers.entries()]
				.filter(([, timer]) => timer.at <= end)
				.toSorted((a, b) => a[1].at - b[1].at)[0];
			if (!due) {
				break;
			}

			const [id, timer] = due;
			this.timers.delete(id);
			this.time = Math.max(this.time, timer.at);
			timer.callback();
		}

		this.time = end;
		await settle();
	}
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
	for (let index = 0; index < 5; index++) {
		await new Promise<void>(resolve => {
			setImmediate(resolve);
		});
	}
}
