/**
 * Characters of a code taken from a MAC, one byte per character. With an alphabet of 32
 * characters (256 is a multiple of 32) every character is equally likely.
 */
export function codeFromMac(mac: Buffer, alphabet: string, length: number): string {
  let code = '';
  for (let index = 0; index < length; index += 1) code += alphabet[(mac[index] ?? 0) % alphabet.length];
  return code;
}
