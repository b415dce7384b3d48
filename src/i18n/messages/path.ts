/**
 * A learner's path: every point told with the new total, what to do next after a quiz or a
 * verification, and the end of the course. Korean is the source; English must have every key.
 */

export const ko = {
  'points.step': '✅ 앞 단계를 마쳤어요. **+{points}점** (총 {total}점)',
  'points.quiz-first-try': '🎯 첫 시도에 맞혔어요. **+{points}점** (총 {total}점)',
  'points.quiz-retry': '🔁 다시 풀어서 맞혔어요. **+{points}점** (총 {total}점)',
  'points.verified': '🐳 인증을 마쳤어요. **+{points}점** (총 {total}점)',
  'points.lessonBonus':
    '🏁 레슨 {lessonId}의 단계와 퀴즈를 모두 끝냈어요! 완료 보너스 **+{points}점** (총 {total}점)',
  'next.header': '👉 **다음에 할 일**',
  'next.verify':
    '실습한 이미지를 도커 허브에 푸시했다면 </verify> 명령으로 인증해 보세요. 인증하면 +{points}점을 받아요.',
  'next.lesson': '다음 레슨은 **{lessonId} {title}**{이에요/예요}. 아래 버튼으로 이어서 볼 수 있어요.',
  'next.lessonButton': '📘 {lessonId} 레슨 열기',
  'next.courseDone': '🎓 코스의 모든 레슨을 끝냈어요! 전체 기록은 </progress> 명령으로 볼 수 있어요.',
  'courseDone.header': '## 🎓 코스를 모두 마쳤어요!',
  'courseDone.body': '레슨 {count}개의 단계를 모두 읽었어요. 지금까지의 기록이에요.',
  'courseDone.lesson':
    '- **{lessonId}** {title} · 단계 {stepsDone}/{stepsTotal} · 퀴즈 첫 시도 정답 {quizFirstTry}/{quizTotal} · {verified}',
  'courseDone.reopen': '-# 다시 보고 싶은 레슨은 </lesson open> 명령으로 열 수 있어요.',
} as const;

export const en = {
  'points.step': '✅ Previous step done. **+{points} points** ({total} in total)',
  'points.quiz-first-try': '🎯 Right on the first try. **+{points} points** ({total} in total)',
  'points.quiz-retry': '🔁 Right on a retry. **+{points} points** ({total} in total)',
  'points.verified': '🐳 Verified. **+{points} points** ({total} in total)',
  'points.lessonBonus':
    '🏁 Every step and question of lesson {lessonId} done! Completion bonus **+{points} points** ({total} in total)',
  'next.header': '👉 **What’s next**',
  'next.verify':
    'Once you have pushed the image you built to Docker Hub, verify it with </verify>. Verifying earns +{points} points.',
  'next.lesson': 'The next lesson is **{lessonId} {title}**. Open it with the button below.',
  'next.lessonButton': '📘 Open lesson {lessonId}',
  'next.courseDone':
    '🎓 You have finished every lesson of the course! See your whole record with </progress>.',
  'courseDone.header': '## 🎓 You finished the course!',
  'courseDone.body': 'You read every step of {count} lessons. Here is your record.',
  'courseDone.lesson':
    '- **{lessonId}** {title} · steps {stepsDone}/{stepsTotal} · quiz first-try {quizFirstTry}/{quizTotal} · {verified}',
  'courseDone.reopen': '-# Open any lesson again with </lesson open>.',
} satisfies Record<keyof typeof ko, string>;
