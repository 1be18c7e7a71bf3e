import {graphemes} from './graphemes.js';

/**
 * Secrets out of text that may reach the screen, a log or stderr: every known secret of the target
 * (passwords, their Basic encoding, tokens, secret keys), and anything that reads like an
 * Authorization value or a token field, whatever it holds. Applied to whole strings, before they
 * are cut or formatted, so no prefix of a secret survives a cut.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
	let result = text;
	for (const secret of secrets) {
		// A very short "secret" would blank out ordinary words; those are not worth guessing at.
		if (secret.length >= 4) {
			result = result.replaceAll(secret, '[redacted]');
		}
	}

	return result
		.replaceAll(
			/\b(Basic|Bearer|Negotiate)(\s+)([\w+\/=.~\-]{6,})/giv,
			// A plain lower-case word after "Basic" is prose ("Basic authentication"), not a credential.
			(match, scheme: string, space: string, value: string) =>
				/^[a-z]+$/v.test(value) ? match : `${scheme}${space}[redacted]`,
		)
		.replaceAll(
			// `name=value`, `name:value`, or JSON's `"name": "value"`; prose ("secret: check it") is left alone.
			/\b(x-auth-token|x-security-token|x-acs-security-token|password|secret|access_?token|security_?token)("\s*:\s*"|=|:)[\w\-.~+\/=%]{4,}/giv,
			'$1$2[redacted]',
		);
}

/** Cuts redacted text to at most `max` code units with `…`, never inside a character. */
export function cutText(text: string, max: number): string {
	if (text.length <= max) {
		return text;
	}

	let kept = '';
	for (const character of graphemes(text.slice(0, max))) {
		if (kept.length + character.length > max - 1) {
			break;
		}

		kept += character;
	}

	return `${kept}…`;
}
