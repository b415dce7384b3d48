/**
 * Checks the names a learner types into /verify before anything touches the network.
 * Only a name that passed these rules is ever put into a URL; everything else comes back as
 * a problem per field with a reason the UI can explain (and, when we can guess it, the
 * name the learner probably meant).
 */

export type NameField = 'dockerId' | 'repository' | 'tag' | 'name';

export type NameProblemCode =
  | 'docker-id-invalid'
  | 'repository-invalid'
  | 'tag-invalid'
  | 'name-too-long'
  | 'reference-invalid';

/** Why a value broke its rule, so the message can say what to change. */
export type NameHint =
  | 'empty'
  | 'uppercase'
  | 'too-short'
  | 'too-long'
  | 'whitespace'
  | 'url'
  | 'mention'
  | 'registry-prefix'
  | 'path'
  | 'non-ascii'
  | 'characters';

export interface NameProblem {
  field: NameField;
  code: NameProblemCode;
  hint: NameHint;
  /** A corrected value we are fairly sure the learner meant; only ever a valid value. */
  suggestion?: string;
}

/** A Docker Hub image reference that passed every rule: safe to put into a URL. */
export interface ImageReference {
  /** Docker ID or organisation; `library` for official images. */
  namespace: string;
  repository: string;
  tag: string;
  /** `namespace/repository`, the registry's repository name. */
  name: string;
}

export type NameCheck<T> = { ok: true; value: T } | { ok: false; problems: NameProblem[] };

export const DOCKER_ID_PATTERN = /^[a-z0-9]{4,30}$/;
/**
 * One repository path component. The distribution spec writes the separator as
 * `[._]|__|[-]*`; an empty separator lets `[a-z0-9]+` split a run of letters in exponentially
 * many ways, so a hostile name blocks the event loop. `-+` accepts exactly the same names, and
 * every separator now consumes a character, so no input can backtrack.
 */
export const PATH_COMPONENT_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
export const MAX_NAME_LENGTH = 255;
export const MAX_TAG_LENGTH = 128;
export const MAX_DOCKER_ID_LENGTH = 30;
/**
 * The longest raw value any check here looks at: longer input is refused as too long before
 * anything else (trimming, patterns, suggestions) touches it.
 */
export const MAX_RAW_NAME_LENGTH = MAX_NAME_LENGTH;
/** Only sha256 digests are used by Docker Hub; anything else is refused before a URL is built. */
export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;

const DOCKER_HUB_HOSTS = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com'];

/**
 * Latin look-alikes people paste by accident (Cyrillic, Greek). Full-width forms are handled
 * by NFKC. Used only to build a suggestion, never to accept the input.
 */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ο: 'o',
  α: 'a',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  τ: 't',
};

/** Zero-width characters ride along invisibly when names are copied from web pages or chats. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

function asciiLookalike(value: string): string {
  return [...value.normalize('NFKC').replace(INVISIBLE, '')]
    .map((char) => LOOKALIKES[char.toLowerCase()] ?? char)
    .join('');
}

function isAscii(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

/** Pulls the Docker ID out of a Hub URL or a `docker.io/ID` style prefix, if there is one. */
function idFromUrlOrPrefix(value: string): string | undefined {
  const withoutScheme = value.replace(/^[a-z]+:\/\//i, '');
  const parts = withoutScheme.split('/').filter((part) => part.length > 0);
  const host = parts[0]?.toLowerCase();
  if (!host || !DOCKER_HUB_HOSTS.includes(host)) return undefined;
  // hub.docker.com/u/ID, hub.docker.com/r/ID/REPO, docker.io/ID/REPO
  const rest = parts[1] === 'u' || parts[1] === 'r' ? parts.slice(2) : parts.slice(1);
  const candidate = rest[0]?.toLowerCase();
  return candidate && DOCKER_ID_PATTERN.test(candidate) ? candidate : undefined;
}

function validSuggestion(candidate: string, pattern: RegExp): string | undefined {
  return pattern.test(candidate) ? candidate : undefined;
}

function problem(field: NameField, code: NameProblemCode, hint: NameHint, suggestion?: string): NameProblem {
  return suggestion === undefined ? { field, code, hint } : { field, code, hint, suggestion };
}

function tooLongRaw(raw: string): boolean {
  return raw.length > MAX_RAW_NAME_LENGTH;
}

export function checkDockerId(raw: string): NameCheck<string> {
  const field = 'dockerId';
  const code = 'docker-id-invalid';
  if (tooLongRaw(raw)) return { ok: false, problems: [problem(field, code, 'too-long')] };
  const value = raw.trim();
  if (value.length === 0) return { ok: false, problems: [problem(field, code, 'empty')] };
  if (value.length <= MAX_DOCKER_ID_LENGTH && DOCKER_ID_PATTERN.test(value)) return { ok: true, value };
  if (value.length > MAX_DOCKER_ID_LENGTH && !/[/:@\s]/.test(value)) {
    return { ok: false, problems: [problem(field, code, 'too-long')] };
  }
  if (value.startsWith('@') || value.startsWith('<@')) {
    // A Discord mention is never a Docker ID; guessing one from it would only mislead.
    return { ok: false, problems: [problem(field, code, 'mention')] };
  }
  if (/^[a-z]+:\/\//i.test(value) || value.includes('/')) {
    const fromUrl = idFromUrlOrPrefix(value);
    const hint: NameHint = /^[a-z]+:\/\//i.test(value) ? 'url' : fromUrl ? 'registry-prefix' : 'path';
    // `yangwonjun/image-gallery` typed into the Docker ID field: the ID is the first part.
    const firstPart = validSuggestion(value.split('/')[0]?.toLowerCase() ?? '', DOCKER_ID_PATTERN);
    return {
      ok: false,
      problems: [problem(field, code, hint, fromUrl ?? (hint === 'path' ? firstPart : undefined))],
    };
  }
  if (/\s/.test(value)) return { ok: false, problems: [problem(field, code, 'whitespace')] };
  if (!isAscii(value)) {
    const suggestion = validSuggestion(asciiLookalike(value).toLowerCase(), DOCKER_ID_PATTERN);
    return { ok: false, problems: [problem(field, code, 'non-ascii', suggestion)] };
  }
  if (/[A-Z]/.test(value) && DOCKER_ID_PATTERN.test(value.toLowerCase())) {
    return { ok: false, problems: [problem(field, code, 'uppercase', value.toLowerCase())] };
  }
  if (/^[A-Za-z0-9]+$/.test(value) && value.length < 4) {
    return { ok: false, problems: [problem(field, code, 'too-short')] };
  }
  return { ok: false, problems: [problem(field, code, 'characters')] };
}

/** One repository path component (Docker Hub repositories have exactly one below the namespace). */
export function checkRepository(raw: string): NameCheck<string> {
  const field = 'repository';
  const code = 'repository-invalid';
  if (tooLongRaw(raw)) return { ok: false, problems: [problem(field, code, 'too-long')] };
  const value = raw.trim();
  if (value.length === 0) return { ok: false, problems: [problem(field, code, 'empty')] };
  if (PATH_COMPONENT_PATTERN.test(value)) return { ok: true, value };
  if (/^[a-z]+:\/\//i.test(value)) return { ok: false, problems: [problem(field, code, 'url')] };
  if (value.includes('/') || value.includes('..')) {
    return { ok: false, problems: [problem(field, code, 'path')] };
  }
  if (/\s/.test(value)) return { ok: false, problems: [problem(field, code, 'whitespace')] };
  if (!isAscii(value)) {
    const suggestion = validSuggestion(asciiLookalike(value).toLowerCase(), PATH_COMPONENT_PATTERN);
    return { ok: false, problems: [problem(field, code, 'non-ascii', suggestion)] };
  }
  if (/[A-Z]/.test(value) && PATH_COMPONENT_PATTERN.test(value.toLowerCase())) {
    return { ok: false, problems: [problem(field, code, 'uppercase', value.toLowerCase())] };
  }
  return { ok: false, problems: [problem(field, code, 'characters')] };
}

export function checkTag(raw: string): NameCheck<string> {
  const field = 'tag';
  const code = 'tag-invalid';
  if (tooLongRaw(raw)) return { ok: false, problems: [problem(field, code, 'too-long')] };
  const value = raw.trim();
  if (value.length === 0) return { ok: false, problems: [problem(field, code, 'empty')] };
  if (value.length > MAX_TAG_LENGTH && isAscii(value))
    return { ok: false, problems: [problem(field, code, 'too-long')] };
  if (TAG_PATTERN.test(value)) return { ok: true, value };
  if (/\s/.test(value)) return { ok: false, problems: [problem(field, code, 'whitespace')] };
  if (value.includes('/') || value.includes('..')) {
    return { ok: false, problems: [problem(field, code, 'path')] };
  }
  if (!isAscii(value)) {
    const suggestion = validSuggestion(asciiLookalike(value), TAG_PATTERN);
    return { ok: false, problems: [problem(field, code, 'non-ascii', suggestion)] };
  }
  return { ok: false, problems: [problem(field, code, 'characters')] };
}

/** The learner's three /verify fields; every field is checked so all problems show at once. */
export function checkLearnerImage(input: {
  dockerId: string;
  repository: string;
  tag: string;
}): NameCheck<ImageReference> {
  const dockerId = checkDockerId(input.dockerId);
  const repository = checkRepository(input.repository);
  const tag = checkTag(input.tag);
  const problems = [dockerId, repository, tag].flatMap((check) => (check.ok ? [] : check.problems));
  if (!dockerId.ok || !repository.ok || !tag.ok) return { ok: false, problems };
  const name = `${dockerId.value}/${repository.value}`;
  if (name.length > MAX_NAME_LENGTH) {
    return { ok: false, problems: [problem('name', 'name-too-long', 'too-long')] };
  }
  return {
    ok: true,
    value: { namespace: dockerId.value, repository: repository.value, tag: tag.value, name },
  };
}

/**
 * A full Docker Hub reference as written in configuration or a Dockerfile:
 * `alpine`, `diamol/base`, `docker.io/diamol/base:latest`, `index.docker.io/library/alpine:3`.
 * One component means an official image (`library/NAME`); the default tag is `latest`.
 * Official and organisation namespaces are not Docker IDs, so the namespace follows the
 * path component rule instead.
 */
export function parseImageReference(raw: string): NameCheck<ImageReference> {
  const invalid = (): NameCheck<ImageReference> => ({
    ok: false,
    problems: [problem('name', 'reference-invalid', 'characters')],
  });
  if (tooLongRaw(raw)) return invalid();
  let rest = raw.trim();
  if (rest.length === 0 || rest.includes('@') || /\s/.test(rest)) return invalid();
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const host = rest.slice(0, firstSlash);
    if (host === 'docker.io' || host === 'index.docker.io') rest = rest.slice(firstSlash + 1);
    else if (host.includes('.') || host.includes(':') || host === 'localhost') return invalid();
  }
  let tag = 'latest';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const components = rest.split('/');
  if (components.length === 1) components.unshift('library');
  if (components.length !== 2) return invalid();
  const [namespace, repository] = components as [string, string];
  if (!PATH_COMPONENT_PATTERN.test(namespace) || !PATH_COMPONENT_PATTERN.test(repository)) return invalid();
  if (!TAG_PATTERN.test(tag)) return invalid();
  const name = `${namespace}/${repository}`;
  if (name.length > MAX_NAME_LENGTH) return invalid();
  return { ok: true, value: { namespace, repository, tag, name } };
}
