/**
 * What every part of the bot may say: yes/no, list overflow, refusals and errors of any command or
 * button. Korean is the source; English must have every key.
 */

export const ko = {
  'common.yes': '예',
  'common.no': '아니요',
  'error.generic': '⚠️ 처리 중 문제가 생겼어요. 잠시 후 다시 시도해 주세요. (오류 ID: {errorId})',
  'error.badArguments': '⚠️ `{option}` 옵션을 확인해 주세요.',
  'error.optionLength': '⚠️ `{option}` 옵션은 {min}~{max}자로 입력해 주세요.',
  'error.guildOnly': '이 명령은 서버의 채널에서만 쓸 수 있어요.',
  'error.instructorOnly': '🔒 강사만 쓸 수 있는 기능이에요. (서버 관리 권한 또는 강사 역할 필요)',
  'error.homeServerOnly':
    '🏠 모든 서버가 함께 쓰는 코스를 바꾸는 기능이라 홈 서버의 강사나 봇 운영자만 쓸 수 있어요. 레슨 파일을 고쳤다면 봇 운영자에게 알려 주세요.',
  'error.unknownCommand': '알 수 없는 명령이에요. 봇의 명령 목록이 갱신되는 중일 수 있어요.',
  'error.shuttingDown': '봇이 재시작하고 있어요. 1분 뒤에 다시 시도해 주세요.',
  'button.malformed': '⚠️ 알 수 없는 버튼이에요. 명령을 다시 실행해 주세요.',
  'button.notYours': '🙅 다른 학습자의 화면이에요. 직접 명령을 실행해서 내 화면을 열어 주세요.',
  'button.stale': '🔄 레슨 내용이 바뀌었어요. </lesson open> 명령으로 새 화면을 열어 주세요.',
  'button.unknownLesson':
    '이 버튼의 레슨을 찾을 수 없어요. </lesson list> 명령으로 레슨 목록을 확인해 주세요.',
  'lists.more': '… 외 {count}개',
} as const;

export const en = {
  'common.yes': 'Yes',
  'common.no': 'No',
  'error.generic': '⚠️ Something went wrong. Please try again in a moment. (error id: {errorId})',
  'error.badArguments': '⚠️ Please check the `{option}` option.',
  'error.optionLength': '⚠️ The `{option}` option takes {min} to {max} characters.',
  'error.guildOnly': 'This command works only in a server channel.',
  'error.instructorOnly':
    '🔒 Only instructors can use this (Manage Server permission or an instructor role).',
  'error.homeServerOnly':
    '🏠 This changes the course that every server shares, so only instructors of the home server and the bot’s owners can use it. If you edited the lesson files, please tell the bot’s owner.',
  'error.unknownCommand': 'Unknown command. The bot’s command list may be updating.',
  'error.shuttingDown': 'The bot is restarting. Please try again in a minute.',
  'button.malformed': '⚠️ Unknown button. Please run the command again.',
  'button.notYours': '🙅 This page belongs to another learner. Run the command yourself to open your own.',
  'button.stale': '🔄 The lesson has changed. Open a fresh page with </lesson open>.',
  'button.unknownLesson': 'The lesson of this button no longer exists. See </lesson list>.',
  'lists.more': '… and {count} more',
} satisfies Record<keyof typeof ko, string>;
