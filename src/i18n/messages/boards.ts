/**
 * What instructors read in /leaderboard (and its CSV) and /stats, with the images (digests) verified
 * by several learners.
 * Korean is the source; English must have every key.
 */

export const ko = {
  'boards.scope.server': '서버 전체',
  'boards.scope.group': '스터디 그룹 {name}',
  'boards.scope.lesson': '레슨 {lessonId} {title}',
  'boards.scope.line': '범위: {scope}',
  'boards.group.none':
    '<#{channelId}> 채널은 스터디 그룹으로 등록되어 있지 않아요. </studygroup create> 명령으로 먼저 등록하거나 다른 채널을 골라 주세요.',
  'boards.leaderboard.header': '## 🏆 리더보드',
  'boards.leaderboard.row': '**{rank}.** <@{userId}> — {points}점',
  'boards.leaderboard.empty':
    '아직 점수를 얻은 학습자가 없어요. 학습자가 단계를 마치거나 퀴즈를 맞히면 여기에 나타나요.',
  'boards.leaderboard.shown': '상위 {count}명을 보여 줘요.',
  'boards.leaderboard.exported':
    '📎 CSV 파일에 {rows}행(학습자 × 레슨)을 담았어요. 엑셀에서 바로 열 수 있어요.',
  'boards.period.all': '전체 기간',
  'boards.period.week': '이번 주 ({from} ~ {to})',
  'boards.period.month': '이번 달 ({year}년 {month}월)',
  'boards.period.season': '시즌 {name} ({from} ~)',
  'boards.period.seasonEnded': '지난 시즌 {name} ({from} ~ {to})',
  'boards.period.line': '기간: {period}',
  'boards.period.unknown': '기간은 이번 주, 이번 달, 시즌, 전체 기간 중에서 골라 주세요.',
  'boards.own.rank': '🙋 내 순위: **{rank}위** (그룹 {outOf}명 중) · {points}점',
  'boards.own.next': '한 계단 올라가려면 **{points}점** 더 필요해요.',
  'boards.own.first': '지금 그룹 1위예요! 🎉',
  'boards.own.unranked': '🙋 이 기간에는 아직 점수가 없어요. 단계를 마치거나 퀴즈를 맞히면 순위에 올라요.',
  'boards.learner.instructorOnly':
    '🔒 학습자는 자기 스터디 그룹의 순위만 볼 수 있어요. 다른 스터디 그룹·레슨 범위와 CSV 내보내기는 강사 전용이에요. 기간만 골라서 </leaderboard> 명령을 다시 써 보세요.',
  'boards.learner.noGroup':
    '아직 스터디 그룹에 들어 있지 않아서 보여 줄 순위가 없어요. 강사에게 스터디 그룹에 넣어 달라고 부탁해 보세요.',
  'boards.season.none':
    '아직 시작한 시즌이 없어요. 강사가 </season start> 명령으로 시즌을 시작하면 시즌 순위를 볼 수 있어요.',
  'boards.season.started':
    '🏁 새 시즌을 시작했어요: **{name}**\n지금부터 얻는 점수가 이 시즌 순위에 들어가요. </leaderboard> `기간:시즌`으로 확인해 보세요.',
  'boards.season.previousEnded': '지난 시즌 **{name}** 순위는 그대로 남고, 이제 점수가 더해지지 않아요.',
  'boards.season.ended':
    '🏁 시즌을 마쳤어요: **{name}**\n다음 시즌을 시작할 때까지 </leaderboard> `기간:시즌`에서 마지막 순위를 볼 수 있어요.',
  'boards.season.noneRunning': '진행 중인 시즌이 없어요. </season start> 명령으로 시작해 보세요.',
  'boards.season.invalidName': '시즌 이름은 한 줄로, 1~{max}자로 적어 주세요.',
  'boards.csv.period': '기간',
  'boards.csv.rank': '순위',
  'boards.csv.userId': '디스코드 사용자 ID',
  'boards.csv.dockerId': '도커 ID',
  'boards.csv.scopePoints': '범위 점수',
  'boards.csv.lessonId': '레슨 번호',
  'boards.csv.lessonTitle': '레슨 제목',
  'boards.csv.lessonPoints': '레슨 점수',
  'boards.csv.stepsDone': '완료한 단계',
  'boards.csv.stepsTotal': '전체 단계',
  'boards.csv.quizFirstTryCorrect': '퀴즈 첫 시도 정답',
  'boards.csv.quizCorrect': '퀴즈 정답',
  'boards.csv.quizTotal': '퀴즈 문항',
  'boards.csv.verified': '이미지 인증',
  'boards.csv.completedAt': '레슨 완료 시각 (UTC)',
  'boards.csv.yes': '예',
  'boards.csv.no': '아니요',
  'boards.stats.header': '## 📊 {lessonId} {title} 통계',
  'boards.stats.opened': '이 레슨을 연 학습자: **{opened}명**',
  'boards.stats.funnelTitle': '### 단계별 완료',
  'boards.stats.funnelStep': '`{step}` {bar} **{learners}명** ({percent}%) · {title}',
  'boards.stats.noSteps': '이 레슨에는 단계가 없어요.',
  'boards.stats.quizTitle': '## 🎮 {lessonId} 퀴즈 문항 분석',
  'boards.stats.quizItem':
    '**문제 {number}.** {prompt}\n└ 응답 {learners}명 · 첫 시도 정답 {percent}% · 가장 많이 고른 오답: {wrong}',
  'boards.stats.quizUnanswered': '**문제 {number}.** {prompt}\n└ 아직 답한 학습자가 없어요.',
  'boards.stats.quizWrong': '{key} ({count}회)',
  'boards.stats.quizNoWrong': '없음',
  'boards.stats.noQuiz': '이 레슨에는 퀴즈가 없어요.',
  'boards.stats.verifyTitle': '## 🔎 {lessonId} </verify> 실패 원인',
  'boards.stats.verifyReason': '{title}\n└ {attempts}회 · 학습자 {learners}명',
  'boards.stats.verifyPassed': '인증에 성공한 확인: {attempts}회 · 학습자 {learners}명',
  'boards.stats.verifyNone': '아직 실패한 </verify> 기록이 없어요.',
  'boards.stats.unknownOutcome': '기타 결과 `{outcome}`',
  'copies.sharedHeader':
    '### 🧬 여러 학습자가 인증한 같은 이미지: 다이제스트 {digests}개 · 학습자 {learners}명\n-# 먼저 인증한 학습자부터 보여 줘요. 이미지를 나눠 썼을 수 있으니 확인해 보세요.',
  'copies.shared': '- `{digest}` · {count}명: {learners}',
  'copies.noneShared': '🧬 같은 이미지(다이제스트)로 인증한 학습자는 없어요.',
  'copies.moreLearners': '외 {count}명',
} as const;

export const en = {
  'boards.scope.server': 'Whole server',
  'boards.scope.group': 'Study group {name}',
  'boards.scope.lesson': 'Lesson {lessonId} {title}',
  'boards.scope.line': 'Scope: {scope}',
  'boards.group.none':
    '<#{channelId}> is not registered as a study group. Register it first with </studygroup create>, or choose another channel.',
  'boards.leaderboard.header': '## 🏆 Leaderboard',
  'boards.leaderboard.row': '**{rank}.** <@{userId}> — {points} points',
  'boards.leaderboard.empty':
    'Nobody has points yet. Learners show up here once they finish steps or answer quiz questions correctly.',
  'boards.leaderboard.shown': 'Showing the top {count}.',
  'boards.leaderboard.exported':
    '📎 The CSV file holds {rows} rows (learner × lesson); it opens directly in a spreadsheet.',
  'boards.period.all': 'All time',
  'boards.period.week': 'This week ({from} – {to})',
  'boards.period.month': 'This month ({year}-{month})',
  'boards.period.season': 'Season {name} (since {from})',
  'boards.period.seasonEnded': 'Last season {name} ({from} – {to})',
  'boards.period.line': 'Period: {period}',
  'boards.period.unknown': 'Choose the period from this week, this month, season or all time.',
  'boards.own.rank': '🙋 Your place: **{rank}** of {outOf} in your group · {points} points',
  'boards.own.next': '**{points} more points** to move up one place.',
  'boards.own.first': 'You are first in your group! 🎉',
  'boards.own.unranked':
    '🙋 No points in this period yet. Finish a step or answer a quiz question to get on the board.',
  'boards.learner.instructorOnly':
    '🔒 Learners see their own study group’s board. Other study groups, lessons and the CSV export are for instructors. Run </leaderboard> again with only a period.',
  'boards.learner.noGroup':
    'You are not in a study group yet, so there is no board to show you. Ask an instructor to add you to one.',
  'boards.season.none':
    'No season has been started yet. Once an instructor starts one with </season start>, its board shows here.',
  'boards.season.started':
    '🏁 New season started: **{name}**\nPoints earned from now on count towards it. See </leaderboard> `period:season`.',
  'boards.season.previousEnded': 'Last season **{name}** keeps its board and earns no more points.',
  'boards.season.ended':
    '🏁 Season ended: **{name}**\nIts final board stays at </leaderboard> `period:season` until the next season starts.',
  'boards.season.noneRunning': 'No season is running. Start one with </season start>.',
  'boards.season.invalidName': 'Write the season name on one line, 1–{max} characters.',
  'boards.csv.period': 'Period',
  'boards.csv.rank': 'Rank',
  'boards.csv.userId': 'Discord user ID',
  'boards.csv.dockerId': 'Docker ID',
  'boards.csv.scopePoints': 'Points in scope',
  'boards.csv.lessonId': 'Lesson',
  'boards.csv.lessonTitle': 'Lesson title',
  'boards.csv.lessonPoints': 'Lesson points',
  'boards.csv.stepsDone': 'Steps done',
  'boards.csv.stepsTotal': 'Steps',
  'boards.csv.quizFirstTryCorrect': 'Quiz right first try',
  'boards.csv.quizCorrect': 'Quiz right',
  'boards.csv.quizTotal': 'Quiz questions',
  'boards.csv.verified': 'Image verified',
  'boards.csv.completedAt': 'Lesson completed at (UTC)',
  'boards.csv.yes': 'yes',
  'boards.csv.no': 'no',
  'boards.stats.header': '## 📊 Statistics for {lessonId} {title}',
  'boards.stats.opened': 'Learners who opened this lesson: **{opened}**',
  'boards.stats.funnelTitle': '### Completed per step',
  'boards.stats.funnelStep': '`{step}` {bar} **{learners}** ({percent}%) · {title}',
  'boards.stats.noSteps': 'This lesson has no steps.',
  'boards.stats.quizTitle': '## 🎮 {lessonId} quiz item analysis',
  'boards.stats.quizItem':
    '**Question {number}.** {prompt}\n└ {learners} answered · {percent}% right first try · most picked wrong option: {wrong}',
  'boards.stats.quizUnanswered': '**Question {number}.** {prompt}\n└ Nobody has answered yet.',
  'boards.stats.quizWrong': '{key} ({count}×)',
  'boards.stats.quizNoWrong': 'none',
  'boards.stats.noQuiz': 'This lesson has no quiz.',
  'boards.stats.verifyTitle': '## 🔎 {lessonId} </verify> failure reasons',
  'boards.stats.verifyReason': '{title}\n└ {attempts}× · {learners} learners',
  'boards.stats.verifyPassed': 'Successful checks: {attempts}× · {learners} learners',
  'boards.stats.verifyNone': 'No failed </verify> yet.',
  'boards.stats.unknownOutcome': 'Other outcome `{outcome}`',
  'copies.sharedHeader':
    '### 🧬 Images verified by several learners: {digests} digests · {learners} learners\n-# Whoever verified first comes first. They may have shared one image: worth a look.',
  'copies.shared': '- `{digest}` · {count} learners: {learners}',
  'copies.noneShared': '🧬 No two learners verified the same image (digest).',
  'copies.moreLearners': 'and {count} more',
} satisfies Record<keyof typeof ko, string>;
