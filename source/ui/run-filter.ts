import type {Run} from '../model/types.js';

/**
 * The `/` filter's grammar:
 * - words: each must appear (any case) in one of the run's visible fields: state, name, id, kind,
 *   target, owner, queue;
 * - `field:value`: `state`, `kind`, `id`, `target`, `owner` and `queue` equal the value (any
 *   case), `name` contains it; `a,b` means either (`state:failed,killed`);
 * - `!term` negates a term;
 * - `/pattern/` is a regular expression (any case) tried on each visible field.
 */

export const filterFields = [
	'state',
	'owner',
	'target',
	'kind',
	'name',
	'id',
	'queue',
] as const;
export type FilterField = (typeof filterFields)[number];

/** A test of a run, handed the run's search text (`searchTextOf`) along with it. */
type RunTest = (run: Run, searchText: string) => boolean;

export type ParsedFilter =
	| {
			readonly ok: true;
			/** Whether the filter lets a run through; a list hands in each run's search text it keeps. */
			readonly matches: (run: Run, searchText?: string) => boolean;
	  }
	| {readonly ok: false; readonly error: string};

function fieldOf(run: Run, field: FilterField): string {
	return field === 'name' ? (run.name ?? run.appId ?? '') : (run[field] ?? '');
}

const searchTexts = new WeakMap<Run, string>();

/**
 * A run's visible fields in lower case, a line each, worked out once per run: a filter typed over
 * 50,000 runs reads every run's fields for each character.
 */
export function searchTextOf(run: Run): string {
	let text = searchTexts.get(run);
	if (text === undefined) {
		// One string built field by field: a list and a join per run were garbage for 50,000 runs.
		text = fieldOf(run, filterFields[0]);
		for (let index = 1; index < filterFields.length; index++) {
			text += '\n' + fieldOf(run, filterFields[index]!);
		}

		text = text.toLowerCase();
		searchTexts.set(run, text);
	}

	return text;
}

/** Whether any visible field passes a test: a pattern's `^` and `$` anchor at a field's ends. */
function anyField(run: Run, test: (value: string) => boolean): boolean {
	return filterFields.some(field => test(fieldOf(run, field)));
}

/** Splits a filter into terms: spaces separate them, except inside `/…/`. */
function terms(text: string): string[] | string {
	const found: string[] = [];
	let rest = text.trim();
	while (rest !== '') {
		const negated = rest.startsWith('!');
		const body = negated ? rest.slice(1) : rest;
		if (body.startsWith('/')) {
			const end = body.indexOf('/', 1);
			if (end === -1) {
				return 'a /pattern/ needs its closing /';
			}

			found.push(`${negated ? '!' : ''}${body.slice(0, end + 1)}`);
			rest = body.slice(end + 1).trimStart();
		} else {
			const [word = ''] = rest.split(/\s/v, 1);
			found.push(word);
			rest = rest.slice(word.length).trimStart();
		}
	}

	return found;
}

function termFilter(term: string): RunTest | string {
	if (term.startsWith('!')) {
		const inner = termFilter(term.slice(1));
		return typeof inner === 'string'
			? inner
			: (run, searchText) => !inner(run, searchText);
	}

	if (term === '') {
		return '! needs a term after it';
	}

	if (term.startsWith('/') && term.endsWith('/') && term.length > 1) {
		let pattern: RegExp;
		try {
			pattern = new RegExp(term.slice(1, -1), 'iv');
		} catch (error) {
			return `not a pattern: ${(error as Error).message}`;
		}

		return run => anyField(run, value => pattern.test(value));
	}

	const colon = term.indexOf(':');
	if (colon > 0) {
		const field = term.slice(0, colon).toLowerCase();
		if (!(filterFields as readonly string[]).includes(field)) {
			return `no field "${field}" (fields: ${filterFields.join(', ')})`;
		}

		const values = term
			.slice(colon + 1)
			.toLowerCase()
			.split(',')
			.filter(Boolean);
		if (values.length === 0) {
			return `${field}: needs a value`;
		}

		return run => {
			const value = fieldOf(run, field as FilterField).toLowerCase();
			return values.some(wanted =>
				field === 'name' ? value.includes(wanted) : value === wanted,
			);
		};
	}

	const word = term.toLowerCase();
	// A word has no white space, so it cannot match across the line between two fields.
	return (_run, searchText) => searchText.includes(word);
}

/** Plain words: no `field:`, `!` or `/pattern/`. */
const plainWords = /^[^!\/:]*$/v;

/**
 * Whether every run that `next` lets through, `previous` lets through too: `next` is `previous`
 * typed on, and both are plain words (a word only grows or another one is added). A filter typed
 * a character at a time then narrows the rows of the last one instead of the whole list.
 */
export function filterNarrows(previous: string, next: string): boolean {
	return next.startsWith(previous) && plainWords.test(next);
}

/** Reads a filter; an error says what is wrong with it, in a few words. */
export function parseRunFilter(text: string): ParsedFilter {
	const found = terms(text);
	if (typeof found === 'string') {
		return {ok: false, error: found};
	}

	const filters: RunTest[] = [];
	for (const term of found) {
		const filter = termFilter(term);
		if (typeof filter === 'string') {
			return {ok: false, error: filter};
		}

		filters.push(filter);
	}

	return {
		ok: true,
		matches(run, searchText = searchTextOf(run)) {
			for (const filter of filters) {
				if (!filter(run, searchText)) {
					return false;
				}
			}

			return true;
		},
	};
}
