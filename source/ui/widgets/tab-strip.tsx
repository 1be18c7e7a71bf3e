import {Text} from 'ink';
import {type PaneId, paneIds, paneTitles} from '../navigation.js';
import {toneColor, useTheme} from '../theme.js';

/** One pane at a time on narrow terminals: this strip says which and how to reach the others. */
export function TabStrip({focus}: {readonly focus: PaneId}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			{paneIds.map((id, index) => (
				<Text
					key={id}
					bold={id === focus}
					inverse={id === focus}
					color={id === focus ? toneColor(theme, 'active') : undefined}
				>
					{` ${index + 1} ${paneTitles[id]} `}
				</Text>
			))}
			<Text color={toneColor(theme, 'muted')}> Tab/1-4</Text>
		</Text>
	);
}
