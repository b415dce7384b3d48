import { josa } from 'es-hangul';

/** The particle pairs a template may ask for, as `{을/를}` (es-hangul's options). */
export const PARTICLES = [
  '이/가',
  '을/를',
  '은/는',
  '와/과',
  '으로/로',
  '이나/나',
  '이란/란',
  '아/야',
  '이랑/랑',
  '이에요/예요',
  '으로서/로서',
  '으로써/로써',
  '으로부터/로부터',
  '이라/라',
] as const;
export type Particle = (typeof PARTICLES)[number];

export function isParticle(token: string): token is Particle {
  return (PARTICLES as readonly string[]).includes(token);
}

/** Markdown and quote marks that wrap a word without being read aloud. */
const WRAPPERS = new Set(['`', '*', '_', '~', '|', '"', "'", '’', '”', '」', '』', ' ']);

/** How a reader ends a word: with no final consonant, with ㄹ, or with another final consonant. */
type Ending = 'open' | 'rieul' | 'closed';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

function hangulEnding(syllable: string): Ending {
  const final = (syllable.charCodeAt(0) - HANGUL_FIRST) % 28;
  if (final === 0) return 'open';
  return final === 8 ? 'rieul' : 'closed';
}

/** Korean readings of a number's last spoken unit: 1 → 일, 10 → 십, 100 → 백, 1000 → 천, 10000 → 만. */
const DIGIT_READINGS = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const ZERO_RUN_READINGS = ['', '십', '백', '천', '만'];

function numberEnding(digits: string): Ending {
  let zeros = 0;
  while (zeros < digits.length && digits[digits.length - 1 - zeros] === '0') zeros += 1;
  if (zeros === digits.length) return hangulEnding('영');
  if (zeros === 0) return hangulEnding(DIGIT_READINGS[Number(digits.at(-1))] ?? '영');
  return hangulEnding(ZERO_RUN_READINGS[zeros % 4] || '만');
}

/** Letter names as Korean reads them (A 에이, L 엘, M 엠, N 엔, R 알 …). */
const LETTER_ENDINGS: Record<string, Ending> = { l: 'rieul', r: 'rieul', m: 'closed', n: 'closed' };

function latinEnding(word: string): Ending {
  const lower = word.toLowerCase();
  const last = lower.at(-1) ?? '';
  // A single letter or an upper-case abbreviation is read letter by letter.
  if (word.length === 1 || word === word.toUpperCase()) return LETTER_ENDINGS[last] ?? 'open';
  // A word is read as Korean writes its loanword: -m/-n/-ng end closed, -l/-le in ㄹ, others open.
  if (lower.endsWith('ng') || last === 'm' || last === 'n') return 'closed';
  if (last === 'l' || lower.endsWith('le')) return 'rieul';
  return 'open';
}

function endingOf(visible: string): Ending {
  let end = visible.length;
  while (end > 0 && WRAPPERS.has(visible[end - 1] ?? '')) end -= 1;
  const text = visible.slice(0, end);
  const last = text.at(-1) ?? '';
  const code = last.charCodeAt(0);
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return hangulEnding(last);
  const digits = trailingRun(text, (char) => char >= '0' && char <= '9');
  if (digits) return numberEnding(digits);
  const letters = trailingRun(text, (char) => (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
  if (letters) return latinEnding(letters);
  return 'open';
}

/** The characters at the end of text that all pass the test (scanned backwards: linear). */
function trailingRun(text: string, test: (char: string) => boolean): string {
  let start = text.length;
  while (start > 0 && test(text[start - 1] ?? '')) start -= 1;
  return text.slice(start);
}

/** A syllable with the same ending, so that es-hangul's rules choose the particle. */
const STAND_INS: Record<Ending, string> = { open: '이', rieul: '일', closed: '은' };

/**
 * The form of a particle that follows the text a reader sees last: `` `johndoe` `` + 을/를 → 를,
 * `**v1**` + 이/가 → 이, `image-gallery` + 으로/로 → 로. Markdown wrappers are skipped; Latin words and
 * numbers are read as Korean readers say them.
 */
export function particleAfter(visible: string, particle: Particle): string {
  return josa.pick(STAND_INS[endingOf(visible)], particle);
}
