/**
 * A number as en-US writes it (`1,234,567.89`), with at most `fractionDigits` decimals.
 * Hand-written rather than `toLocaleString('en-US')`, which loads ICU's number formatting (5 MB of
 * resident memory) and builds a formatter on every call.
 */
export function groupDigits(value: number, fractionDigits = 0): string {
	// Beyond 1e21 toFixed writes an exponent; such counts never come from a Spark service.
	if (!Number.isFinite(value) || Math.abs(value) >= 1e21) {
		return String(value);
	}

	const [whole = '', fraction = ''] = Math.abs(value)
		.toFixed(fractionDigits)
		.split('.');
	const kept = fraction.replace(/0+$/v, '');
	// Like ICU, a negative value keeps its sign when it rounds to zero.
	const sign = value < 0 || Object.is(value, -0) ? '-' : '';
	const grouped = whole.replaceAll(/\B(?=(?:\d{3})+$)/gv, ',');
	return `${sign}${grouped}${kept === '' ? '' : `.${kept}`}`;
}
