// Where a webhook may be sent: a public address only. Loopback, private, shared (CGNAT),
// link-local, unspecified, multicast and reserved addresses are refused at registration and again at
// every delivery, after resolving the name; the delivery then connects to the address that was
// checked (pinned), so a name that changes its answer between check and connect reaches nothing
// else. WEBHOOK_ALLOWED_NETWORKS lets listed networks through (a receiver on this machine in
// development). docs/security.md.
import { lookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";

const V4 = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const;
const V6 = [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
] as const;

const FORBIDDEN = new BlockList();
for (const [net, prefix] of V4) FORBIDDEN.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of V6) FORBIDDEN.addSubnet(net, prefix, "ipv6");

export interface TargetPolicy {
  /** Networks let through although they are not public; null: none. */
  readonly allowed: BlockList | null;
}

export const PUBLIC_ONLY: TargetPolicy = { allowed: null };

/** "127.0.0.1/32,::1" → a policy; a malformed entry is a string naming it. */
export function targetPolicy(networks: readonly string[]): TargetPolicy | string {
  if (networks.length === 0) return PUBLIC_ONLY;
  const allowed = new BlockList();
  for (const entry of networks) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) return `WEBHOOK_ALLOWED_NETWORKS: "${entry}" is not an address or network`;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) allowed.addAddress(address!, type);
    else allowed.addSubnet(address!, Number(prefix), type);
  }
  return { allowed };
}

/** An IPv4 address written as IPv6 (::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d) is judged as IPv4. */
function embeddedV4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Whether a delivery may connect to this address. */
export function addressAllowed(address: string, policy: TargetPolicy): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const v4 = isIP(bare) === 6 ? embeddedV4(bare) : null;
  const [candidate, type] = v4 ? [v4, "ipv4" as const] : [bare, isIP(bare) === 4 ? ("ipv4" as const) : ("ipv6" as const)];
  if (!isIP(candidate)) return false;
  if (policy.allowed?.check(candidate, type) || (v4 === null ? false : policy.allowed?.check(bare, "ipv6"))) return true;
  return !FORBIDDEN.check(candidate, type);
}

export type ResolvedTarget = { readonly address: string; readonly family: 4 | 6 } | { readonly refused: string };

/**
 * The address a URL's host resolves to, checked: refused when any address the name resolves to is
 * not allowed (a name with one public and one private answer is refused).
 */
export async function resolveTarget(url: URL, policy: TargetPolicy): Promise<ResolvedTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let answers: { address: string; family: number }[];
  if (isIP(host)) answers = [{ address: host, family: isIP(host) }];
  else {
    try {
      answers = await lookup(host, { all: true, verbatim: true });
    } catch {
      return { refused: "the host name does not resolve" };
    }
  }
  if (answers.length === 0) return { refused: "the host name does not resolve" };
  if (answers.some((a) => !addressAllowed(a.address, policy))) return { refused: "the target is not a public address" };
  return { address: answers[0]!.address, family: answers[0]!.family === 6 ? 6 : 4 };
}

/** POSTs to `url` connecting to `address` only (TLS still checks the certificate against the URL's host). The response's status. */
export function postPinned(url: URL, target: { address: string; family: 4 | 6 }, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        // the connection goes to the checked address, whatever the name answers now
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
          else callback(null, target.address, target.family);
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
