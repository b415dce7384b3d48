/**
 * /studygroup: registering study-group channels and their members. Korean is the source; English must
 * have every key.
 */

export const ko = {
  'studygroup.invalidName':
    '✏️ 스터디 그룹 이름은 한 줄로 1~50자 안에서 적어 주세요. 예: `/studygroup create name:화요일 저녁반`',
  'studygroup.alreadyRegistered':
    '📌 <#{channelId}> 채널은 이미 **{name}** 스터디 그룹으로 등록되어 있어요. 이름을 바꾸려면 `/studygroup remove` 후 다시 만들어 주세요.',
  'studygroup.created':
    '✅ <#{channelId}> 채널을 **{name}** 스터디 그룹으로 등록했어요.\n이 채널에서 `/verify`에 처음 성공한 학습자는 채널에 축하 메시지로 알려요. 멤버는 `/studygroup add`로 추가할 수 있어요.',
  'studygroup.listHeader': '## 👥 스터디 그룹 ({count}개)',
  'studygroup.listLine':
    '**{name}** · <#{channelId}>\n멤버 {members}명 · 만든 사람 <@{createdBy}> · <t:{createdAt}:f>',
  'studygroup.listEmpty':
    '아직 등록된 스터디 그룹이 없어요. 그룹으로 쓸 채널에서 `/studygroup create name:이름`을 실행해 주세요.',
  'studygroup.listHint':
    '-# 멤버 추가: `/studygroup add user:@학습자` · 등록 해제: `/studygroup remove` (해당 채널에서, 또는 channel 옵션으로)',
  'studygroup.removed':
    '🗑️ **{name}** 스터디 그룹(<#{channelId}>)의 등록을 해제했어요. 멤버 {members}명의 진도와 점수는 그대로 남아 있어요.',
  'studygroup.noGroup':
    '🔎 <#{channelId}> 채널에는 스터디 그룹이 없어요. 먼저 `/studygroup create name:이름 channel:#채널`로 만들어 주세요.',
  'studygroup.memberAdded':
    '✅ <@{userId}>님을 **{name}** 스터디 그룹(<#{channelId}>)에 추가했어요. (멤버 {members}명)',
  'studygroup.alreadyMember': '👌 <@{userId}>님은 이미 **{name}** 스터디 그룹(<#{channelId}>)의 멤버예요.',
} as const;

export const en = {
  'studygroup.invalidName':
    '✏️ A study group name is one line of 1–50 characters, e.g. `/studygroup create name:Tuesday evening`',
  'studygroup.alreadyRegistered':
    '📌 <#{channelId}> is already the study group **{name}**. To rename it, run `/studygroup remove` and create it again.',
  'studygroup.created':
    '✅ Registered <#{channelId}> as the study group **{name}**.\nA learner’s first `/verify` success here is celebrated in this channel. Add members with `/studygroup add`.',
  'studygroup.listHeader': '## 👥 Study groups ({count})',
  'studygroup.listLine':
    '**{name}** · <#{channelId}>\n{members} members · created by <@{createdBy}> · <t:{createdAt}:f>',
  'studygroup.listEmpty':
    'No study groups yet. Run `/studygroup create name:<name>` in the channel the group uses.',
  'studygroup.listHint':
    '-# Add members: `/studygroup add user:@learner` · unregister: `/studygroup remove` (in that channel, or with the channel option)',
  'studygroup.removed':
    '🗑️ Unregistered the study group **{name}** (<#{channelId}>). The progress and points of its {members} members are kept.',
  'studygroup.noGroup':
    '🔎 <#{channelId}> has no study group. Create one first with `/studygroup create name:<name> channel:#channel`.',
  'studygroup.memberAdded':
    '✅ Added <@{userId}> to the study group **{name}** (<#{channelId}>). ({members} members)',
  'studygroup.alreadyMember': '👌 <@{userId}> is already a member of **{name}** (<#{channelId}>).',
} satisfies Record<keyof typeof ko, string>;
