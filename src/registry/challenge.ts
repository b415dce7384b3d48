/**
 * Parses a `WWW-Authenticate` header (RFC 7235): `Bearer realm="…",service="…",scope="…"`.
 * Values may be quoted (with commas and escaped quotes inside) or bare tokens; parameter
 * names are case-insensitive. Only the Bearer scheme matters to the registry client.
 */
export interface BearerChallenge {
  realm: string;
  service: string | undefined;
  scope: string | undefined;
  error: string | undefined;
}

export function parseBearerChallenge(header: string | undefined): BearerChallenge | undefined {
  if (!header) return undefined;
  const match = /^\s*bearer\s+/i.exec(header);
  if (!match) return undefined;
  const params = parseParams(header.slice(match[0].length));
  const realm = params.get('realm');
  if (!realm) return undefined;
  return { realm, service: params.get('service'), scope: params.get('scope'), error: params.get('error') };
}

function parseParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  let index = 0;
  const skip = (pattern: RegExp) => {
    while (index < text.length && pattern.test(text.charAt(index))) index += 1;
  };
  while (index < text.length) {
    skip(/[\s,]/);
    const nameStart = index;
    while (index < text.length && /[^\s=,]/.test(text.charAt(index))) index += 1;
    const name = text.slice(nameStart, index).toLowerCase();
    skip(/\s/);
    if (text.charAt(index) !== '=') {
      // A bare token without a value (or a second scheme): skip to the next comma.
      while (index < text.length && text.charAt(index) !== ',') index += 1;
      continue;
    }
    index += 1;
    skip(/\s/);
    let value = '';
    if (text.charAt(index) === '"') {
      index += 1;
      while (index < text.length && text.charAt(index) !== '"') {
        if (text.charAt(index) === '\\' && index + 1 < text.length) index += 1;
        value += text.charAt(index);
        index += 1;
      }
      index += 1;
    } else {
      const valueStart = index;
      while (index < text.length && text.charAt(index) !== ',') index += 1;
      value = text.slice(valueStart, index).trim();
    }
    if (name.length > 0 && !params.has(name)) params.set(name, value);
  }
  return params;
}
