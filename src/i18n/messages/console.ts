/**
 * The local console: its welcome, help and the way it shows what Discord would. Korean is the source;
 * English must have every key.
 */

export const ko = {
  'console.welcome':
    '🐳 docker-study-bot 로컬 콘솔 ({role}) — 데이터베이스: {database}\n`/lesson next`로 시작해 보세요. 버튼은 번호로 누르고, 도움말은 `help`, 끝낼 때는 `quit`을 입력해요.',
  'console.help':
    '명령 예시:\n  /lesson list\n  /lesson open lesson:5.2 step:3\n  /lesson next\n  /quiz lesson:5.2\n  /progress\n  /verify docker-id:yangwonjun\n강사(--as instructor): /studygroup list · /course reload\n버튼: 화면 아래의 [번호]를 입력해요. 끝내기: quit',
  'console.deferred': '⏳ 처리 중…',
  'console.attachment': '📎 첨부 파일 {name} ({bytes}바이트) → {path}',
  'console.announcement': '📣 채널 {channelId}에 공개 메시지:',
  'console.directMessage': '✉️ 개인 메시지(DM):',
  'console.unknownInput': '알 수 없는 입력이에요: `{detail}` — `help`를 입력해 보세요.',
  'console.lineTooLong': '한 줄이 너무 길어요. {max}자까지 입력할 수 있어요.',
  'console.pickSubcommand': '`/{command}` 뒤에 {subcommands} 중 하나를 붙여 주세요. 예: `/{command} list`',
  'console.scriptMissing': '스크립트 파일을 읽을 수 없어요: {file}',
  'console.badRole': '`--as`에는 learner 또는 instructor만 쓸 수 있어요. (입력: {role})',
  'console.noSuchButton': '{button}번 버튼이 없어요. 화면에 보이는 번호를 입력해 주세요.',
  'console.buttons': '버튼: {buttons}',
  'console.learner': '학습자',
  'console.usage':
    '사용법: npm start -- [--console] [--as learner|instructor] [--script 파일]\n  --console       DISCORD_TOKEN이 있어도 로컬 콘솔을 열어요\n  --as            콘솔의 역할: learner(학습자, 기본) 또는 instructor(강사)\n  --script 파일   파일의 줄을 차례로 입력해요 (입력마다 답을 보여 줘요)\n  -h, --help      이 도움말을 보여 줘요',
  'console.badFlag': '알 수 없는 옵션이에요: {detail}',
  'console.instructor': '강사',
} as const;

export const en = {
  'console.welcome':
    '🐳 docker-study-bot local console ({role}) — database: {database}\nStart with `/lesson next`. Press buttons by number, `help` for help, `quit` to leave.',
  'console.help':
    'Examples:\n  /lesson list\n  /lesson open lesson:5.2 step:3\n  /lesson next\n  /quiz lesson:5.2\n  /progress\n  /verify docker-id:yangwonjun\nInstructors (--as instructor): /studygroup list · /course reload\nButtons: type the [number] shown under a page. Leave: quit',
  'console.deferred': '⏳ Working…',
  'console.attachment': '📎 Attachment {name} ({bytes} bytes) → {path}',
  'console.announcement': '📣 Public message in channel {channelId}:',
  'console.directMessage': '✉️ Direct message:',
  'console.unknownInput': 'Unknown input: `{detail}` — try `help`.',
  'console.lineTooLong': 'That line is too long: at most {max} characters.',
  'console.pickSubcommand': 'Add one of {subcommands} after `/{command}`, e.g. `/{command} list`',
  'console.scriptMissing': 'Cannot read the script file: {file}',
  'console.badRole': '`--as` takes learner or instructor. (given: {role})',
  'console.noSuchButton': 'There is no button {button}. Type a number shown on the screen.',
  'console.buttons': 'Buttons: {buttons}',
  'console.learner': 'learner',
  'console.usage':
    'Usage: npm start -- [--console] [--as learner|instructor] [--script FILE]\n  --console       open the local console even when DISCORD_TOKEN is set\n  --as            the console role: learner (default) or instructor\n  --script FILE   type the file’s lines one by one (each answer is shown)\n  -h, --help      show this help',
  'console.badFlag': 'Unknown option: {detail}',
  'console.instructor': 'instructor',
} satisfies Record<keyof typeof ko, string>;
