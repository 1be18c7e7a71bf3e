/**
 * Parses the date forms providers send, loosely and without throwing:
 * epoch numbers (ms or s), ISO-8601 (any fraction length), Spark's `...GMT` suffix,
 * Java `Date.toString()` (`Mon Jul 27 17:24:03 CST 2020`) and `yyyy-MM-dd HH:mm:ss`.
 * Returns undefined for anything that is not a plausible time (0, negative, unparsable).
 */
export function parseLooseTime(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return fromEpoch(value);
	}

	if (typeof value !== 'string') {
		return undefined;
	}

	const text = value.trim();
	if (text === '') {
		return undefined;
	}

	if (/^-?\d+(?:\.\d+)?$/v.test(text)) {
		return fromEpoch(Number(text));
	}

	return fromSparkGmt(text) ?? fromJavaDate(text) ?? fromGeneric(text);
}

function fromEpoch(value: number): number | undefined {
	if (!Number.isFinite(value) || value <= 0) {
		return undefined;
	}

	// Ten-digit values are seconds; real millisecond epochs have thirteen digits.
	return value < 1e11 ? value * 1000 : value;
}

function fromSparkGmt(text: string): number | undefined {
	const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)GMT$/v.exec(
		text,
	);
	if (!match) {
		return undefined;
	}

	return valid(Date.parse(`${match[1]}Z`));
}

/** Zone abbreviations Java prints; CST is China Standard Time in DLI's examples. */
const javaZones: Readonly<Record<string, string>> = {
	GMT: '+00:00',
	UTC: '+00:00',
	CST: '+08:00',
	CET: '+01:00',
	CEST: '+02:00',
	EST: '-05:00',
	EDT: '-04:00',
	PST: '-08:00',
	PDT: '-07:00',
};

const months = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec',
];

function fromJavaDate(text: string): number | undefined {
	const match =
		/^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) ([A-Z]{2,5}) (\d{4})$/v.exec(
			text,
		);
	if (!match) {
		return undefined;
	}

	const [, month = '', day = '', time = '', zone = '', year = ''] = match;
	const monthIndex = months.indexOf(month);
	const offset = javaZones[zone];
	if (monthIndex === -1 || offset === undefined) {
		return undefined;
	}

	const iso = `${year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}T${time}${offset}`;
	return valid(Date.parse(iso));
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** What Java's `Date.toString()` writes for `ms` in one of the zones above (the simulators' need). */
export function formatJavaDate(ms: number, zone = 'CST'): string {
	const [sign = '+', hours = '00', minutes = '00'] =
		/^([+\-])(\d{2}):(\d{2})$/v.exec(javaZones[zone] ?? '+00:00')?.slice(1) ??
		[];
	const offset =
		(sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
	const date = new Date(ms + offset);
	const pad = (n: number) => String(n).padStart(2, '0');
	const time = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
		.map(part => pad(part))
		.join(':');
	return `${weekdays[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time} ${zone} ${date.getUTCFullYear()}`;
}

function fromGeneric(text: string): number | undefined {
	// `yyyy-MM-dd HH:mm:ss` without a zone is taken as UTC, so results do not depend on the host.
	const spaced = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/v.test(
		text,
	)
		? `${text.replace(' ', 'T')}Z`
		: text;
	// Trim fractions beyond milliseconds (Synapse sends seven digits).
	const trimmed = spaced.replace(/(\.\d{3})\d+/v, '$1');
	return valid(Date.parse(trimmed));
}

function valid(ms: number): number | undefined {
	return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
