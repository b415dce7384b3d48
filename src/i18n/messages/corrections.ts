/**
 * Instructors' corrections (reset a lesson, adjust points, release a Docker ID): the confirmation,
 * the result and the audit log that /progress shows.
 * Korean is the source; English must have every key.
 */

export const ko = {
  'corrections.confirm.header': '## ⚠️ 정정 확인\n학습자: <@{userId}>',
  'corrections.confirm.hint':
    '-# {minutes}분 안에 **적용**을 눌러야 바뀌어요. 누르기 전에는 아무것도 바뀌지 않아요.',
  'corrections.button.confirm': '적용',
  'corrections.button.cancel': '취소',
  'corrections.reset': '**레슨 {lessonId} 초기화**: {points}, {removed} 삭제',
  'corrections.removed.steps': '{lessonId} 단계 {count}개',
  'corrections.removed.questions': '퀴즈 {count}문제',
  'corrections.removed.verified': '인증 표시',
  'corrections.removed.completed': '완료 표시',
  'corrections.adjust': '**점수 조정**: {points} · 사유: {reason}',
  'corrections.adjustInLesson': '**점수 조정** (레슨 {lessonId}): {points} · 사유: {reason}',
  'corrections.release':
    '**도커 ID 해제**: `{dockerId}` 연결을 끊어요. 다음에 이 ID로 인증하는 학습자는 새 확인 코드로 소유를 다시 확인해야 해요.',
  'corrections.points': '{points}점',
  'corrections.total': '총점: {before}점 → **{after}점**',
  'corrections.applied': '## ✅ 정정을 적용했어요\n학습자: <@{userId}>',
  'corrections.recorded': '-# 정정 기록 #{id}에 남겼어요. </progress> `학습자:` 명령으로 볼 수 있어요.',
  'corrections.cancelled': '취소했어요. 아무것도 바뀌지 않았어요.',
  'corrections.expired':
    '⌛ {minutes}분 안에 적용하지 않아서 취소됐어요. 아무것도 바뀌지 않았어요. 명령을 다시 실행해 주세요.',
  'corrections.gone': '이미 적용했거나 취소한 정정이에요. 아무것도 바뀌지 않았어요.',
  'corrections.nothing': '그사이 바뀐 게 있어서 고칠 내용이 남아 있지 않아요. 아무것도 바뀌지 않았어요.',
  'corrections.notYours': '🙅 다른 강사가 요청한 정정이에요. 직접 명령을 실행해 주세요.',
  'corrections.nothingToReset': '<@{userId}> 학습자의 레슨 {lessonId} 기록이 없어서 초기화할 게 없어요.',
  'corrections.invalidPoints': '조정할 점수는 0이 아닌 정수로, -{max}부터 {max} 사이에서 적어 주세요.',
  'corrections.invalidReason': '사유는 한 줄로, 1~{max}자로 적어 주세요.',
  'corrections.belowZero':
    '점수는 0점 아래로 내려갈 수 없어요. 지금 {current}점이라서 최대 {current}점까지 뺄 수 있어요.',
  'corrections.history.header': '### 🧾 정정 기록',
  'corrections.history.entry': '- <t:{at}:f> · 강사 <@{by}> · {what} · 총점 {before}점 → {after}점',
  'corrections.history.reset': '레슨 {lessonId} 초기화 ({removed} 삭제)',
  'corrections.history.resetEmpty': '레슨 {lessonId} 초기화',
  'corrections.history.adjust': '점수 조정 {points} · 사유: {reason}',
  'corrections.history.adjustInLesson': '점수 조정 {points} (레슨 {lessonId}) · 사유: {reason}',
  'corrections.history.release': '도커 ID `{dockerId}` 해제',
} as const;

export const en = {
  'corrections.confirm.header': '## ⚠️ Confirm the correction\nLearner: <@{userId}>',
  'corrections.confirm.hint': '-# Nothing changes until you press **Apply**, within {minutes} minutes.',
  'corrections.button.confirm': 'Apply',
  'corrections.button.cancel': 'Cancel',
  'corrections.reset': '**Reset lesson {lessonId}**: {points}; removes {removed}',
  'corrections.removed.steps': '{count} steps of {lessonId}',
  'corrections.removed.questions': '{count} quiz answers',
  'corrections.removed.verified': 'the verified mark',
  'corrections.removed.completed': 'the completed mark',
  'corrections.adjust': '**Points adjustment**: {points} · reason: {reason}',
  'corrections.adjustInLesson': '**Points adjustment** (lesson {lessonId}): {points} · reason: {reason}',
  'corrections.release':
    '**Release Docker ID**: unlinks `{dockerId}`. Whoever verifies with it next must prove ownership again with a new code.',
  'corrections.points': '{points} points',
  'corrections.total': 'Total: {before} → **{after}** points',
  'corrections.applied': '## ✅ Correction applied\nLearner: <@{userId}>',
  'corrections.recorded': '-# Recorded as correction #{id}; see </progress> `user:`.',
  'corrections.cancelled': 'Cancelled. Nothing changed.',
  'corrections.expired':
    '⌛ Not applied within {minutes} minutes, so it was dropped. Nothing changed. Run the command again.',
  'corrections.gone': 'This correction was already applied or cancelled. Nothing changed.',
  'corrections.nothing': 'Things changed meanwhile and there is nothing left to correct. Nothing changed.',
  'corrections.notYours': '🙅 Another instructor asked for this correction. Run the command yourself.',
  'corrections.nothingToReset': '<@{userId}> has nothing in lesson {lessonId} to reset.',
  'corrections.invalidPoints': 'Give the points as a whole number other than 0, from -{max} to {max}.',
  'corrections.invalidReason': 'Write the reason on one line, 1–{max} characters.',
  'corrections.belowZero':
    'Points cannot go below 0. They are at {current} now, so you can take away at most {current}.',
  'corrections.history.header': '### 🧾 Corrections',
  'corrections.history.entry': '- <t:{at}:f> · instructor <@{by}> · {what} · total {before} → {after}',
  'corrections.history.reset': 'reset lesson {lessonId} (removed {removed})',
  'corrections.history.resetEmpty': 'reset lesson {lessonId}',
  'corrections.history.adjust': 'adjusted {points} · reason: {reason}',
  'corrections.history.adjustInLesson': 'adjusted {points} (lesson {lessonId}) · reason: {reason}',
  'corrections.history.release': 'released Docker ID `{dockerId}`',
} satisfies Record<keyof typeof ko, string>;
