import { describe, expect, it } from 'vitest';
import { commandData } from '../../commands/index.js';
import { readableMentions } from '../../src/console/readable-mentions.js';
import { CommandDirectory, localizedCommandPath } from '../../src/i18n/command-mentions.js';
import { translator } from '../../src/i18n/index.js';

const names = {
  commands: commandData,
  locale: 'ko' as const,
  users: new Map([['100000000000000010', '학습자']]),
  channels: new Map([['100000000000000002', 'console']]),
};

describe('command mentions', () => {
  it('mention a command by id once the ids are known, and name it plainly before', () => {
    const directory = new CommandDirectory();
    const t = translator('ko', directory);
    expect(t.command('lesson next')).toBe('`/lesson next`');
    directory.learn([{ name: 'lesson', id: '123456789012345678' }]);
    expect(t.command('lesson next')).toBe('</lesson next:123456789012345678>');
    expect(t.command('verify')).toBe('`/verify`');
  });

  it('name a command without a known id the way the reader’s client shows it', () => {
    const directory = new CommandDirectory(commandData);
    expect(translator('ko', directory).command('lesson next')).toBe('`/레슨 계속`');
    expect(translator('en', directory).command('lesson next')).toBe('`/lesson next`');
    expect(translator('ko', directory)('remind.wasOff')).toBe(
      '🔕 켜져 있는 학습 알림이 없어요. 켜려면 `/알림 켜기` `일수:3`처럼 실행해 주세요.',
    );
    directory.learn([{ name: 'remind', id: '123456789012345678' }]);
    expect(translator('ko', directory)('remind.wasOff')).toBe(
      '🔕 켜져 있는 학습 알림이 없어요. 켜려면 </remind on:123456789012345678> `일수:3`처럼 실행해 주세요.',
    );
  });

  it('show mentions, users, channels and times in the console as a Korean client would', () => {
    expect(localizedCommandPath('lesson next', names.commands, 'ko')).toBe('레슨 계속');
    expect(localizedCommandPath('studygroup create', names.commands, 'ko')).toBe('스터디-그룹 만들기');
    expect(
      readableMentions('</lesson next:1> <@100000000000000010> <#100000000000000002> <t:0:f> <@999>', names),
    ).toBe(
      `\`/레슨 계속\` @학습자 #console ${new Date(0).toLocaleString('ko-KR', { timeZone: 'UTC', timeZoneName: 'short' })} @999`,
    );
  });
});
