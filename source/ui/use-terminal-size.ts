import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {readonly columns: number; readonly rows: number};

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** The terminal's size, following resizes (Ink 6 has no hook of its own for this). */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState<TerminalSize>(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = () => {
			setSize(sizeOf(stdout));
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
