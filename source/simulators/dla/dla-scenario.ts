/**
 * DLA's jobs as pure functions of scenario time (seconds): a day of batch jobs that ended in
 * success, error or dead, two interactive jobs that keep running, and a SparkPi every 30 s.
 */

export type SimDlaJob = {
	readonly id: string;
	readonly name: string;
	readonly interactive: boolean;
	readonly startAt: number;
	readonly runFor: number;
	readonly ends: 'success' | 'error' | 'dead';
};

export function jobsAt(t: number): SimDlaJob[] {
	const jobs: SimDlaJob[] = [];
	for (let index = 0; index < 24; index++) {
		jobs.push({
			id: `j20261121${String(index).padStart(4, '0')}hangzhouf742a4330000${String(900 + index)}`,
			name: index % 3 === 0 ? 'SparkPi' : `nightly-${index % 5}`,
			interactive: false,
			startAt: -1200 * (24 - index),
			runFor: 300,
			ends: index % 7 === 2 ? 'error' : index % 11 === 5 ? 'dead' : 'success',
		});
	}

	jobs.push(
		{
			id: 'j202611210900hangzhouinteractive0001',
			name: 'notebook-alice',
			interactive: true,
			startAt: 0,
			runFor: 100_000,
			ends: 'success',
		},
		{
			id: 'j202611210900hangzhouinteractive0002',
			name: 'notebook-bob',
			interactive: true,
			startAt: -60,
			runFor: 100_000,
			ends: 'success',
		},
	);
	for (let index = 0; index * 30 <= t && index < 300; index++) {
		jobs.push({
			id: `j20261121live${String(index).padStart(4, '0')}hangzhouf742a43300`,
			name: 'SparkPi',
			interactive: false,
			startAt: index * 30,
			runFor: 25,
			ends: index % 4 === 3 ? 'error' : 'success',
		});
	}

	return jobs;
}

/** A job's status at `t`, given when (if ever) it was killed. */
export function jobStatus(
	job: SimDlaJob,
	t: number,
	killedAt?: number,
): string {
	if (killedAt !== undefined && killedAt < job.startAt + job.runFor) {
		return 'killed';
	}

	if (t >= job.startAt + job.runFor) {
		return job.ends;
	}

	return t < job.startAt + 3 ? 'starting' : 'running';
}
