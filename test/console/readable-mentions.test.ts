import { describe, expect, it } from 'vitest';
import { commandData } from '../../commands/index.js';
import { localizedCommandPath, readableMentions } from '../../src/console/readable-mentions.js';
import { CommandDirectory } from '../../src/i18n/command-mentions.js';
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

  it('show mentions, users, channels and times in the console as a Korean client would', () => {
    expect(localizedCommandPath('lesson next', names)).toBe('레슨 계속');
    expect(localizedCommandPath('studygroup create', names)).toBe('스터디-그룹 만들기');
    expect(
      readableMentions('</lesson next:1> <@100000000000000010> <#100000000000000002> <t:0:f> <@999>', names),
    ).toBe(
      `\`/레슨 계속\` @학습자 #console ${new Date(0).toLocaleString('ko-KR', { timeZone: 'UTC', timeZoneName: 'short' })} @999`,
    );
  });
});
