/**
 * /progress: a learner's lessons, points and rank, their Docker ID, and what instructors see besides.
 * Korean is the source; English must have every key.
 */

export const ko = {
  'progress.header': '## 📈 {name}님의 진도',
  'progress.lesson':
    '**{lessonId}** {title}\n`{bar}` 단계 {stepsDone}/{stepsTotal} · 퀴즈 첫 시도 정답 {quizFirstTry}/{quizTotal} (맞힌 문제 {quizCorrect}) · {verified} · {points}점',
  'progress.verified': '✅ 인증 완료',
  'progress.notVerified': '⬜ 미인증',
  'progress.rank': '🏆 총 **{points}점** · 서버 {outOf}명 중 **{rank}위**',
  'progress.unranked': '🏆 아직 점수가 없어요. 첫 단계를 끝내면 순위에 올라요!',
  'progress.streak': '🔥 **{weeks}주 연속** 학습 중이에요. 이번 주도 학습했어요!',
  'progress.streakKeepGoing': '🔥 **{weeks}주 연속** 학습했어요. 이번 주에도 학습하면 {next}주 연속이 돼요.',
  'progress.streakNone': '🔥 이번 주에 단계 하나, 퀴즈 하나, 인증 한 번이면 연속 학습 주가 시작돼요.',
  'progress.dockerId': '🐳 인증한 도커 ID: `{dockerId}`',
  'progress.dockerIdProven':
    '🐳 인증한 도커 ID: `{dockerId}` · 🔑 확인용 태그(`{proofTag}`)로 소유를 확인했어요',
  'progress.othersInstructorOnly': '🔒 다른 학습자의 진도는 강사만 볼 수 있어요.',
  'claims.releaseButton': '🔓 도커 ID 해제 ({dockerId})',
  'claims.nothingToRelease': '이 학습자에게 연결된 도커 ID가 없어요. (이미 해제되었을 수 있어요)',
  'copies.twinsHeader':
    '### 🧬 같은 이미지를 인증한 다른 학습자 (강사에게만 보여요)\n-# 다이제스트가 같으면 같은 이미지예요. 이미지를 나눠 썼을 수 있으니 확인해 보세요.',
  'copies.twin': '- {user} · 레슨 {lessonId} · `{digest}`',
  'copies.moreTwins': '… 외 {count}건',
} as const;

export const en = {
  'progress.header': '## 📈 Progress of {name}',
  'progress.lesson':
    '**{lessonId}** {title}\n`{bar}` steps {stepsDone}/{stepsTotal} · quiz first-try {quizFirstTry}/{quizTotal} (answered correctly {quizCorrect}) · {verified} · {points} points',
  'progress.verified': '✅ verified',
  'progress.notVerified': '⬜ not verified',
  'progress.rank': '🏆 **{points} points** in total · rank **{rank}** of {outOf} in this server',
  'progress.unranked': '🏆 No points yet. Finish a first step to get on the board!',
  'progress.streak': '🔥 **{weeks} weeks in a row** of learning, this week included!',
  'progress.streakKeepGoing':
    '🔥 **{weeks} weeks in a row** of learning. Learn this week too to make it {next}.',
  'progress.streakNone':
    '🔥 One step, one quiz answer or one verification this week starts a streak of active weeks.',
  'progress.dockerId': '🐳 Verified Docker ID: `{dockerId}`',
  'progress.dockerIdProven':
    '🐳 Verified Docker ID: `{dockerId}` · 🔑 ownership proven with the tag `{proofTag}`',
  'progress.othersInstructorOnly': '🔒 Only instructors can see another learner’s progress.',
  'claims.releaseButton': '🔓 Release Docker ID ({dockerId})',
  'claims.nothingToRelease': 'This learner has no Docker ID linked (it may already be released).',
  'copies.twinsHeader':
    '### 🧬 Other learners who verified the same image (instructors only)\n-# The same digest means the same image. They may have shared one image: worth a look.',
  'copies.twin': '- {user} · lesson {lessonId} · `{digest}`',
  'copies.moreTwins': '… and {count} more',
} satisfies Record<keyof typeof ko, string>;
