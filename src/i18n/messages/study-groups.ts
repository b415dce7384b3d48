/**
 * /studygroup: registering study-group channels and their members. Korean is the source; English must
 * have every key.
 */

export const ko = {
  'studygroup.invalidName':
    '✏️ 스터디 그룹 이름은 한 줄로 1~50자 안에서 적어 주세요. 예: </studygroup create> `이름:화요일 저녁반`',
  'studygroup.alreadyRegistered':
    '📌 <#{channelId}> 채널은 이미 **{name}** 스터디 그룹으로 등록되어 있어요. 이름을 바꾸려면 </studygroup rename> 명령을 써 주세요.',
  'studygroup.created':
    '✅ <#{channelId}> 채널을 **{name}** 스터디 그룹으로 등록했어요.\n이 채널에서 </verify> 명령으로 처음 인증에 성공한 학습자는 채널에 축하 메시지로 알려요. 멤버는 </studygroup add> 명령으로 추가하거나, 학습자가 이 채널에서 </studygroup join> 명령으로 참여할 수 있어요.',
  'studygroup.listHeader': '## 👥 스터디 그룹 ({count}개)',
  'studygroup.listLine':
    '**{name}** · <#{channelId}>\n멤버 {members}명 · 만든 사람 <@{createdBy}> · <t:{createdAt}:f>',
  'studygroup.listEmpty':
    '아직 등록된 스터디 그룹이 없어요. 그룹으로 쓸 채널에서 </studygroup create> `이름:<이름>` 명령을 실행해 주세요.',
  'studygroup.listHint':
    '-# 멤버 추가: </studygroup add> `학습자:@학습자` · 등록 해제: </studygroup remove> (해당 채널에서, 또는 `채널` 옵션으로)',
  'studygroup.removed':
    '🗑️ **{name}** 스터디 그룹(<#{channelId}>)의 등록을 해제했어요. 멤버 {members}명의 진도와 점수는 그대로 남아 있어요.',
  'studygroup.noGroup':
    '🔎 <#{channelId}> 채널에는 스터디 그룹이 없어요. 먼저 </studygroup create> `이름:<이름> 채널:#채널` 명령으로 만들어 주세요.',
  'studygroup.memberAdded':
    '✅ <@{userId}>님을 **{name}** 스터디 그룹(<#{channelId}>)에 추가했어요. (멤버 {members}명)',
  'studygroup.alreadyMember': '👌 <@{userId}>님은 이미 **{name}** 스터디 그룹(<#{channelId}>)의 멤버예요.',
  'studygroup.membersAdded':
    '👥 **{name}** 스터디 그룹(<#{channelId}>)에 새로 {count}명을 추가했어요. (멤버 {members}명)',
  'studygroup.addedList': '✅ 추가: {users}',
  'studygroup.alreadyList': '👌 이미 멤버: {users}',
  'studygroup.renamed':
    '✏️ <#{channelId}> 채널의 스터디 그룹 이름을 바꿨어요: **{previous}** → **{name}**\n멤버 {members}명과 기록, 주간 요약 설정은 그대로예요.',
  'studygroup.moved':
    '🚚 **{name}** 스터디 그룹을 <#{fromChannelId}> → <#{channelId}> 채널로 옮겼어요. 멤버 {members}명과 기록, 주간 요약 설정은 그대로예요.',
  'studygroup.moveSameChannel': '👌 **{name}** 스터디 그룹은 이미 <#{channelId}> 채널에 있어요.',
  'studygroup.moveTargetTaken':
    '📌 <#{channelId}> 채널에는 이미 **{name}** 스터디 그룹이 있어요. 비어 있는 채널을 골라 주세요.',
  'studygroup.joinNoGroup':
    '🔎 이 채널(<#{channelId}>)에는 스터디 그룹이 없어요. 참여하려는 스터디 그룹의 채널에서 </studygroup join> 명령을 실행해 주세요.',
  'studygroup.joined':
    '🙌 **{name}** 스터디 그룹(<#{channelId}>)에 참여했어요. (멤버 {members}명) 나가려면 이 채널에서 </studygroup leave> 명령을 실행해 주세요.',
  'studygroup.alreadyJoined': '👌 이미 **{name}** 스터디 그룹(<#{channelId}>)의 멤버예요.',
  'studygroup.left':
    '👋 **{name}** 스터디 그룹(<#{channelId}>)에서 나왔어요. 진도와 점수는 그대로 남아 있어요.',
  'studygroup.notMember': '🔎 **{name}** 스터디 그룹(<#{channelId}>)의 멤버가 아니에요.',
} as const;

export const en = {
  'studygroup.invalidName':
    '✏️ A study group name is one line of 1–50 characters, e.g. </studygroup create> `name:Tuesday evening`',
  'studygroup.alreadyRegistered':
    '📌 <#{channelId}> is already the study group **{name}**. To rename it, use </studygroup rename>.',
  'studygroup.created':
    '✅ Registered <#{channelId}> as the study group **{name}**.\nA learner’s first </verify> success here is celebrated in this channel. Add members with </studygroup add>, or learners join with </studygroup join> here.',
  'studygroup.listHeader': '## 👥 Study groups ({count})',
  'studygroup.listLine':
    '**{name}** · <#{channelId}>\n{members} members · created by <@{createdBy}> · <t:{createdAt}:f>',
  'studygroup.listEmpty':
    'No study groups yet. Run </studygroup create> `name:<name>` in the channel the group uses.',
  'studygroup.listHint':
    '-# Add members: </studygroup add> `user:@learner` · unregister: </studygroup remove> (in that channel, or with the channel option)',
  'studygroup.removed':
    '🗑️ Unregistered the study group **{name}** (<#{channelId}>). The progress and points of its {members} members are kept.',
  'studygroup.noGroup':
    '🔎 <#{channelId}> has no study group. Create one first with </studygroup create> `name:<name> channel:#channel`.',
  'studygroup.memberAdded':
    '✅ Added <@{userId}> to the study group **{name}** (<#{channelId}>). ({members} members)',
  'studygroup.alreadyMember': '👌 <@{userId}> is already a member of **{name}** (<#{channelId}>).',
  'studygroup.membersAdded':
    '👥 Added {count} new members to the study group **{name}** (<#{channelId}>). ({members} members)',
  'studygroup.addedList': '✅ Added: {users}',
  'studygroup.alreadyList': '👌 Already members: {users}',
  'studygroup.renamed':
    '✏️ Renamed the study group of <#{channelId}> from **{previous}** to **{name}**. Its {members} members, history and weekly digest settings stay.',
  'studygroup.moved':
    '🚚 Moved the study group **{name}** from <#{fromChannelId}> to <#{channelId}>. Its {members} members, history and weekly digest settings stay.',
  'studygroup.moveSameChannel': '👌 The study group **{name}** is already in <#{channelId}>.',
  'studygroup.moveTargetTaken':
    '📌 <#{channelId}> already holds the study group **{name}**. Pick a channel without one.',
  'studygroup.joinNoGroup':
    '🔎 This channel (<#{channelId}>) has no study group. Run </studygroup join> in the channel of the group you want to join.',
  'studygroup.joined':
    '🙌 You joined the study group **{name}** (<#{channelId}>). ({members} members) To leave, run </studygroup leave> here.',
  'studygroup.alreadyJoined': '👌 You are already a member of **{name}** (<#{channelId}>).',
  'studygroup.left':
    '👋 You left the study group **{name}** (<#{channelId}>). Your progress and points stay.',
  'studygroup.notMember': '🔎 You are not a member of **{name}** (<#{channelId}>).',
} satisfies Record<keyof typeof ko, string>;
