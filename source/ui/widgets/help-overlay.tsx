import {Box, Text} from 'ink';
import {toneColor, useTheme} from '../theme.js';

export const keyBindings: ReadonlyArray<readonly [string, string]> = [
	['Tab / Shift-Tab', 'next / previous pane'],
	['1 2 3 4', 'Runs, Detail, Statements, Progress'],
	['j k ↓ ↑', 'move / scroll'],
	['g G', 'first / last'],
	['PgUp PgDn', 'page up / down'],
	['Enter', 'drill down (run → detail; elsewhere zoom)'],
	['Esc', 'back: close help, unzoom, clear filter, to Runs'],
	['/', 'filter runs (Enter keeps it, Esc clears it)'],
	[':', 'command: statement ID (watch a SQL statement), quit'],
	['l', 'full log of the selected run'],
	['y  Y', 'copy the id (a statement: its code); the Spark UI link'],
	[
		'z  s',
		'zoom the focused pane; sort runs (target, trouble, newest, longest)',
	],
	['r', 'refresh now (also finished runs)'],
	['p', 'pause / resume polling'],
	['c', 'cancel the run, or the statement in Statements (--write)'],
	['?', 'this help'],
	['q  Ctrl-C', 'quit'],
];

export function HelpOverlay({height}: {readonly height: number}) {
	const theme = useTheme();
	return (
		<Box
			flexDirection="column"
			height={height}
			borderStyle={theme.border}
			paddingX={1}
			overflow="hidden"
		>
			<Text bold color={toneColor(theme, 'title')}>
				Keys
			</Text>
			{keyBindings.map(([keys, what]) => (
				<Text key={keys} wrap="truncate-end">
					<Text color={toneColor(theme, 'accent')}>{keys.padEnd(18)}</Text>
					{what}
				</Text>
			))}
		</Box>
	);
}
