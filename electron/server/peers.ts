import { hostname, networkInterfaces } from 'node:os';
import type { IncomingMessage } from 'node:http';
import type { Device } from '#core/context';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]', '::1'];
const WILDCARDS = ['0.0.0.0', '::', '[::]'];

/** `::ffff:10.0.0.5` and `10.0.0.5` are the same peer. */
function plain(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

const LOOPBACK = ['127.0.0.1', '::1'];

/** The address a request came from, as the socket says (never a header), in its plain form. */
export function peerOf(req: IncomingMessage): string {
  return plain(req.socket.remoteAddress ?? '');
}

/** A peer on this machine's loopback (the plain form, from `peerOf`). */
export const isLoopback = (peer: string): boolean => LOOPBACK.includes(peer);

/** This PC's own addresses: 127.0.0.1, ::1 and those of its network cards (not all of 127/8). */
export function ownAddresses(): Set<string> {
  const own = new Set(LOOPBACK);
  for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) own.add(plain(info.address));
  return own;
}

/**
 * The device kind comes from the socket, never from what the client says: a peer that is not
 * this PC is a LAN device whatever its `x-device` header claims. The point's own screens
 * (a browser on this PC) may say which screen they are; they are staff by default.
 */
export function deviceOf(req: IncomingMessage, own: Set<string>): { device: Device; peer: string } {
  const peer = peerOf(req);
  if (!own.has(peer)) return { device: 'lan', peer };
  const said = String(req.headers['x-device'] ?? 'staff');
  return { device: (['kiosk', 'staff', 'board', 'lan'] as const).find((d) => d === said) ?? 'staff', peer };
}

/**
 * Host names a page of ours may be reached by: loopback, the address we are bound to, this
 * machine's name, and the names the admin listed. Anything else is a DNS-rebinding attempt.
 */
export function allowedHosts(bindHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set([...LOOPBACK_NAMES, ...extra.map((n) => n.toLowerCase())]);
  const name = hostname().toLowerCase();
  names.add(name);
  names.add(`${name}.local`);
  if (WILDCARDS.includes(bindHost))
    for (const address of ownAddresses()) names.add(address.includes(':') ? `[${address}]` : address);
  else
    names.add(
      bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost.toLowerCase()}]` : bindHost.toLowerCase(),
    );
  return names;
}

/** The Host header without its port, lower case (`[::1]:8420` → `[::1]`). */
export function hostName(header: string | undefined): string {
  const host = (header ?? '').trim().toLowerCase();
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
}

/**
 * A browser sends Origin with every cross-site POST: it must be our own page, on the same
 * host and port the request was sent to. A client that sends none is not a browser page.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  scheme: 'http:' | 'https:' = 'http:',
): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === scheme && url.host.toLowerCase() === (host ?? '').trim().toLowerCase();
  } catch {
    return false;
  }
}
