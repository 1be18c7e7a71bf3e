import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import process from 'node:process';
import {test} from 'node:test';
import type {Plugin} from 'esbuild';
import stringWidth from 'string-width';
import {
	isStandalone,
	LazySegmenter,
	rgiEmoji,
} from '../source/text/lazy-unicode.js';
import {bundledSnippet, bundleModule} from './helpers/bundle-snippet.js';

const icu = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

function segmentsOf(segments: Intl.Segments) {
	return Array.from(segments, ({segment, index}) => ({segment, index}));
}

/** Every code point of the Basic Multilingual Plane, lone surrogates left out. */
const bmp = Array.from({length: 0x1_00_00}, (_, code) =>
	String.fromCodePoint(code),
).filter(character => !/\p{Surrogate}/v.test(character));

const standalone = bmp.filter(character => isStandalone(character));

const emojiAndMarks = [
	'e\u0301',
	'a\r\nb',
	'👍🏽 ok',
	'🇺🇸🇩🇪',
	'👨‍👩‍👧',
	'\u1100\u1161\u11A8',
	'क्षि',
	'\u001B[31m❤️‍🔥\u001B[39m',
];

test('the characters read as standalone are each a grapheme of their own, next to any of them', () => {
	assert.ok(standalone.length > 3000, `${standalone.length} characters`);
	for (const text of [
		standalone.join(''),
		standalone.toReversed().join(''),
		standalone.map(character => character + character).join(''),
		standalone.join('\n'),
		standalone.join('\u001B'),
	]) {
		assert.equal([...icu.segment(text)].length, text.length);
	}

	assert.equal(isStandalone('a\r\nb'), false, 'CR joins the LF after it');
	assert.equal(isStandalone('e\u0301'), false, 'a combining mark');
	assert.equal(isStandalone('\u200D'), false, 'a zero width joiner');
	assert.equal(isStandalone('─ ▸ ● ⠋ … é ~'), true);
});

test('the lazy segmenter segments as Intl.Segmenter does, and builds one only for text that needs it', () => {
	const texts = [
		'',
		'plain ascii',
		'\u001B[1m▸ \u001B[22mnightly-etl │ 3h 12m ⠋ …',
		standalone.slice(0, 400).join(''),
		...emojiAndMarks,
	];
	const lazy = new LazySegmenter();
	for (const text of texts) {
		const segments = lazy.segment(text);
		assert.deepEqual(segmentsOf(segments), segmentsOf(icu.segment(text)), text);
		for (let index = -1; index <= text.length; index++) {
			const at = segments.containing(index);
			const expected = icu.segment(text).containing(index);
			assert.deepEqual(
				at && {segment: at.segment, index: at.index},
				expected && {segment: expected.segment, index: expected.index},
				`${text} at ${index}`,
			);
		}
	}

	const words = new LazySegmenter('en', {granularity: 'word'});
	assert.deepEqual(
		segmentsOf(words.segment('two words')),
		segmentsOf(
			new Intl.Segmenter('en', {granularity: 'word'}).segment('two words'),
		),
		'other granularities always ask ICU',
	);
});

test(
	String.raw`the lazy emoji test answers as string-width's /^\p{RGI_Emoji}$/v`,
	() => {
		const rgi = /^\p{RGI_Emoji}$/v;
		const astral = Array.from({length: 0x1_fb_00 - 0x1_f0_00}, (_, offset) =>
			String.fromCodePoint(0x1_f0_00 + offset),
		);
		const candidates = [
			...bmp,
			...bmp.map(character => `${character}\uFE0F`),
			...astral,
			...astral.map(character => `${character}\uFE0F`),
			...emojiAndMarks,
			'1️⃣',
			'#️⃣',
			'🏴󠁧󠁢󠁳󠁣󠁴󠁿',
			'🏳️‍🌈',
			'👁️‍🗨️',
			'⛹️‍♂️',
			'🧑‍⚕️',
		];
		const differ = candidates.filter(
			text => rgiEmoji.test(text) !== rgi.test(text),
		);
		assert.deepEqual(differ, []);
		assert.ok(rgiEmoji.test('👍🏽'));
		assert.ok(!rgiEmoji.test('─'));
	},
);

type Loaded = {
	segmenters: number;
	emojiSets: number;
	widths: number[];
	sliced: string;
};

/** Counts Intl.Segmenter and RGI_Emoji patterns built from before the bundle loads. */
const countBuilds = `data:text/javascript,${encodeURIComponent(
	[
		'globalThis.builds = {segmenters: 0, emojiSets: 0};',
		'const Segmenter = Intl.Segmenter;',
		'Intl.Segmenter = class extends Segmenter { constructor(...a) { super(...a); globalThis.builds.segmenters++; } };',
		'const Pattern = RegExp;',
		"globalThis.RegExp = new Proxy(Pattern, {construct(target, a) { if (String(a[0]).includes('RGI_Emoji')) globalThis.builds.emojiSets++; return Reflect.construct(target, a); }});",
	].join('\n'),
)}`;

test('the bundle builds no segmenter and no emoji set as it loads and draws plain text, and measures as string-width does', async t => {
	const {lazyUnicode} = await bundleModule<{lazyUnicode: Plugin}>(
		'bundle-options.mjs',
	);
	const texts = [
		'plain',
		'\u001B[32m─ succeeded ▸ …\u001B[39m',
		'日本語',
		'👍🏽 ok',
	];
	const file = await bundledSnippet(
		t,
		[
			"import stringWidth from 'string-width';",
			"import sliceAnsi from 'slice-ansi';",
			"import {tokenize} from '@alcalzone/ansi-tokenize';",
			"import wrapAnsi from 'wrap-ansi';",
			`const texts = ${JSON.stringify(texts)};`,
			'const plain = texts.slice(0, 2);',
			'const widths = plain.map(text => stringWidth(text));',
			'const sliced = sliceAnsi(plain[1], 2, 9);',
			'tokenize(plain[1]);',
			'wrapAnsi(plain[1], 5);',
			'const before = {...globalThis.builds};',
			'widths.push(...texts.slice(2).map(text => stringWidth(text)));',
			'console.log(JSON.stringify([{...before, widths: widths.slice(0, 2), sliced}, {...globalThis.builds, widths, sliced}]));',
		],
		[lazyUnicode],
	);
	const [plain, all] = JSON.parse(
		execFileSync(process.execPath, ['--import', countBuilds, file], {
			encoding: 'utf8',
		}),
	) as [Loaded, Loaded];
	assert.deepEqual(plain, {
		segmenters: 0,
		emojiSets: 0,
		widths: [5, 15],
		sliced: '\u001B[32msucceed\u001B[39m',
	});
	assert.deepEqual(
		all.widths,
		texts.map(text => stringWidth(text)),
	);
	assert.ok(all.segmenters > 0, 'text with emoji is segmented by ICU');
	assert.equal(all.emojiSets, 1, 'the emoji set is built once, when needed');
});
