/**
 * Recognition: the /progress card, the completion certificate and its check, and milestone roles
 * (/course roles). Korean is the source; English must have every key.
 */

export const ko = {
  'card.footer': '-# 글로 된 진도는 옵션 없이 </progress> 명령을 실행하면 볼 수 있어요.',

  'certificate.courseTitle': '도커 스터디 코스',
  'certificate.header': '## 🎓 수료증',
  'certificate.body': '코스의 모든 레슨을 마치고 인증까지 끝냈어요. 축하해요! 🎉\n수료증 코드: `{code}`',
  'certificate.howToCheck': '-# 강사는 {command} 명령으로 이 코드가 진짜인지 확인할 수 있어요.',
  'certificate.notComplete':
    '🎓 수료증은 코스의 모든 레슨을 마치면 받을 수 있어요. 지금까지 마친 레슨: **{done}/{total}개**\n-# 레슨을 마친다는 건 모든 단계와 퀴즈를 끝내고, 인증이 있는 레슨은 </verify> 명령으로 인증까지 하는 거예요.',
  'certificate.noImage':
    '🎓 모든 레슨을 마쳤지만 인증한 이미지 기록이 없어 수료증을 만들 수 없어요. 강사에게 알려 주세요.',
  'certificate.check.valid':
    '## ✅ 유효한 수료증이에요\n- 학습자: {user}\n- 수료일: {date}\n- 인증 이미지: `{image}`\n- 이미지 다이제스트: `{digest}`\n- 코드: `{code}`',
  'certificate.check.unknown': '❌ 이 서버에서 발급한 수료증 중에 맞는 코드가 없어요: `{code}`',
  'certificate.check.malformed':
    '⚠️ 수료증 코드는 `DSB-XXXX-XXXX-XXXX` 모양이에요. 수료증에 적힌 코드를 그대로 입력해 주세요.',
  'certificate.check.sameServerOnly': '-# 다른 서버에서 발급한 수료증은 그 서버의 강사가 확인할 수 있어요.',
  'roles.milestone.lesson-verified': '레슨 {lessonId} 인증',
  'roles.milestone.lesson-completed': '레슨 {lessonId} 완료',
  'roles.milestone.course-completed': '코스 전체 수료',
  'roles.set.done':
    '✅ **{milestone}** 마일스톤에 {role} 역할을 연결했어요. 이제 달성하는 학습자에게 바로 역할을 줘요.',
  'roles.set.backfill': '이미 달성한 학습자 {count}명에게도 차례로 역할을 줄게요 (1분에 최대 {perMinute}명).',
  'roles.set.replaced': '-# 전에 연결된 역할 {role} 대신 이 역할을 줘요. 이미 받은 역할은 그대로예요.',
  'roles.set.refused':
    '## ⚠️ 역할을 연결하지 않았어요\n봇이 {role} 역할을 줄 수 없어요. 아래를 고친 뒤 다시 실행해 주세요.',
  'roles.problem.missing-manage-roles':
    '- 봇에 **역할 관리(Manage Roles)** 권한이 없어요. 서버 설정 → 역할에서 봇의 역할에 이 권한을 켜 주세요.',
  'roles.problem.role-above-bot':
    '- 이 역할이 봇의 가장 높은 역할과 같거나 더 위에 있어요. 서버 설정 → 역할에서 봇의 역할을 이 역할보다 위로 끌어 올려 주세요.',
  'roles.problem.role-managed':
    '- 다른 봇이나 연동 서비스가 관리하는 역할이라 누구도 직접 줄 수 없어요. 다른 역할을 골라 주세요.',
  'roles.problem.role-everyone': '- @everyone은 모든 멤버가 이미 가진 역할이에요. 다른 역할을 골라 주세요.',
  'roles.unknownRole': '⚠️ 봇이 이 서버의 역할 정보를 아직 받지 못했어요. 잠시 뒤 다시 시도해 주세요.',
  'roles.lessonRequired': '⚠️ 레슨 마일스톤에는 `lesson` 옵션으로 레슨을 골라 주세요.',
  'roles.discordOnly': '역할은 디스코드 서버에서만 설정할 수 있어요.',
  'roles.unknownMilestone': '⚠️ 마일스톤은 목록에서 골라 주세요: 레슨 인증, 레슨 완료, 코스 전체 수료.',
  'roles.cleared': '🗑️ **{milestone}** 마일스톤의 역할 연결을 지웠어요. 이미 받은 역할은 그대로예요.',
  'roles.nothingToClear': '**{milestone}** 마일스톤에는 연결된 역할이 없어요.',
  'roles.list.header': '## 🏅 마일스톤 역할',
  'roles.list.empty': '아직 연결된 역할이 없어요. </course roles set> 명령으로 연결할 수 있어요.',
  'roles.list.line': '- **{milestone}** → {role} · 받음 {granted}명 · 대기 {pending}명 · 포기 {failed}명',
  'roles.list.failuresHeader': '### ⚠️ 주지 못한 역할 (지난번 목록 이후)',
  'roles.list.failure': '- {user} · {role} · {reason} · {attempts}회 시도',
  'roles.reason.missing-permissions': '봇의 권한이나 역할 순서 문제',
  'roles.reason.unknown-role': '역할이 삭제됨',
  'roles.reason.unknown-member': '서버를 떠난 학습자',
  'roles.reason.other': '디스코드 오류 `{code}`',
} as const;

export const en = {
  'card.footer': '-# Run </progress> without options to read your progress as text.',

  'certificate.courseTitle': 'Docker study course',
  'certificate.header': '## 🎓 Certificate',
  'certificate.body':
    'You finished every lesson of the course, verification included. Congratulations! 🎉\nCertificate code: `{code}`',
  'certificate.howToCheck': '-# Instructors can check this code with {command}.',
  'certificate.notComplete':
    '🎓 The certificate comes when you have finished every lesson of the course. Lessons finished so far: **{done}/{total}**\n-# Finishing a lesson means every step and quiz question, and </verify> for lessons with a check.',
  'certificate.noImage':
    '🎓 Every lesson is finished, but there is no verified image on record, so no certificate can be made. Please tell an instructor.',
  'certificate.check.valid':
    '## ✅ Valid certificate\n- Learner: {user}\n- Completed: {date}\n- Verified image: `{image}`\n- Image digest: `{digest}`\n- Code: `{code}`',
  'certificate.check.unknown': '❌ No certificate issued in this server has this code: `{code}`',
  'certificate.check.malformed':
    '⚠️ A certificate code looks like `DSB-XXXX-XXXX-XXXX`. Please type the code exactly as printed on the certificate.',
  'certificate.check.sameServerOnly':
    '-# A certificate issued in another server can be checked by that server’s instructors.',
  'roles.milestone.lesson-verified': 'lesson {lessonId} verified',
  'roles.milestone.lesson-completed': 'lesson {lessonId} completed',
  'roles.milestone.course-completed': 'whole course completed',
  'roles.set.done':
    '✅ The milestone **{milestone}** now earns {role}. Learners who reach it get the role right away.',
  'roles.set.backfill':
    'Learners who reached it before ({count}) get it too, in turn (at most {perMinute} a minute).',
  'roles.set.replaced': '-# It replaces {role}; roles already given stay.',
  'roles.set.refused':
    '## ⚠️ The role was not set\nThe bot cannot give {role}. Fix the following, then run the command again.',
  'roles.problem.missing-manage-roles':
    '- The bot lacks **Manage Roles**. Turn it on for the bot’s role in Server Settings → Roles.',
  'roles.problem.role-above-bot':
    '- This role is at or above the bot’s highest role. Drag the bot’s role above it in Server Settings → Roles.',
  'roles.problem.role-managed':
    '- This role is managed by another bot or integration; nobody can give it. Pick another role.',
  'roles.problem.role-everyone': '- Every member already has @everyone. Pick another role.',
  'roles.unknownRole': '⚠️ The bot has not received this server’s roles yet. Please try again in a moment.',
  'roles.lessonRequired': '⚠️ A lesson milestone needs the lesson: pick it with the `lesson` option.',
  'roles.discordOnly': 'Roles can only be set up in a Discord server.',
  'roles.unknownMilestone':
    '⚠️ Please pick the milestone from the list: lesson verified, lesson completed, whole course completed.',
  'roles.cleared': '🗑️ The milestone **{milestone}** no longer earns a role. Roles already given stay.',
  'roles.nothingToClear': 'No role is set for the milestone **{milestone}**.',
  'roles.list.header': '## 🏅 Milestone roles',
  'roles.list.empty': 'No milestone earns a role yet. Set one with </course roles set>.',
  'roles.list.line': '- **{milestone}** → {role} · given {granted} · waiting {pending} · given up {failed}',
  'roles.list.failuresHeader': '### ⚠️ Roles not given (since the last list)',
  'roles.list.failure': '- {user} · {role} · {reason} · {attempts} attempts',
  'roles.reason.missing-permissions': 'bot permission or role order',
  'roles.reason.unknown-role': 'role deleted',
  'roles.reason.unknown-member': 'learner left the server',
  'roles.reason.other': 'Discord error `{code}`',
} satisfies Record<keyof typeof ko, string>;
