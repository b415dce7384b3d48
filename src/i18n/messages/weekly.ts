/**
 * A study group's week: the weekly digest in the group's channel, its setting (/studygroup
 * digest), and personal reminders (/remind). Korean is the source; English must have every key.
 */

export const ko = {
  'digest.day0': '월요일',
  'digest.day1': '화요일',
  'digest.day2': '수요일',
  'digest.day3': '목요일',
  'digest.day4': '금요일',
  'digest.day5': '토요일',
  'digest.day6': '일요일',
  'digest.schedule': '매주 {day} {hour}시',
  'digest.title': '## 📅 {name} · 주간 요약',
  'digest.period': '-# <t:{from}:D> ~ <t:{to}:D>',
  'digest.achievementsHeader': '### 🎉 이번 주의 성과 ({count}명)',
  'digest.completed': '✅ 완료 {lessons}',
  'digest.verified': '🐳 인증 {lessons}',
  'digest.unnamedMember': '멤버',
  'digest.moreLearners': '… 외 {count}명',
  'digest.noAchievements': '이번 주에 레슨을 완료하거나 인증한 멤버는 없어요. 다음 주에는 함께해 봐요!',
  'digest.stoppedHeader': '### 🧭 가장 많이 멈춰 있는 단계',
  'digest.stoppedAt': '레슨 {lessonId} · {step}단계 「{title}」 · 멤버 {members}명',
  'digest.stoppedNowhere': '멈춰 있는 멤버가 없어요.',
  'digest.rankHeader': '### 🏆 그룹 현황',
  'digest.rank': '이번 주 **{points}점** · 스터디 그룹 {outOf}개 중 **{rank}위**',
  'digest.rankNoPoints': '이번 주에는 얻은 점수가 없어요. (스터디 그룹 {outOf}개)',
  'digest.inactive': '💤 7일 넘게 학습 기록이 없는 멤버: **{count}명** (전체 {members}명)',
  'digest.allActive': '💪 멤버 {members}명 모두 최근 7일 안에 학습했어요!',
  'digest.footer': '-# {schedule}({timeZone} 기준)에 보내는 요약이에요 · 설정: </studygroup digest>',
  'digest.scheduled':
    '📅 **{name}** 스터디 그룹(<#{channelId}>)의 주간 요약을 {schedule}({timeZone} 기준)에 보낼게요. 첫 요약: <t:{next}:F>',
  'digest.switchedOff': '🔕 **{name}** 스터디 그룹(<#{channelId}>)의 주간 요약을 껐어요.',
  'digest.wasOff': '🔕 **{name}** 스터디 그룹(<#{channelId}>)의 주간 요약은 이미 꺼져 있어요.',
  'digest.hourNeeded':
    '🕘 요약을 보낼 시각을 `시:` 옵션에 0~23 사이로 적어 주세요. 예: </studygroup digest> `요일:월 시:9`',
  'digest.invalidDay': '📅 요일은 목록에서 골라 주세요 (월~일, 또는 끄기).',
  'digest.listOn': '📅 주간 요약: {schedule}',
  'digest.listOff': '🔕 주간 요약 꺼짐',
  'remind.on':
    '⏰ {days}일 동안 학습 기록이 없으면 개인 메시지(DM)로 한 번 알려 드릴게요. 방금 확인용 DM을 보냈어요. 끄기: </remind off>',
  'remind.dmClosed':
    '📪 개인 메시지(DM)를 보낼 수 없어서 알림을 멈춰 두었어요. 이 서버의 개인정보 설정에서 다이렉트 메시지를 허용한 뒤 </remind on> 명령을 다시 실행해 주세요.',
  'remind.dmFailed':
    '⏰ 알림은 켜 두었어요. 다만 확인용 DM을 지금은 보내지 못했어요. 알림을 보낼 때 다시 시도할게요.',
  'remind.off': '🔕 학습 알림을 껐어요.',
  'remind.wasOff': '🔕 켜져 있는 학습 알림이 없어요. 켜려면 </remind on> `일수:3`처럼 실행해 주세요.',
  'remind.invalidDays': '🔢 알림 기준은 1~30일 사이로 골라 주세요. 예: </remind on> `일수:3`',
  'remind.welcome':
    '⏰ 학습 알림을 켰어요. {days}일 동안 학습 기록이 없으면 여기로 알려 드릴게요. 끄려면 서버에서 </remind off> 명령을 실행해 주세요.',
  'remind.nudge':
    '👋 {days}일 넘게 학습 기록이 없어요. 서버에서 </lesson next> 명령으로 이어서 학습해 보세요! 단계 하나면 충분해요.\n-# 알림 끄기: 서버에서 </remind off>',
} as const;

export const en = {
  'digest.day0': 'Monday',
  'digest.day1': 'Tuesday',
  'digest.day2': 'Wednesday',
  'digest.day3': 'Thursday',
  'digest.day4': 'Friday',
  'digest.day5': 'Saturday',
  'digest.day6': 'Sunday',
  'digest.schedule': 'every {day} at {hour}:00',
  'digest.title': '## 📅 {name} · weekly digest',
  'digest.period': '-# <t:{from}:D> – <t:{to}:D>',
  'digest.achievementsHeader': '### 🎉 This week ({count})',
  'digest.completed': '✅ completed {lessons}',
  'digest.verified': '🐳 verified {lessons}',
  'digest.unnamedMember': 'a member',
  'digest.moreLearners': '… and {count} more',
  'digest.noAchievements': 'No member completed or verified a lesson this week. Next week, together!',
  'digest.stoppedHeader': '### 🧭 Where most members stopped',
  'digest.stoppedAt': 'Lesson {lessonId}, step {step} “{title}” · {members} members',
  'digest.stoppedNowhere': 'Nobody is stuck.',
  'digest.rankHeader': '### 🏆 The group',
  'digest.rank': '**{points} points** this week · rank **{rank}** of {outOf} study groups',
  'digest.rankNoPoints': 'No points this week. ({outOf} study groups)',
  'digest.inactive': '💤 Members without learning for over 7 days: **{count}** (of {members})',
  'digest.allActive': '💪 All {members} members learned in the last 7 days!',
  'digest.footer': '-# Sent {schedule} ({timeZone}) · settings: </studygroup digest>',
  'digest.scheduled':
    '📅 The study group **{name}** (<#{channelId}>) gets its weekly digest {schedule} ({timeZone}). First one: <t:{next}:F>',
  'digest.switchedOff': '🔕 Switched off the weekly digest of **{name}** (<#{channelId}>).',
  'digest.wasOff': '🔕 The weekly digest of **{name}** (<#{channelId}>) is already off.',
  'digest.hourNeeded':
    '🕘 Give the hour to send it at with `hour:` (0–23), e.g. </studygroup digest> `day:Mon hour:9`',
  'digest.invalidDay': '📅 Pick the day from the list (Monday–Sunday, or Off).',
  'digest.listOn': '📅 weekly digest: {schedule}',
  'digest.listOff': '🔕 weekly digest off',
  'remind.on':
    '⏰ After {days} days without learning you will get one direct message (DM). A test DM is on its way. To stop: </remind off>',
  'remind.dmClosed':
    '📪 The bot cannot send you direct messages, so the reminder is paused. Allow direct messages in this server’s privacy settings, then run </remind on> again.',
  'remind.dmFailed':
    '⏰ The reminder is on, but the test DM could not be sent right now. It will try again when the reminder is due.',
  'remind.off': '🔕 Reminder switched off.',
  'remind.wasOff': '🔕 No reminder is on. Switch one on with e.g. </remind on> `days:3`.',
  'remind.invalidDays': '🔢 Choose 1 to 30 days, e.g. </remind on> `days:3`',
  'remind.welcome':
    '⏰ Reminder on: after {days} days without learning you will hear from me here. To stop, run </remind off> in the server.',
  'remind.nudge':
    '👋 No learning for more than {days} days. Continue with </lesson next> in the server: one step is enough!\n-# To stop these: </remind off> in the server',
} satisfies Record<keyof typeof ko, string>;
