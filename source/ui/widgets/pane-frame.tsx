import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {toneColor, useTheme} from '../theme.js';

export type PaneFrameProps = {
	/** The pane's number key, where it has one. */
	readonly number?: number;
	readonly title: string;
	/** Short facts after the title: a count, `stale`, `paused`. */
	readonly badges?: readonly string[];
	readonly focused: boolean;
	readonly width: number;
	readonly height: number;
	readonly children: ReactNode;
};

/** Rows inside a frame of `height` rows: a title line on top and a border below. */
export function frameInnerHeight(height: number): number {
	return Math.max(0, height - 2);
}

const noBadges: readonly string[] = [];

/** A bordered pane whose top border carries its number and title; the focused one is bold and bracketed. */
export function PaneFrame({
	number,
	title,
	badges = noBadges,
	focused,
	width,
	height,
	children,
}: PaneFrameProps) {
	const theme = useTheme();
	const [corner, rule, endCorner] = theme.ascii
		? ['+', '-', '+']
		: ['╭', '─', '╮'];
	const name = number === undefined ? title : `${number} ${title}`;
	const label = focused ? `[${name}]` : ` ${name} `;
	const badgeText = badges.length > 0 ? ` ${badges.join(' · ')} ` : '';
	const fill = Math.max(0, width - 3 - label.length - badgeText.length);
	const color = toneColor(theme, focused ? 'active' : 'muted');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate-end">
				<Text color={color}>{corner + rule}</Text>
				<Text bold={focused} color={focused ? color : undefined}>
					{label}
				</Text>
				<Text color={toneColor(theme, 'waiting')}>{badgeText}</Text>
				<Text color={color}>{rule.repeat(fill) + endCorner}</Text>
			</Text>
			<Box
				borderStyle={theme.border}
				borderTop={false}
				borderColor={color}
				flexDirection="column"
				width={width}
				height={height - 1}
				paddingX={0}
				overflow="hidden"
			>
				{children}
			</Box>
		</Box>
	);
}
