/**
 * Reading untrusted JSON at the edge. Every helper accepts anything and never throws:
 * servers omit fields, send null, rename them, or send numbers as strings.
 */

import {groupDigits} from '../text/group-digits.js';

export type WireObject = Readonly<Record<string, unknown>>;

export function asObject(value: unknown): WireObject {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as WireObject)
		: {};
}

export function asArray(value: unknown): readonly unknown[] {
	return Array.isArray(value) ? value : [];
}

/**
 * The longest text one field keeps: the rest is cut off with a note of how much there was, so a
 * 10 MB field costs what a screenful does, in memory and in every frame.
 */
export const maxFieldChars = 64 * 1024;
/** The most items a list inside a field keeps (rows of a result table, say). */
export const maxFieldItems = 10_000;

export function capText(text: string): string {
	if (text.length <= maxFieldChars) {
		return text;
	}

	// Never end on the first half of a surrogate pair.
	const end = /[\uD800-\uDBFF]/v.test(text.charAt(maxFieldChars - 1))
		? maxFieldChars - 1
		: maxFieldChars;
	const more = Math.ceil((text.length - end) / 1024);
	return `${text.slice(0, end)}… ${groupDigits(more)} KB more`;
}

/** A JSON value kept as it came, but with every text capped and every list cut to its first items. */
export function asBoundedJson(value: unknown): unknown {
	if (typeof value === 'string') {
		return capText(value);
	}

	if (Array.isArray(value)) {
		return value.slice(0, maxFieldItems).map(item => asBoundedJson(item));
	}

	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [key, asBoundedJson(item)]),
		);
	}

	return value;
}

export function asString(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return capText(value);
	}

	if (typeof value === 'number' && Number.isFinite(value)) {
		return String(value);
	}

	return undefined;
}

/** A string that is also not blank. */
export function asText(value: unknown): string | undefined {
	const text = asString(value);
	return text === undefined || text.trim() === '' ? undefined : text;
}

export function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? value : undefined;
	}

	if (typeof value === 'string' && value.trim() !== '') {
		const number = Number(value);
		return Number.isFinite(number) ? number : undefined;
	}

	return undefined;
}

export function asCount(value: unknown): number {
	const number = asNumber(value);
	return number === undefined || number < 0 ? 0 : Math.floor(number);
}

export function asStrings(value: unknown): string[] {
	return asArray(value).flatMap(item => {
		const text = asString(item);
		return text === undefined ? [] : [text];
	});
}

/** A map of scalars as strings; null and nested values are dropped. */
export function asStringMap(value: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, item] of Object.entries(asObject(value))) {
		const text =
			asString(item) ?? (typeof item === 'boolean' ? String(item) : undefined);
		if (text !== undefined) {
			result[key] = text;
		}
	}

	return result;
}

export function asCountMap(value: unknown): Record<string, number> {
	const result: Record<string, number> = {};
	for (const [key, item] of Object.entries(asObject(value))) {
		const number = asNumber(item);
		if (number !== undefined) {
			result[key] = number;
		}
	}

	return result;
}

/** Label/value pairs with empty values left out, for detail panes. */
export function presentFields(
	pairs: ReadonlyArray<readonly [string, unknown]>,
): Array<readonly [string, string]> {
	return pairs.flatMap(([label, value]) => {
		const text =
			asText(value) ?? (typeof value === 'boolean' ? String(value) : undefined);
		return text === undefined ? [] : [[label, text] as const];
	});
}

/** `[{key, value}]` tag lists (DLI, EMR Serverless) as a map; undefined when there are none. */
export function asTagMap(value: unknown): Record<string, string> | undefined {
	const tags: Record<string, string> = {};
	for (const item of asArray(value)) {
		const tag = asObject(item);
		const key = asText(tag['key']);
		if (key) {
			tags[key] = asString(tag['value']) ?? '';
		}
	}

	return Object.keys(tags).length > 0 ? tags : undefined;
}

/** JSON that arrives inside a string field (DLA `Detail`, EMR `rows`, DLI `req_body`); undefined when it is not JSON. Non-strings pass through. */
export function asParsedJson(value: unknown): unknown {
	if (typeof value !== 'string') {
		return value;
	}

	try {
		return asBoundedJson(JSON.parse(value) as unknown);
	} catch {
		return undefined;
	}
}
