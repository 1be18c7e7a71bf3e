import {lookup} from 'node:dns/promises';
import {isIP, Socket} from 'node:net';
import {connect as tlsConnect, type PeerCertificate} from 'node:tls';

/** One network step towards an endpoint: what was found, or why it failed and what to do. */
export type NetworkStep =
	| {readonly ok: true; readonly detail: string}
	| {readonly ok: false; readonly detail: string; readonly fix: string};

const elapsed = (since: number) =>
	`${Math.round(performance.now() - since)} ms`;

const codeOf = (error: unknown) =>
	(error as NodeJS.ErrnoException | undefined)?.code ?? String(error);

async function resolveHost(
	host: string,
): Promise<NetworkStep & {address?: string}> {
	if (isIP(host) !== 0) {
		return {ok: true, detail: `${host} (an address, no DNS)`, address: host};
	}

	const started = performance.now();
	try {
		const {address} = await lookup(host);
		return {
			ok: true,
			detail: `DNS ${host} → ${address} ${elapsed(started)}`,
			address,
		};
	} catch (error) {
		return {
			ok: false,
			detail: `DNS: ${host} does not resolve (${codeOf(error)})`,
			fix: "check the endpoint's host name, and this host's resolver (/etc/resolv.conf) or VPN",
		};
	}
}

async function openTcp(
	address: string,
	port: number,
	timeoutMs: number,
): Promise<NetworkStep> {
	const started = performance.now();
	const socket = new Socket();
	try {
		await new Promise<void>((resolve, reject) => {
			socket.setTimeout(timeoutMs, () => {
				reject(Object.assign(new Error('timeout'), {code: 'ETIMEDOUT'}));
			});
			socket.once('error', reject);
			socket.connect(port, address, resolve);
		});
		return {ok: true, detail: `TCP ${address}:${port} ${elapsed(started)}`};
	} catch (error) {
		const code = codeOf(error);
		return {
			ok: false,
			detail:
				code === 'ETIMEDOUT'
					? `TCP: no answer from ${address}:${port} within ${timeoutMs / 1000} s`
					: `TCP: ${address}:${port} ${code === 'ECONNREFUSED' ? 'refused the connection' : `failed (${code})`}`,
			fix:
				code === 'ECONNREFUSED'
					? 'is the service up and listening on that port? check the port in the endpoint'
					: 'a firewall or security group may drop the traffic; from a bastion, the service may need a VPN or an SSH tunnel',
		};
	} finally {
		socket.destroy();
	}
}

async function handshake(
	host: string,
	address: string,
	port: number,
	timeoutMs: number,
): Promise<NetworkStep> {
	const started = performance.now();
	return new Promise(resolve => {
		const socket = tlsConnect({
			host: address,
			port,
			servername: isIP(host) === 0 ? host : undefined,
			timeout: timeoutMs,
		});
		const done = (step: NetworkStep) => {
			socket.destroy();
			resolve(step);
		};

		socket.once('secureConnect', () => {
			const certificate: PeerCertificate = socket.getPeerCertificate();
			done({
				ok: true,
				detail: `TLS ${socket.getProtocol() ?? ''} ${elapsed(started)}, certificate valid until ${certificate.valid_to}`,
			});
		});
		socket.once('timeout', () => {
			done({
				ok: false,
				detail: `TLS: no handshake within ${timeoutMs / 1000} s`,
				fix: 'is this port TLS at all? an http:// endpoint may be meant',
			});
		});
		socket.once('error', (error: Error) => {
			const code = codeOf(error);
			done({
				ok: false,
				detail: `TLS: ${error.message} (${code})`,
				fix: /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/v.test(code)
					? 'a private CA: give its certificate with NODE_EXTRA_CA_CERTS=/path/ca.pem; an expired or misnamed certificate is for the service owner'
					: 'is this port TLS at all? an http:// endpoint may be meant',
			});
		});
	});
}

/** DNS, TCP and (for https) TLS towards an endpoint, stopping at the first step that fails. */
export async function probeEndpoint(
	endpoint: URL,
	timeoutMs = 5000,
): Promise<NetworkStep> {
	const host = endpoint.hostname.replace(/^\[(.*)\]$/v, '$1');
	const port = Number(
		endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80),
	);
	const resolved = await resolveHost(host);
	if (!resolved.ok || resolved.address === undefined) {
		return resolved;
	}

	const tcp = await openTcp(resolved.address, port, timeoutMs);
	if (!tcp.ok) {
		return tcp;
	}

	const steps = [resolved.detail, tcp.detail];
	if (endpoint.protocol === 'https:') {
		const tls = await handshake(host, resolved.address, port, timeoutMs);
		if (!tls.ok) {
			return tls;
		}

		steps.push(tls.detail);
	} else {
		steps.push('plain http, no TLS');
	}

	return {ok: true, detail: steps.join(' · ')};
}
