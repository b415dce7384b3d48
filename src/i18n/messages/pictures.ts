/**
 * Text drawn into pictures (the /stats funnel, the /progress card, the completion certificate).
 * Korean is the source; English must have every key. The picture font has no emoji: symbols
 * here are plain ones it draws (▼, ⋯). A picture cannot hold a command mention: commands are
 * written with the name the reader's client shows (`/레슨 계속`, `/lesson next`).
 */
export const ko = {
  'pictures.scope.server': '{server} 서버 전체',
  'pictures.scope.serverUnnamed': '서버 전체',
  'pictures.scope.group': '스터디 그룹 {group}',
  'pictures.unnamedLearner': '이름 없는 학습자',

  'pictures.funnel.eyebrow': '단계별 완료 현황',
  'pictures.funnel.title': '{lessonId} {title}',
  'pictures.funnel.opened': '레슨을 연 학습자 {count}명',
  'pictures.funnel.asOf': '{date} 기준',
  'pictures.funnel.columnStep': '단계',
  'pictures.funnel.columnLearners': '완료한 학습자',
  'pictures.funnel.columnShare': '비율',
  'pictures.funnel.learners': '{count}명',
  'pictures.funnel.percent': '{percent}%',
  'pictures.funnel.dropTag': '▼ {count}명',
  'pictures.funnel.dropCaption':
    '가장 큰 이탈: {to}단계 「{title}」에서 {count}명이 멈췄어요 ({from}단계 대비 {points}%p)',
  'pictures.funnel.noDrop': '다음 단계로 넘어가며 줄어든 학습자가 없어요.',
  'pictures.funnel.empty': '아직 이 레슨을 연 학습자가 없어요.',
  'pictures.funnel.noSteps': '이 레슨에는 단계가 없어요.',
  'pictures.funnel.untitled': '제목 없는 단계',
  'pictures.funnel.gap': '⋯ {count}개 단계 생략',
  'pictures.funnel.hidden': '단계가 많아 전체 {total}단계 중 {hidden}개 단계는 그림에 넣지 않았어요.',
  'pictures.funnel.legend': '막대와 비율은 레슨을 연 학습자 대비예요.',
  'pictures.funnel.description':
    '{lessonId} {title} 단계별 완료 그래프 ({scope}). 레슨을 연 학습자 {opened}명, {steps}단계. {drop}',

  'pictures.card.eyebrow': '학습 현황',
  'pictures.card.eyebrowServer': '{server} 학습 현황',
  'pictures.card.points': '총 점수',
  'pictures.card.pointsValue': '{points}점',
  'pictures.card.rank': '순위',
  'pictures.card.rankPlace': '{rank}위',
  'pictures.card.rankOutOf': '/ {outOf}명',
  'pictures.card.unranked': '아직 없어요',
  'pictures.card.verifiedLessons': '인증한 레슨',
  'pictures.card.verifiedValue': '{verified} / {total}',
  'pictures.card.streak': '연속 활동',
  'pictures.card.streakValue': '{weeks}주',
  'pictures.card.lessons': '레슨별 진행',
  'pictures.card.steps': '{done}/{total} 단계',
  'pictures.card.quiz': '퀴즈 {correct}/{total}',
  'pictures.card.lessonPoints': '{points}점',
  'pictures.card.verified': '인증 완료',
  'pictures.card.notVerified': '미인증',
  'pictures.card.noLessons': '아직 시작한 레슨이 없어요. /레슨 계속 명령으로 첫 레슨을 시작해 보세요.',
  'pictures.card.moreLessons': '외 {count}개 레슨',
  'pictures.card.description':
    '{name}의 학습 현황: 총 {points}점, 순위 {rank}. 레슨 {lessons}개 중 {verified}개 인증.',

  'pictures.certificate.eyebrow': 'CERTIFICATE OF COMPLETION',
  'pictures.certificate.title': '수료증',
  'pictures.certificate.statement':
    '과정의 모든 레슨을 마치고, 직접 빌드한 이미지를 도커 허브에 올려 인증까지 완료했어요.',
  'pictures.certificate.date': '수료일',
  'pictures.certificate.server': '서버',
  'pictures.certificate.image': '인증 이미지',
  'pictures.certificate.digest': '이미지 다이제스트',
  'pictures.certificate.code': '수료증 코드',
  'pictures.certificate.check': '이 수료증은 디스코드에서 {command} 명령으로 확인할 수 있어요.',
  'pictures.certificate.seal': '인증 완료',
  'pictures.certificate.description':
    '{name}의 {course} 수료증. 수료일 {date}, 인증 이미지 {image}, 수료증 코드 {code}.',

  'pictures.cli.usage': '사용법: npm run render:samples -- [--out 폴더] (기본 폴더: samples/pictures)',
} as const;

export const en = {
  'pictures.scope.server': 'All of {server}',
  'pictures.scope.serverUnnamed': 'Whole server',
  'pictures.scope.group': 'Study group {group}',
  'pictures.unnamedLearner': 'Unnamed learner',

  'pictures.funnel.eyebrow': 'Step completion',
  'pictures.funnel.title': '{lessonId} {title}',
  'pictures.funnel.opened': 'Learners who opened the lesson: {count}',
  'pictures.funnel.asOf': 'As of {date}',
  'pictures.funnel.columnStep': 'Step',
  'pictures.funnel.columnLearners': 'Finished',
  'pictures.funnel.columnShare': 'Share',
  'pictures.funnel.learners': '{count}',
  'pictures.funnel.percent': '{percent}%',
  'pictures.funnel.dropTag': '▼ {count}',
  'pictures.funnel.dropCaption':
    'Biggest drop at step {to} “{title}”: {count} fewer than step {from} ({points} pp)',
  'pictures.funnel.noDrop': 'No step has fewer learners than the one before it.',
  'pictures.funnel.empty': 'No learner has opened this lesson yet.',
  'pictures.funnel.noSteps': 'This lesson has no steps.',
  'pictures.funnel.untitled': 'Untitled step',
  'pictures.funnel.gap': '⋯ steps not shown: {count}',
  'pictures.funnel.hidden': 'Too many steps to draw: {hidden} of {total} steps are not shown.',
  'pictures.funnel.legend': 'Bars and percentages are relative to learners who opened the lesson.',
  'pictures.funnel.description':
    'Step completion chart for {lessonId} {title} ({scope}). Learners who opened the lesson: {opened}; steps: {steps}. {drop}',

  'pictures.card.eyebrow': 'Learning progress',
  'pictures.card.eyebrowServer': 'Learning progress in {server}',
  'pictures.card.points': 'Points',
  'pictures.card.pointsValue': '{points}',
  'pictures.card.rank': 'Rank',
  'pictures.card.rankPlace': '#{rank}',
  'pictures.card.rankOutOf': 'of {outOf}',
  'pictures.card.unranked': 'Not yet',
  'pictures.card.verifiedLessons': 'Verified lessons',
  'pictures.card.verifiedValue': '{verified} / {total}',
  'pictures.card.streak': 'Active streak',
  'pictures.card.streakValue': '{weeks} wk',
  'pictures.card.lessons': 'Lessons',
  'pictures.card.steps': '{done}/{total} steps',
  'pictures.card.quiz': 'Quiz {correct}/{total}',
  'pictures.card.lessonPoints': '{points} pts',
  'pictures.card.verified': 'Verified',
  'pictures.card.notVerified': 'Not verified',
  'pictures.card.noLessons': 'No lesson started yet. Start the first one with /lesson next.',
  'pictures.card.moreLessons': '+{count} more',
  'pictures.card.description':
    'Learning progress of {name}: {points} points, rank {rank}. Verified {verified} of {lessons} lessons.',

  'pictures.certificate.eyebrow': 'DOCKER STUDY',
  'pictures.certificate.title': 'Certificate of Completion',
  'pictures.certificate.statement':
    'Finished every lesson of this course and verified an image they built and pushed to Docker Hub.',
  'pictures.certificate.date': 'Completed on',
  'pictures.certificate.server': 'Server',
  'pictures.certificate.image': 'Verified image',
  'pictures.certificate.digest': 'Image digest',
  'pictures.certificate.code': 'Certificate code',
  'pictures.certificate.check': 'Check this certificate in Discord with {command}.',
  'pictures.certificate.seal': 'VERIFIED',
  'pictures.certificate.description':
    'Certificate of completion of {course} for {name}. Completed on {date}; verified image {image}; certificate code {code}.',

  'pictures.cli.usage': 'Usage: npm run render:samples -- [--out DIR] (default: samples/pictures)',
} satisfies Record<keyof typeof ko, string>;
