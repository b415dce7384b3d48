/**
 * /course reload: what changed, or why the course was refused and stays as it was. Korean is the source;
 * English must have every key.
 */

export const ko = {
  'courseReload.header': '## 🔄 레슨 내용을 다시 불러왔어요',
  'courseReload.nothingChanged': '바뀐 내용이 없어요. 레슨 {count}개가 그대로 제공돼요.',
  'courseReload.addedHeader': '**➕ 새 레슨 {count}개**',
  'courseReload.addedLine': '- **{lessonId}** {title} · 단계 {steps}개 · 문제 {questions}개',
  'courseReload.updatedHeader': '**✏️ 바뀐 레슨 {count}개**',
  'courseReload.updatedLine': '- **{lessonId}** {title}: {changes}',
  'courseReload.textOnly': '본문만 바뀌었어요 (단계와 문제는 그대로)',
  'courseReload.stepsAdded': '단계 추가 {ids}',
  'courseReload.stepsRemoved': '단계 삭제 {ids}',
  'courseReload.questionsAdded': '문제 추가 {ids}',
  'courseReload.questionsRemoved': '문제 삭제 {ids}',
  'courseReload.skipped': '**⏭️ 건너뛴 레슨** (insert 모드라 저장된 내용을 유지): {ids}',
  'courseReload.retired': '**📦 목록에서 빠진 레슨** (course.yaml에 없음, 학습 기록은 보관): {ids}',
  'courseReload.unchanged': '**그대로인 레슨 {count}개**: {ids}',
  'courseReload.footer':
    '-# 학습자의 진도는 단계 id 기준으로 유지돼요. 바뀐 레슨을 열어 둔 학습자는 </lesson open> 명령으로 새 화면을 열면 돼요.',
  'courseReload.refusedHeader': '## ⚠️ 레슨 파일에 문제가 있어 다시 불러오지 않았어요',
  'courseReload.refusedBody':
    '지금 제공 중인 레슨은 그대로예요. 아래 문제 {count}개를 고친 뒤 다시 </course reload> 명령을 실행해 주세요.',
  'courseReload.refusedHint': '-# 로컬에서 `npm run content:check`로 먼저 확인할 수 있어요.',
  'courseReload.failedHeader': '## ⚠️ 레슨 파일을 다시 읽지 못했어요',
  'courseReload.failedTimeout':
    '레슨 파일을 읽는 작업이 {seconds}초 안에 끝나지 않아 멈췄어요. 지금 제공 중인 레슨은 그대로예요.',
  'courseReload.failedCrash': '레슨 파일을 읽는 작업이 중간에 멈췄어요. 지금 제공 중인 레슨은 그대로예요.',
  'courseReload.failedHint':
    '-# 로컬에서 `npm run content:check`로 레슨 파일을 확인한 뒤 다시 시도해 주세요. 오류 ID: `{errorId}`',
} as const;

export const en = {
  'courseReload.header': '## 🔄 Course content reloaded',
  'courseReload.nothingChanged': 'Nothing changed. All {count} lessons are served as before.',
  'courseReload.addedHeader': '**➕ {count} new lessons**',
  'courseReload.addedLine': '- **{lessonId}** {title} · {steps} steps · {questions} questions',
  'courseReload.updatedHeader': '**✏️ {count} updated lessons**',
  'courseReload.updatedLine': '- **{lessonId}** {title}: {changes}',
  'courseReload.textOnly': 'text changed only (same steps and questions)',
  'courseReload.stepsAdded': 'steps added {ids}',
  'courseReload.stepsRemoved': 'steps removed {ids}',
  'courseReload.questionsAdded': 'questions added {ids}',
  'courseReload.questionsRemoved': 'questions removed {ids}',
  'courseReload.skipped': '**⏭️ Skipped** (insert mode keeps the stored content): {ids}',
  'courseReload.retired': '**📦 Retired** (not in course.yaml; learners’ history kept): {ids}',
  'courseReload.unchanged': '**{count} unchanged**: {ids}',
  'courseReload.footer':
    '-# Learners keep their progress by step id. Anyone with an updated lesson open gets a fresh page with </lesson open>.',
  'courseReload.refusedHeader': '## ⚠️ The lesson files have problems: nothing was reloaded',
  'courseReload.refusedBody':
    'The course is still served as before. Fix the {count} problems below, then run </course reload> again.',
  'courseReload.refusedHint': '-# You can check locally first with `npm run content:check`.',
  'courseReload.failedHeader': '## ⚠️ Could not read the lesson files',
  'courseReload.failedTimeout':
    'Reading the lesson files did not finish within {seconds} seconds and was stopped. The lessons served now stay.',
  'courseReload.failedCrash': 'Reading the lesson files stopped part-way. The lessons served now stay.',
  'courseReload.failedHint':
    '-# Check the lesson files locally with `npm run content:check`, then try again. Error id: `{errorId}`',
} satisfies Record<keyof typeof ko, string>;
