import { describe, expect, it } from 'vitest';
import { commandData } from '../../commands/index.js';
import { COMMAND_PATHS, CommandDirectory } from '../../src/i18n/command-mentions.js';
import { allCatalogues, type Locale, type MessageKey, translator } from '../../src/i18n/index.js';
import { commandTokens } from '../../src/i18n/template.js';

const keys = Object.keys(allCatalogues.ko) as MessageKey[];
const locales: readonly Locale[] = ['ko', 'en'];

interface Named {
  name: string;
  type?: number;
  name_localizations?: Partial<Record<string, string | null>> | null;
  options?: readonly Named[];
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

/** Every command path a user can run (`lesson next`, `course roles set`) with its options. */
function runnablePaths(): Map<string, readonly Named[]> {
  const paths = new Map<string, readonly Named[]>();
  const visit = (path: string, item: Named) => {
    const nested = (item.options ?? []).filter(
      (option) => option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP,
    );
    if (nested.length === 0) paths.set(path, item.options ?? []);
    for (const option of nested) visit(`${path} ${option.name}`, option);
  };
  for (const data of commandData as readonly Named[]) visit(data.name, data);
  return paths;
}

const paths = runnablePaths();
const topNames = (commandData as readonly Named[]).map((data) => data.name);
/** `/lesson` written as text, not inside a `</lesson …>` token. */
const literalCommand = new RegExp(`(?<![<\\w])/(?:${topNames.join('|')})(?![\\w-])`);

/**
 * Text that is not a Discord message: what the console user types (`console.*`) and what an
 * author's terminal prints (`content.*`) name commands as typed; a picture (`pictures.*`) cannot
 * hold a mention and writes the reader's own command name, which in English is the plain one.
 */
function namesCommandsAsTyped(key: MessageKey, locale: Locale): boolean {
  return (
    key.startsWith('console.') ||
    key.startsWith('content.') ||
    (locale === 'en' && key.startsWith('pictures.'))
  );
}

function localName(item: Named, locale: Locale): string {
  return (locale === 'ko' ? item.name_localizations?.ko : undefined) ?? item.name;
}

describe('commands named in the catalogues', () => {
  it('are mentions (`</lesson next>`), never a literal `/lesson next`, in every Discord message', () => {
    for (const locale of locales) {
      const literal = keys
        .filter(
          (key) => !namesCommandsAsTyped(key, locale) && literalCommand.test(allCatalogues[locale][key]),
        )
        .map((key) => `${key}: ${allCatalogues[locale][key]}`);
      expect(literal, locale).toEqual([]);
    }
  });

  it('know exactly the commands the bot registers', () => {
    expect([...COMMAND_PATHS].sort()).toEqual([...paths.keys()].sort());
  });

  it('mention only commands the bot registers (`</details>` is HTML, not a command)', () => {
    const unknown = locales.flatMap((locale) =>
      keys.flatMap((key) =>
        commandTokens(allCatalogues[locale][key])
          .filter((path) => topNames.includes(path.split(' ')[0] ?? '') && !paths.has(path))
          .map((path) => `${locale} ${key}: ${path}`),
      ),
    );
    expect(unknown).toEqual([]);
    expect(keys.filter((key) => commandTokens(allCatalogues.ko[key]).length > 0).length).toBeGreaterThan(40);
  });

  it('write an example’s options in the reader’s language (Korean option names for ko)', () => {
    const example = /<\/([a-z][a-z -]*)> `([^`]*)`/g;
    const wrong: string[] = [];
    for (const locale of locales) {
      for (const key of keys) {
        for (const match of allCatalogues[locale][key].matchAll(example)) {
          const options = paths.get(match[1] ?? '') ?? [];
          const known = new Set(options.map((option) => localName(option, locale)));
          for (const pair of (match[2] ?? '').split(' ')) {
            const name = pair.split(':')[0] ?? '';
            if (pair.includes(':') && !known.has(name)) wrong.push(`${locale} ${key}: ${name}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reach the reader as mentions once the ids are known, and as plain names before', () => {
    const directory = new CommandDirectory();
    const t = translator('ko', directory);
    expect(t('lessonList.hint')).toContain('`/lesson open` 명령으로');
    directory.learn([{ name: 'lesson', id: '123456789012345678' }]);
    expect(t('lessonList.hint')).toBe(
      '-# </lesson open:123456789012345678> 명령으로 레슨을 열거나 </lesson next:123456789012345678> 명령으로 이어서 공부할 수 있어요. 🏁 완료 · ✅ 인증',
    );
    expect(translator('en', directory)('button.stale')).toBe(
      '🔄 The lesson has changed. Open a fresh page with </lesson open:123456789012345678>.',
    );
  });

  it('leave a learner’s own text that looks like a command token as typed', () => {
    const directory = new CommandDirectory();
    directory.learn([{ name: 'lesson', id: '123456789012345678' }]);
    const shown = translator('ko', directory)('lesson.unknown', { query: '</lesson next>' });
    expect(shown).toContain('`</lesson next>` 레슨을');
    expect(shown).toContain('</lesson list:123456789012345678>');
  });

  it('leave HTML closing tags in author messages alone', () => {
    const directory = new CommandDirectory();
    directory.learn([{ name: 'details', id: '123456789012345678' }]);
    expect(translator('ko', directory)('content.error.strayDetailsClose')).toContain('</details>');
  });
});
