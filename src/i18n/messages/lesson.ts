/**
 * What a learner reads in /lesson: pages, their navigation and reveals, the lesson list. Korean is the
 * source; English must have every key.
 */

export const ko = {
  'lesson.page.header': '📘 **{lessonId} {lessonTitle}** · {section} · {page}/{pageCount}',
  'lesson.page.headerNoSection': '📘 **{lessonId} {lessonTitle}** · {page}/{pageCount}',
  'lesson.page.stepTitle': '## {title}',
  'lesson.page.stepTitleDone': '## ✅ {title}',
  'lesson.page.part': '({part}/{partCount})',
  'lesson.nav.previous': '◀ 이전',
  'lesson.nav.next': '다음 ▶',
  'lesson.nav.indicator': '{page} / {pageCount}',
  'lesson.nav.quiz': '📝 퀴즈 풀기',
  'lesson.nav.finish': '✅ 완료',
  'lesson.details.reveal': '👀 펼쳐 보기',
  'lesson.details.defaultSummary': '자세히 보기',
  'lesson.details.nested': '▸ {summary}',
  'lesson.reveal.header': '💡 {summary}',
  'lesson.unknown': '🔎 `{query}` 레슨을 찾을 수 없어요. </lesson list> 명령으로 레슨 목록을 확인해 주세요.',
  'lesson.none': '아직 등록된 레슨이 없어요. 강사에게 문의해 주세요.',
  'lesson.unknownStep':
    '이 레슨에는 {count}단계까지 있어요. 1부터 {count} 사이의 단계를 골라 주세요. (입력: {step})',
  'lesson.finished': '🏁 {lessonId} 레슨을 끝까지 읽었어요!',
  'lessonList.header': '## 📚 레슨 목록',
  'lessonList.line': '**{lessonId}** {title} {marks}\n`{bar}` {done}/{total} 단계',
  'lessonList.empty': '아직 등록된 레슨이 없어요.',
  'lessonList.hint':
    '-# </lesson open> 명령으로 레슨을 열거나 </lesson next> 명령으로 이어서 공부할 수 있어요. 🏁 완료 · ✅ 인증',
} as const;

export const en = {
  'lesson.page.header': '📘 **{lessonId} {lessonTitle}** · {section} · {page}/{pageCount}',
  'lesson.page.headerNoSection': '📘 **{lessonId} {lessonTitle}** · {page}/{pageCount}',
  'lesson.page.stepTitle': '## {title}',
  'lesson.page.stepTitleDone': '## ✅ {title}',
  'lesson.page.part': '({part}/{partCount})',
  'lesson.nav.previous': '◀ Back',
  'lesson.nav.next': 'Next ▶',
  'lesson.nav.indicator': '{page} / {pageCount}',
  'lesson.nav.quiz': '📝 Take the quiz',
  'lesson.nav.finish': '✅ Done',
  'lesson.details.reveal': '👀 Show',
  'lesson.details.defaultSummary': 'More',
  'lesson.details.nested': '▸ {summary}',
  'lesson.reveal.header': '💡 {summary}',
  'lesson.unknown': '🔎 No lesson matches `{query}`. See </lesson list>.',
  'lesson.none': 'No lessons are available yet. Please ask an instructor.',
  'lesson.unknownStep': 'This lesson has steps 1 to {count}. Please pick one of those. (given: {step})',
  'lesson.finished': '🏁 You read lesson {lessonId} to the end!',
  'lessonList.header': '## 📚 Lessons',
  'lessonList.line': '**{lessonId}** {title} {marks}\n`{bar}` {done}/{total} steps',
  'lessonList.empty': 'No lessons yet.',
  'lessonList.hint':
    '-# Open one with </lesson open> or continue with </lesson next>. 🏁 finished · ✅ verified',
} satisfies Record<keyof typeof ko, string>;
