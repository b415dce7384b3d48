/** Messages of the bot runtime (router, boundary, permissions). Korean is the source. */
export const ko = {
  'error.badArguments': '⚠️ `{option}` 옵션을 확인해 주세요.',
  'error.optionLength': '⚠️ `{option}` 옵션은 {min}~{max}자로 입력해 주세요.',
  'error.guildOnly': '이 명령은 서버의 채널에서만 쓸 수 있어요.',
  'error.instructorOnly': '🔒 강사만 쓸 수 있는 기능이에요. (서버 관리 권한 또는 강사 역할 필요)',
  'error.homeServerOnly':
    '🏠 모든 서버가 함께 쓰는 코스를 바꾸는 기능이라 홈 서버의 강사나 봇 운영자만 쓸 수 있어요. 레슨 파일을 고쳤다면 봇 운영자에게 알려 주세요.',
  'error.unknownCommand': '알 수 없는 명령이에요. 봇의 명령 목록이 갱신되는 중일 수 있어요.',
  'error.shuttingDown': '봇이 잠시 재시작하는 중이에요. 조금 뒤에 다시 시도해 주세요.',
  'button.malformed': '⚠️ 알 수 없는 버튼이에요. 명령을 다시 실행해 주세요.',
  'button.notYours': '🙅 다른 학습자의 화면이에요. 직접 명령을 실행해서 내 화면을 열어 주세요.',
  'button.stale': '🔄 강의 내용이 바뀌었어요. `/lesson open`으로 새 화면을 열어 주세요.',
  'button.unknownLesson': '이 버튼의 강의를 찾을 수 없어요. `/lesson list`로 강의 목록을 확인해 주세요.',
  'lesson.unknown': '🔎 `{query}` 강의를 찾을 수 없어요. `/lesson list`로 강의 목록을 확인해 주세요.',
  'lesson.none': '아직 등록된 강의가 없어요. 강사에게 문의해 주세요.',
  'lesson.unknownStep':
    '이 강의에는 {count}단계까지 있어요. 1부터 {count} 사이의 단계를 골라 주세요. (입력: {step})',
  'lesson.finished': '🏁 {lessonId} 강의를 끝까지 읽었어요! (+{points}점)',
  'lessonList.header': '## 📚 강의 목록',
  'lessonList.line': '**{lessonId}** {title} {marks}\n`{bar}` {done}/{total} 단계',
  'lessonList.empty': '아직 등록된 강의가 없어요.',
  'lessonList.hint':
    '-# `/lesson open`으로 강의를 열거나 `/lesson next`로 이어서 학습하세요. 🏁 완료 · ✅ 인증',
  'lists.more': '… 외 {count}개',
  'quiz.none': '{lessonId} 강의에는 연습 문제가 없어요.',
  'progress.header': '## 📈 {name}님의 진도',
  'progress.lesson':
    '**{lessonId}** {title}\n`{bar}` 단계 {stepsDone}/{stepsTotal} · 퀴즈 첫 시도 정답 {quizFirstTry}/{quizTotal} (맞힌 문제 {quizCorrect}) · {verified} · {points}점',
  'progress.verified': '✅ 인증 완료',
  'progress.notVerified': '⬜ 미인증',
  'progress.rank': '🏆 총 **{points}점** · 서버 {outOf}명 중 **{rank}위**',
  'progress.unranked': '🏆 아직 점수가 없어요. 첫 단계를 끝내면 순위에 올라요!',
  'progress.dockerId': '🐳 인증한 도커 ID: `{dockerId}`',
  'progress.dockerIdProven':
    '🐳 인증한 도커 ID: `{dockerId}` · 🔑 확인용 태그(`{proofTag}`)로 소유를 확인했어요',
  'progress.othersInstructorOnly': '🔒 다른 학습자의 진도는 강사만 볼 수 있어요.',
  'verifyResult.points': '🎉 인증 점수 +{points}점!',
  'verifyResult.openStep': '📖 {title}',
  'verifyResult.announce': '🎉 **{name}**님이 {lessonId} {title} 실습 이미지를 도커 허브에서 인증했어요!',
  'verifyResult.noCheck': '인증할 수 있는 강의가 아직 없어요. (course.yaml에 check가 있는 강의가 없음)',
  'verifyResult.needDockerId':
    '🐳 도커 허브 계정 이름을 알려 주세요. 예: `/verify docker-id:yangwonjun` (첫 인증에 성공하면 다음부터는 생략할 수 있어요)',
  'verifyResult.claimedByOther':
    '🙅 `{dockerId}` 도커 ID는 이 서버의 다른 학습자가 이미 인증했어요. 본인의 도커 ID가 맞다면 강사에게 해제를 요청해 주세요.',
  'claims.releaseButton': '🔓 도커 ID 해제 ({dockerId})',
  'claims.released':
    '🔓 `{dockerId}` 도커 ID의 인증 연결을 해제했어요. 이제 다른 학습자도 이 ID로 인증할 수 있어요. 다음에 이 ID로 인증하는 학습자는 (해제된 학습자도) 새 확인 코드로 소유를 다시 확인해야 해요.',
  'claims.nothingToRelease': '이 학습자에게 연결된 도커 ID가 없어요. (이미 해제되었을 수 있어요)',
  'console.welcome':
    '🐳 docker-study-bot 로컬 콘솔 ({role}) — 데이터베이스: {database}\n`/lesson next`로 시작하세요. 버튼은 번호로 누르고, `help`로 도움말, `quit`로 종료합니다.',
  'console.help':
    '명령 예시:\n  /lesson list\n  /lesson open lesson:5.2 step:3\n  /lesson next\n  /quiz lesson:5.2\n  /progress\n  /verify docker-id:yangwonjun\n강사(--as instructor): /studygroup list · /course reload\n버튼: 화면 아래 [번호]를 입력하세요. 종료: quit',
  'console.deferred': '⏳ 처리 중…',
  'console.attachment': '📎 첨부 파일 {name} ({bytes}바이트) → {path}',
  'console.announcement': '📣 채널 {channelId}에 공개 메시지:',
  'console.unknownInput': '알 수 없는 입력이에요: `{detail}` — `help`를 입력해 보세요.',
  'console.lineTooLong': '한 줄이 너무 길어요. {max}자까지 입력할 수 있어요.',
  'console.pickSubcommand': '`/{command}` 뒤에 {subcommands} 중 하나를 붙여 주세요. 예: `/{command} list`',
  'console.scriptMissing': '스크립트 파일을 읽을 수 없어요: {file}',
  'console.badRole': '`--as`에는 learner 또는 instructor만 쓸 수 있어요. (입력: {role})',
  'console.noSuchButton': '{button}번 버튼이 없어요. 화면에 보이는 번호를 입력해 주세요.',
  'console.buttons': '버튼: {buttons}',
  'console.learner': '학습자',
  'console.instructor': '강사',
} as const;

export const en = {
  'error.badArguments': '⚠️ Please check the `{option}` option.',
  'error.optionLength': '⚠️ The `{option}` option takes {min} to {max} characters.',
  'error.guildOnly': 'This command works only in a server channel.',
  'error.instructorOnly':
    '🔒 Only instructors can use this (Manage Server permission or an instructor role).',
  'error.homeServerOnly':
    '🏠 This changes the course that every server shares, so only instructors of the home server and the bot’s owners can use it. If you edited the lesson files, please tell the bot’s owner.',
  'error.unknownCommand': 'Unknown command. The bot’s command list may be updating.',
  'error.shuttingDown': 'The bot is restarting. Please try again in a moment.',
  'button.malformed': '⚠️ Unknown button. Please run the command again.',
  'button.notYours': '🙅 This page belongs to another learner. Run the command yourself to open your own.',
  'button.stale': '🔄 The lesson has changed. Open a fresh page with `/lesson open`.',
  'button.unknownLesson': 'The lesson of this button no longer exists. See `/lesson list`.',
  'lesson.unknown': '🔎 No lesson matches `{query}`. See `/lesson list`.',
  'lesson.none': 'No lessons are available yet. Please ask an instructor.',
  'lesson.unknownStep': 'This lesson has steps 1 to {count}. Please pick one of those. (given: {step})',
  'lesson.finished': '🏁 You read lesson {lessonId} to the end! (+{points} points)',
  'lessonList.header': '## 📚 Lessons',
  'lessonList.line': '**{lessonId}** {title} {marks}\n`{bar}` {done}/{total} steps',
  'lessonList.empty': 'No lessons yet.',
  'lessonList.hint':
    '-# Open one with `/lesson open` or continue with `/lesson next`. 🏁 finished · ✅ verified',
  'lists.more': '… and {count} more',
  'quiz.none': 'Lesson {lessonId} has no practice questions.',
  'progress.header': '## 📈 Progress of {name}',
  'progress.lesson':
    '**{lessonId}** {title}\n`{bar}` steps {stepsDone}/{stepsTotal} · quiz first-try {quizFirstTry}/{quizTotal} (answered correctly {quizCorrect}) · {verified} · {points} points',
  'progress.verified': '✅ verified',
  'progress.notVerified': '⬜ not verified',
  'progress.rank': '🏆 **{points} points** in total · rank **{rank}** of {outOf} in this server',
  'progress.unranked': '🏆 No points yet. Finish a first step to get on the board!',
  'progress.dockerId': '🐳 Verified Docker ID: `{dockerId}`',
  'progress.dockerIdProven':
    '🐳 Verified Docker ID: `{dockerId}` · 🔑 ownership proven with the tag `{proofTag}`',
  'progress.othersInstructorOnly': '🔒 Only instructors can see another learner’s progress.',
  'verifyResult.points': '🎉 +{points} points for verifying!',
  'verifyResult.openStep': '📖 {title}',
  'verifyResult.announce': '🎉 **{name}** verified the {lessonId} {title} image on Docker Hub!',
  'verifyResult.noCheck': 'No lesson can be verified yet (no lesson in course.yaml has a check).',
  'verifyResult.needDockerId':
    '🐳 Please tell me your Docker Hub ID, e.g. `/verify docker-id:yangwonjun` (after a first success you can leave it out).',
  'verifyResult.claimedByOther':
    '🙅 Docker ID `{dockerId}` was already verified by another learner in this server. If it is yours, ask an instructor to release it.',
  'claims.releaseButton': '🔓 Release Docker ID ({dockerId})',
  'claims.released':
    '🔓 Released Docker ID `{dockerId}`. Another learner can now verify with it. Whoever verifies with it next (the released learner too) must prove ownership again with a new code.',
  'claims.nothingToRelease': 'This learner has no Docker ID linked (it may already be released).',
  'console.welcome':
    '🐳 docker-study-bot local console ({role}) — database: {database}\nStart with `/lesson next`. Press buttons by number, `help` for help, `quit` to leave.',
  'console.help':
    'Examples:\n  /lesson list\n  /lesson open lesson:5.2 step:3\n  /lesson next\n  /quiz lesson:5.2\n  /progress\n  /verify docker-id:yangwonjun\nInstructors (--as instructor): /studygroup list · /course reload\nButtons: type the [number] shown under a page. Leave: quit',
  'console.deferred': '⏳ Working…',
  'console.attachment': '📎 Attachment {name} ({bytes} bytes) → {path}',
  'console.announcement': '📣 Public message in channel {channelId}:',
  'console.unknownInput': 'Unknown input: `{detail}` — try `help`.',
  'console.lineTooLong': 'That line is too long: at most {max} characters.',
  'console.pickSubcommand': 'Add one of {subcommands} after `/{command}`, e.g. `/{command} list`',
  'console.scriptMissing': 'Cannot read the script file: {file}',
  'console.badRole': '`--as` takes learner or instructor. (given: {role})',
  'console.noSuchButton': 'There is no button {button}. Type a number shown on the screen.',
  'console.buttons': 'Buttons: {buttons}',
  'console.learner': 'learner',
  'console.instructor': 'instructor',
} satisfies Record<keyof typeof ko, string>;
