/**
 * Transport security probe (catalog D-02): opens one TLS 1.2 connection to the target the way Entra must reach it
 * and reports the negotiated protocol, whether the chain verified against the trust store, and the key size.
 * Sends no HTTP request and no token.
 */
import tls from 'node:tls';

export interface TlsProbe {
  /** Set when no TLS 1.2 connection could be made (Entra accepts TLS 1.2 only). */
  error?: string;
  protocol?: string;
  /** Chain verified against Node's public root store (plus --ca when given). */
  authorized?: boolean;
  authorizationError?: string;
  keyBits?: number;
  keyType?: 'RSA' | 'EC' | 'other';
  subject?: string;
}

export function probeTls(baseUrl: string, options: { ca?: string; timeoutMs?: number } = {}): Promise<TlsProbe> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port || 443),
      servername: /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname,
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
      rejectUnauthorized: false,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ error: `no TLS 1.2 handshake within ${options.timeoutMs ?? 15_000} ms` });
    }, options.timeoutMs ?? 15_000);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      const keyType = cert.asn1Curve || cert.nistCurve ? 'EC' : cert.modulus ? 'RSA' : 'other';
      resolve({
        protocol: socket.getProtocol() ?? undefined,
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined,
        keyBits: cert.bits,
        keyType,
        subject: cert.subject?.CN ? String(cert.subject.CN) : undefined,
      });
      socket.end();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      resolve({ error: `TLS 1.2 handshake failed: ${(error as NodeJS.ErrnoException).code ?? error.message}` });
    });
  });
}
