/**
 * The local console: its welcome, help and the way it shows what Discord would. Korean is the source;
 * English must have every key.
 */

export const ko = {
  'console.welcome':
    '🐳 docker-study-bot 로컬 콘솔 ({role}, ID {userId}) — 데이터베이스: {database}\n다른 사용자: `--as learner2`처럼 learner 뒤에 번호를 붙이면 다른 학습자, `--as instructor`는 강사(ID {instructorId})예요. 실행 중에는 `/as learner3`처럼 바꿔요.\n`/lesson next`로 시작해 보세요. 버튼은 번호로 눌러요: 레슨 페이지에서는 언제나 1 = ◀, 2 = ▶. 도움말은 `help`, 끝낼 때는 `quit`을 입력해요.',
  'console.help.commandsLearner': '쓸 수 있는 명령 (학습자):',
  'console.help.commandsInstructor': '쓸 수 있는 명령 (강사: 🔒 표시는 강사 전용):',
  'console.help.instructorOnly': '🔒',
  'console.help.console':
    '콘솔:\n  버튼: 화면의 [번호]를 입력해요. 레슨 페이지에서는 언제나 1 = ◀ 이전, 2 = ▶ 다음(마지막 페이지에서는 📝 퀴즈 풀기나 완료), 다른 버튼은 3부터예요.\n  /as learner2 · /as instructor — 다른 사용자로 바꿔요. learner 뒤 번호는 1~{max}\n  채널 옵션에는 채널 ID 대신 스터디 그룹 이름을 써도 돼요.\n  명령 예시: /lesson open lesson:5.2 step:3 · /verify docker-id:yangwonjun · /leaderboard group:1조\n  help — 이 도움말 · quit — 끝내기',
  'console.kind.text': '글자',
  'console.kind.integer': '정수',
  'console.kind.number': '숫자',
  'console.kind.boolean': 'true|false',
  'console.kind.user': '사용자 ID·@멘션',
  'console.kind.channel': '채널 ID·스터디 그룹 이름',
  'console.kind.role': '역할 ID',
  'console.switched': '이제 {name}{으로/로} 입력해요. (ID {userId})',
  'console.unknownGroup':
    '`{name}`{이라/라}는 스터디 그룹이 없어요. 채널 옵션에는 스터디 그룹 이름이나 채널 ID를 써 주세요. 지금 있는 스터디 그룹: {groups}',
  'console.noGroups':
    '`{name}`{이라/라}는 스터디 그룹이 없어요. 아직 스터디 그룹이 하나도 없어요: 강사가 `/studygroup create name:1조` 명령으로 만들 수 있어요. 채널 옵션에는 스터디 그룹 이름이나 채널 ID를 써 주세요.',
  'console.deferred': '⏳ 처리 중…',
  'console.attachment': '📎 첨부 파일 {name} ({bytes}바이트) → {path}',
  'console.announcement': '📣 채널 {channelId}에 공개 메시지:',
  'console.directMessage': '✉️ 개인 메시지(DM):',
  'console.unknownInput': '알 수 없는 입력이에요: `{detail}` — `help`를 입력해 보세요.',
  'console.lineTooLong': '한 줄이 너무 길어요. {max}자까지 입력할 수 있어요.',
  'console.pickSubcommand': '`/{command}` 뒤에 {subcommands} 중 하나를 붙여 주세요. 예: `/{command} list`',
  'console.scriptMissing': '스크립트 파일을 읽을 수 없어요: {file}',
  'console.badRole':
    '`{role}`{은/는} 콘솔 사용자가 아니에요. learner, learner2처럼 learner 뒤에 1~{max} 사이의 번호를 붙이거나 instructor를 써 주세요.',
  'console.noSuchButton': '{button}번 버튼이 없어요. 화면에 보이는 번호를 입력해 주세요.',
  'console.buttons': '버튼: {buttons}',
  'console.learner': '학습자{number}',
  'console.usage':
    '사용법: npm start -- [--console] [--as learnerN|instructor] [--script 파일]\n  --console       DISCORD_TOKEN이 있어도 로컬 콘솔을 열어요\n  --as            콘솔의 사용자: learner(학습자1, 기본), learner2처럼 다른 학습자, 또는 instructor(강사)\n  --script 파일   파일의 줄을 차례로 입력해요 (입력마다 답을 보여 줘요)\n  -h, --help      이 도움말을 보여 줘요',
  'console.badFlag': '알 수 없는 옵션이에요: {detail}',
  'console.instructor': '강사',
} as const;

export const en = {
  'console.welcome':
    '🐳 docker-study-bot local console ({role}, ID {userId}) — database: {database}\nOther users: `--as learner2` (learner plus a number) for another learner, `--as instructor` for the instructor (ID {instructorId}). While running, switch with a line like `/as learner3`.\nStart with `/lesson next`. Press buttons by number: on a lesson page 1 is always ◀ and 2 is ▶. `help` for help, `quit` to leave.',
  'console.help.commandsLearner': 'Commands you can run (learner):',
  'console.help.commandsInstructor': 'Commands you can run (instructor; 🔒 marks instructors only):',
  'console.help.instructorOnly': '🔒',
  'console.help.console':
    'Console:\n  Buttons: type the [number] shown. On a lesson page 1 is always ◀ Back and 2 is ▶ Next (the quiz or finish on the last page); other buttons count from 3.\n  /as learner2 · /as instructor — switch user; learner numbers 1 to {max}\n  A channel option also takes a study group’s name instead of a channel ID.\n  Examples: /lesson open lesson:5.2 step:3 · /verify docker-id:yangwonjun · /leaderboard group:1조\n  help — this help · quit — leave',
  'console.kind.text': 'text',
  'console.kind.integer': 'integer',
  'console.kind.number': 'number',
  'console.kind.boolean': 'true|false',
  'console.kind.user': 'user ID or @mention',
  'console.kind.channel': 'channel ID or study group name',
  'console.kind.role': 'role ID',
  'console.switched': 'Now typing as {name} (ID {userId}).',
  'console.unknownGroup':
    'There is no study group named `{name}`. A channel option takes a study group’s name or a channel ID. Study groups: {groups}',
  'console.noGroups':
    'There is no study group named `{name}`, and no study group yet: an instructor creates one with `/studygroup create name:1조`. A channel option takes a study group’s name or a channel ID.',
  'console.deferred': '⏳ Working…',
  'console.attachment': '📎 Attachment {name} ({bytes} bytes) → {path}',
  'console.announcement': '📣 Public message in channel {channelId}:',
  'console.directMessage': '✉️ Direct message:',
  'console.unknownInput': 'Unknown input: `{detail}` — try `help`.',
  'console.lineTooLong': 'That line is too long: at most {max} characters.',
  'console.pickSubcommand': 'Add one of {subcommands} after `/{command}`, e.g. `/{command} list`',
  'console.scriptMissing': 'Cannot read the script file: {file}',
  'console.badRole':
    '`{role}` is not a console user: use learner, learner plus a number from 1 to {max} (learner2), or instructor.',
  'console.noSuchButton': 'There is no button {button}. Type a number shown on the screen.',
  'console.buttons': 'Buttons: {buttons}',
  'console.learner': 'learner{number}',
  'console.usage':
    'Usage: npm start -- [--console] [--as learnerN|instructor] [--script FILE]\n  --console       open the local console even when DISCORD_TOKEN is set\n  --as            the console user: learner (learner1, default), another learner like learner2, or instructor\n  --script FILE   type the file’s lines one by one (each answer is shown)\n  -h, --help      show this help',
  'console.badFlag': 'Unknown option: {detail}',
  'console.instructor': 'instructor',
} satisfies Record<keyof typeof ko, string>;
