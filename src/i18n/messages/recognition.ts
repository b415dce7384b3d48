/**
 * Recognition: the /progress card, the completion certificate and its check, and milestone roles
 * (/course roles). Korean is the source; English must have every key.
 */

export const ko = {
  'card.footer': '-# 글로 된 진도는 옵션 없이 /progress를 실행하면 볼 수 있어요.',

  'certificate.courseTitle': '도커 스터디 코스',
  'certificate.header': '## 🎓 수료증',
  'certificate.body': '코스의 모든 레슨을 마치고 인증까지 끝냈어요. 축하해요! 🎉\n수료증 코드: `{code}`',
  'certificate.howToCheck': '-# 강사는 {command} 명령으로 이 코드가 진짜인지 확인할 수 있어요.',
  'certificate.notComplete':
    '🎓 수료증은 코스의 모든 레슨을 마치면 받을 수 있어요. 지금까지 마친 레슨: **{done}/{total}개**\n-# 레슨을 마친다는 건 모든 단계와 퀴즈를 끝내고, 인증이 있는 레슨은 /verify 인증까지 하는 거예요.',
  'certificate.noImage':
    '🎓 모든 레슨을 마쳤지만 인증한 이미지 기록이 없어 수료증을 만들 수 없어요. 강사에게 알려 주세요.',
  'certificate.check.valid':
    '## ✅ 유효한 수료증이에요\n- 학습자: {user}\n- 수료일: {date}\n- 인증 이미지: `{image}`\n- 이미지 다이제스트: `{digest}`\n- 코드: `{code}`',
  'certificate.check.unknown': '❌ 이 서버에서 발급한 수료증 중에 맞는 코드가 없어요: `{code}`',
  'certificate.check.malformed':
    '⚠️ 수료증 코드는 `DSB-XXXX-XXXX-XXXX` 모양이에요. 수료증에 적힌 코드를 그대로 입력해 주세요.',
  'certificate.check.sameServerOnly': '-# 다른 서버에서 발급한 수료증은 그 서버의 강사가 확인할 수 있어요.',
} as const;

export const en = {
  'card.footer': '-# Run /progress without options to read your progress as text.',

  'certificate.courseTitle': 'Docker study course',
  'certificate.header': '## 🎓 Certificate',
  'certificate.body':
    'You finished every lesson of the course, verification included. Congratulations! 🎉\nCertificate code: `{code}`',
  'certificate.howToCheck': '-# Instructors can check this code with {command}.',
  'certificate.notComplete':
    '🎓 The certificate comes when you have finished every lesson of the course. Lessons finished so far: **{done}/{total}**\n-# Finishing a lesson means every step and quiz question, and /verify for lessons with a check.',
  'certificate.noImage':
    '🎓 Every lesson is finished, but there is no verified image on record, so no certificate can be made. Please tell an instructor.',
  'certificate.check.valid':
    '## ✅ Valid certificate\n- Learner: {user}\n- Completed: {date}\n- Verified image: `{image}`\n- Image digest: `{digest}`\n- Code: `{code}`',
  'certificate.check.unknown': '❌ No certificate issued in this server has this code: `{code}`',
  'certificate.check.malformed':
    '⚠️ A certificate code looks like `DSB-XXXX-XXXX-XXXX`. Please type the code exactly as printed on the certificate.',
  'certificate.check.sameServerOnly':
    '-# A certificate issued in another server can be checked by that server’s instructors.',
} satisfies Record<keyof typeof ko, string>;
