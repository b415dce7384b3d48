/**
 * What a learner reads in /quiz: questions, answers, explanations and the score. Korean is the source;
 * English must have every key.
 */

export const ko = {
  'quiz.header': '📝 **{lessonId} · {quizTitle}** · 문제 {number}/{total}',
  'quiz.pick': '정답이라고 생각하는 보기를 눌러 주세요.',
  'quiz.correct': '✅ 정답이에요!',
  'quiz.incorrect': '❌ 아쉬워요. 고른 답은 **{key}**{이에요/예요}.',
  'quiz.answer': '정답: **{key}. {text}**',
  'quiz.explanation': '**해설**',
  'quiz.next': '다음 문제 ▶',
  'quiz.showScore': '🏁 결과 보기',
  'quiz.scoreHeader': '🏁 **{lessonId} 퀴즈 결과**',
  'quiz.attemptScore': '이번 풀이: {total}문제 중 **{correct}문제** 정답 ({percent}%)',
  'quiz.firstTryScore':
    '-# 첫 시도 기록: {total}문제 중 {correct}문제 정답. 첫 시도에 맞히면 {firstTryPoints}점, 다시 풀어 처음 맞히면 {retryPoints}점이에요.',
  'quiz.perfectRetry': '🎉 이번에는 모두 맞혔어요! 다시 도전한 보람이 있어요.',
  'quiz.perfect': '🎉 만점이에요! 훌륭해요.',
  'quiz.keepGoing': '💪 해설을 다시 읽고 한 번 더 도전해 보세요.',
  'quiz.retry': '🔁 다시 풀기',
  'quiz.none': '{lessonId} 레슨에는 연습 문제가 없어요.',
} as const;

export const en = {
  'quiz.header': '📝 **{lessonId} · {quizTitle}** · question {number}/{total}',
  'quiz.pick': 'Press the option you think is right.',
  'quiz.correct': '✅ Correct!',
  'quiz.incorrect': '❌ Not quite. You chose **{key}**.',
  'quiz.answer': 'Answer: **{key}. {text}**',
  'quiz.explanation': '**Explanation**',
  'quiz.next': 'Next question ▶',
  'quiz.showScore': '🏁 See the result',
  'quiz.scoreHeader': '🏁 **{lessonId} quiz result**',
  'quiz.attemptScore': 'This attempt: **{correct} of {total}** correct ({percent}%)',
  'quiz.firstTryScore':
    '-# First tries: {correct} of {total} correct. A right first try earns {firstTryPoints} points; a question first answered right on a retry earns {retryPoints}.',
  'quiz.perfectRetry': '🎉 All right this time! The retry paid off.',
  'quiz.perfect': '🎉 A perfect score. Well done!',
  'quiz.keepGoing': '💪 Read the explanations again and have another go.',
  'quiz.retry': '🔁 Try again',
  'quiz.none': 'Lesson {lessonId} has no practice questions.',
} satisfies Record<keyof typeof ko, string>;
