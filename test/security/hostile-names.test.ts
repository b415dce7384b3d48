import { describe, expect, it } from 'vitest';
import { requireLesson } from '../../commands/shared-lesson.js';
import { claimedByOtherRefusal } from '../../commands/verify.js';
import type { AppContext } from '../../src/app/context.js';
import { loadCourse } from '../../src/content/index.js';
import { type Translate, translator } from '../../src/i18n/index.js';
import { UserFacingError } from '../../src/interactions/errors.js';
import type { OutcomeCount } from '../../src/store/index.js';
import { escapeUserText } from '../../src/ui/escape.js';
import type { Message } from '../../src/ui/message.js';
import { renderLeaderboard } from '../../src/ui/views/leaderboard.js';
import { renderProgress } from '../../src/ui/views/progress.js';
import { renderSeasonStarted } from '../../src/ui/views/season.js';
import { renderFunnelStats, renderQuizStats, renderVerifyStats } from '../../src/ui/views/stats.js';
import { groupName, renderGroupList, renderGroupNotice } from '../../src/ui/views/studygroup.js';
import { renderVerifyAnnouncement } from '../../src/ui/views/verify.js';
import { liveTokens, markdownOf, visibleText } from '../support/discord-markdown/index.js';

const course = await loadCourse({ lessonsDir: 'data/lessons' });
const { lesson } = course.entries[0]!;
const channelId = '1300000000000000201';
const userId = '1300000000000000301';

/** A name that means nothing to Markdown: each view is compared against itself showing this. */
const BENIGN = '홍길동';

/**
 * What a hostile member may put into a display name, a group name or an option; `shows` is
 * what must be visible when that is not the value itself.
 */
const HOSTILE: { name: string; value: string; shows?: string }[] = [
  { name: 'masked link', value: '[Claim reward](https://evil.example)' },
  { name: 'masked link, angle form', value: '[x](<https://evil.example>)' },
  { name: 'bare URL', value: 'https://evil.example/login' },
  { name: 'heading', value: '# big' },
  { name: 'subtext', value: '-# small' },
  { name: 'bullet list', value: '- item' },
  { name: 'star list', value: '* item' },
  { name: 'numbered list', value: '1. first' },
  { name: 'block quote', value: '> quote' },
  { name: 'multi-line quote', value: '>>> all of it' },
  { name: 'channel mention', value: '<#123456789012345678>' },
  { name: 'user mention', value: '<@123456789012345678>' },
  { name: 'nickname mention', value: '<@!123456789012345678>' },
  { name: 'role mention', value: '<@&123456789012345678>' },
  { name: 'timestamp', value: '<t:1700000000:R>' },
  { name: 'command mention', value: '</verify:123456789012345678>' },
  { name: 'custom emoji', value: '<:pepe:123456789012345678>' },
  { name: 'guild navigation', value: '<123456789012345678:customize>' },
  { name: '@everyone', value: '@everyone' },
  { name: '@here', value: '@here' },
  { name: 'code span', value: '`rm -rf /`', shows: 'rm -rf /' },
  { name: 'code block', value: '```js\nalert(1)\n```', shows: 'alert(1)' },
  { name: 'spoiler', value: '||spoiler||', shows: 'spoiler' },
  { name: 'bold, italics, underline, strike', value: '**bold** _it_ __u__ ~~s~~', shows: 'bold' },
  { name: 'own escapes', value: '\\[x](https://evil.example)', shows: '](https://evil.example)' },
  { name: 'newlines', value: 'a\n# big\n- item\n> quote\r\n1. one', shows: 'a # big - item > quote 1. one' },
  { name: 'right-to-left override', value: '\u202Eevil\u202C name', shows: 'evil name' },
  {
    name: 'zero-width characters',
    value: '@\u200Beveryone\u2060 <\u200B@123456789012345678>',
    shows: '@everyone',
  },
  { name: 'very long', value: `${'가'.repeat(500)}<@123456789012345678>`, shows: '가'.repeat(30) },
];

/** A translated refusal, as the error boundary would show it. */
function refusalText(work: () => unknown, t: Translate): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof UserFacingError) return [t.loose(error)];
    throw error;
  }
  throw new Error('expected a refusal');
}

const noLesson = { catalog: { resolve: () => undefined } } as unknown as AppContext;

/** Every public and ephemeral view that shows a user-provided text, as the Markdown it sends. */
function views(t: Translate): Record<string, (value: string) => string[]> {
  const md = (message: Message) => markdownOf(message);
  const group = (name: string) => ({
    groupId: 1,
    guildId: '1300000000000000100',
    channelId,
    name,
    createdBy: userId,
    createdAt: 1_700_000_000_000,
    memberCount: 3,
  });
  const groupParams = (name: string) => ({ channelId, userId, members: 3, name: groupName({ name }) });
  /**
   * The /verify part of /stats. Built as a variable: `shared` (possible copies, from the ownership
   * work) is required where the view has it and ignored where it does not.
   */
  const verifyStats = (scope: { groupName?: string }, outcomes: OutcomeCount[]) => {
    const view = { lesson, scope, outcomes, check: null, shared: [] };
    return md(renderVerifyStats(view, t));
  };
  return {
    'public /verify announcement': (name) => md(renderVerifyAnnouncement(name, lesson, t)),
    '/progress header': (name) =>
      md(
        renderProgress(
          { displayName: name, entries: course.entries, summaries: [], rank: null, dockerId: null },
          t,
        ),
      ),
    '/progress Docker ID': (name) =>
      md(
        renderProgress(
          { displayName: BENIGN, entries: course.entries, summaries: [], rank: null, dockerId: name },
          t,
        ),
      ),
    '/studygroup list': (name) => md(renderGroupList([group(name)], t)),
    '/studygroup create': (name) => md(renderGroupNotice(t('studygroup.created', groupParams(name)))),
    '/studygroup remove': (name) => md(renderGroupNotice(t('studygroup.removed', groupParams(name)))),
    '/studygroup add': (name) => md(renderGroupNotice(t('studygroup.memberAdded', groupParams(name)))),
    '/studygroup create refused': (name) => [t('studygroup.alreadyRegistered', groupParams(name))],
    '/studygroup add refused': (name) => [t('studygroup.alreadyMember', groupParams(name))],
    '/leaderboard scope': (name) =>
      md(renderLeaderboard({ scope: { groupName: name, lesson }, period: { kind: 'all' }, learners: [] }, t)),
    '/leaderboard season': (name) => {
      const season = { seasonId: 1, guildId: '1', name, startedAt: 0, startedBy: '1', endedAt: null };
      const from = { year: 2026, month: 11, day: 30 };
      return [
        ...md(
          renderLeaderboard(
            { scope: {}, period: { kind: 'season', season, from, to: null }, learners: [] },
            t,
          ),
        ),
        ...md(renderSeasonStarted({ season, ended: season }, t)),
      ];
    },
    '/stats scope': (name) => {
      const scoped = { lesson, scope: { groupName: name } };
      return [
        ...md(
          renderFunnelStats(
            { ...scoped, funnel: { opened: 0, steps: [] }, asOf: new Date(0) },
            { t, locale: 'ko' },
          ),
        ),
        ...md(renderQuizStats({ ...scoped, questions: [] }, t)),
        ...verifyStats(scoped.scope, []),
      ];
    },
    '/stats unknown /verify outcome': (name) =>
      verifyStats({}, [{ outcome: name, attempts: 1, learners: 1 }]),
    'lesson not found': (name) => refusalText(() => requireLesson(noLesson, name), t),
    '/verify claim refused': (name) =>
      refusalText(() => {
        throw claimedByOtherRefusal(name);
      }, t),
  };
}

const INVISIBLE_OR_BIDI = /[\u200B\u200C\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

describe('hostile names in every view that shows one', () => {
  for (const locale of ['ko', 'en'] as const) {
    for (const [view, render] of Object.entries(views(translator(locale)))) {
      it(`${view} (${locale}): nothing live, every name shown as typed`, () => {
        const benign = render(BENIGN).join('\n');
        expect(visibleText(benign)).toContain(BENIGN);
        const problems = HOSTILE.flatMap(({ name, value, shows = value }) => {
          const rendered = render(value).join('\n');
          const visible = visibleText(rendered);
          return [
            // The same links, headings, lists, mentions, timestamps, code and formatting as with
            // a harmless name: whatever the name held, it added none.
            ...(liveTokens(rendered).join() === liveTokens(benign).join()
              ? []
              : [`${name}: live ${liveTokens(rendered).join(', ')} in ${JSON.stringify(rendered)}`]),
            ...(visible.includes(shows) ? [] : [`${name}: ${JSON.stringify(shows)} not shown`]),
            ...(INVISIBLE_OR_BIDI.test(visible) ? [`${name}: invisible or bidi characters kept`] : []),
          ];
        });
        expect(problems).toEqual([]);
      });
    }
  }
});

describe('escapeUserText', () => {
  it('keeps ordinary Korean and emoji names as they are', () => {
    expect(escapeUserText('홍길동 🐳')).toBe('홍길동 🐳');
    expect(escapeUserText('👨‍👩‍👧 가족')).toBe('👨‍👩‍👧 가족');
  });

  it('cuts long text between graphemes, within the limit, with an ellipsis', () => {
    const cut = escapeUserText('👨‍👩‍👧'.repeat(40), { max: 20 });
    expect([...cut].length).toBeLessThanOrEqual(20);
    expect(cut.endsWith('👨‍👩‍👧…')).toBe(true);
    expect(escapeUserText('가'.repeat(100_000), { max: 64 })).toBe(`${'가'.repeat(63)}…`);
  });

  it('collapses whitespace and shows something for a name of invisible characters only', () => {
    expect(escapeUserText('  a \n\t b  ')).toBe('a b');
    expect(escapeUserText('\u200B\u202E\u2066')).toBe('…');
  });

  it('inside a code span replaces only backticks, which would end it', () => {
    expect(escapeUserText('`a` <@1> [x](y)', { inCode: true })).toBe('ˋaˋ <@1> [x](y)');
  });
});
