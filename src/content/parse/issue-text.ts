import type { z } from 'zod';
import { allCatalogues, type LooseMessage, type MessageKey, message, tLoose } from '../../i18n/index.js';

/** Korean hints a schema names as its message (a catalogue key), e.g. `.regex(…, 'content.issue.date')`. */
function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(allCatalogues.ko, value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const TYPE_KEYS: Partial<Record<string, MessageKey>> = {
  string: 'content.issue.notText',
  number: 'content.issue.notNumber',
  array: 'content.issue.notList',
  object: 'content.issue.notMapping',
};

/**
 * A zod issue in the words of our catalogue (해요체), for authors: zod's own messages are English,
 * and its Korean locale is formal and names TypeScript types. `root` is the value that was parsed,
 * so a missing field can be told apart from a wrong one.
 */
export function issueMessage(issue: z.core.$ZodIssue, root: unknown): LooseMessage {
  if (isMessageKey(issue.message)) return { key: issue.message, params: {} };
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(root, issue.path) === undefined) return message('content.issue.missing');
      return { key: TYPE_KEYS[issue.expected] ?? 'content.issue.wrongType', params: {} };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? message('content.issue.empty')
          : message('content.issue.tooShort', { min: Number(issue.minimum) });
      return message('content.issue.tooFew', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? message('content.issue.tooLong', { max: Number(issue.maximum) })
        : message('content.issue.tooMany', { max: Number(issue.maximum) });
    case 'invalid_value':
      return message('content.issue.oneOf', {
        values: issue.values.map((value) => `\`${String(value)}\``).join(', '),
      });
    case 'unrecognized_keys':
      return message('content.issue.unknownKeys', { keys: issue.keys.map((key) => `\`${key}\``).join(', ') });
    default:
      return message('content.issue.invalid');
  }
}

/** The issue as Korean text for a problem's `detail`. */
export function issueText(issue: z.core.$ZodIssue, root: unknown): string {
  return tLoose('ko', issueMessage(issue, root));
}

/** YAML error codes we explain in our own words; others get the generic sentence with the code. */
const YAML_KEYS: Partial<Record<string, MessageKey>> = {
  BAD_INDENT: 'content.yaml.badIndent',
  TAB_AS_INDENT: 'content.yaml.tabIndent',
  MISSING_CHAR: 'content.yaml.missingChar',
  BLOCK_AS_IMPLICIT_KEY: 'content.yaml.blockAsKey',
  MULTILINE_IMPLICIT_KEY: 'content.yaml.multilineKey',
  DUPLICATE_KEY: 'content.yaml.duplicateKey',
  UNEXPECTED_TOKEN: 'content.yaml.unexpected',
  BAD_SCALAR_START: 'content.yaml.badScalarStart',
  BAD_DQ_ESCAPE: 'content.yaml.badEscape',
  BAD_ALIAS: 'content.yaml.badAlias',
};

/** A YAML syntax error in Korean, with the column it was found at. */
export function yamlErrorText(code: string, column: number): string {
  const key = YAML_KEYS[code];
  return key
    ? tLoose('ko', { key, params: { column } })
    : tLoose('ko', message('content.yaml.other', { column, code }));
}
