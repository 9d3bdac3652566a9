// Relay global IDs: base64url("Type:key"), opaque to clients, decodable to the type and key.

export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
}

export function fromGlobalId(id: string): { type: string; key: string } | null {
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || toGlobalId(decoded.slice(0, colon), decoded.slice(colon + 1)) !== id) return null;
  return { type: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}
