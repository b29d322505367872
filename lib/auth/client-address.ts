// The address a request came from, for sign-in throttling and the audit log
// (docs/decisions/050-sessions-and-sign-in-throttling.md). Never the left-most
// X-Forwarded-For entry: the client writes that. The socket address is the truth unless
// TRUSTED_PROXIES says how many proxies of ours stand in front, each of which appends the
// address it saw; then we count that many hops back from the right.

/**
 * Set by lib/auth/socket-address.ts on every request the Node.js server receives, from the
 * socket; it overwrites anything a client sends under the same name.
 */
export const SOCKET_ADDRESS_HEADER = "x-tashil-socket-address";

const stamp = globalThis as { __tashilSocketAddressStamped?: boolean };

export function trustedProxyCount(): number {
  const n = Number(process.env.TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client. */
function normalise(address: string | null | undefined): string | null {
  const a = address?.trim();
  if (!a) return null;
  const bare = a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
  // Anything that cannot be an address (a client's invention in a header) is not one.
  return /^[0-9a-fA-F:.]{2,45}$/.test(bare) ? bare : null;
}

export function clientAddress(headers: Headers | undefined): string | null {
  if (!headers) return null;
  // Without the stamp (a server this code did not start) the header could come from anyone.
  const socket = stamp.__tashilSocketAddressStamped ? headers.get(SOCKET_ADDRESS_HEADER) : null;
  const trusted = trustedProxyCount();
  if (trusted === 0) return normalise(socket);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // The hop chain as our outermost proxy saw it: what it was told, then who told it. Each of
  // our `trusted` proxies appended one address; the one before them is the client.
  const chain = socket ? [...forwarded, socket] : forwarded;
  const index = chain.length - 1 - trusted;
  // A chain shorter than our proxies means the request did not come through them all: the
  // closest address we have is the best we know.
  return normalise(chain[Math.max(index, 0)]);
}

export function markSocketAddressStamped(): void {
  stamp.__tashilSocketAddressStamped = true;
}
