/**
 * /verify: what was found on Docker Hub, what to fix, and the name rules a Docker ID, repository and tag
 * follow. Korean is the source; English must have every key.
 */

export const ko = {
  // Titles, one per lookup outcome.
  'verify.title.found': '✅ 도커 허브에서 이미지를 확인했어요!',
  'verify.title.tag-missing': '🏷️ 리포지토리는 있지만 `{tag}` 태그가 없어요',
  'verify.title.repository-missing-or-private': '🔍 도커 허브에서 리포지토리를 찾을 수 없어요',
  'verify.title.not-built-from-base': '🧱 `{base}` 이미지로 빌드한 이미지가 아니에요',
  'verify.title.platform-not-found': '🖥️ `{base}`{와/과} 같은 플랫폼의 이미지가 없어요',
  'verify.title.rate-limited': '⏳ 도커 허브 요청 한도에 걸렸어요',
  'verify.title.cooldown': '⏳ 조금만 기다려 주세요',
  'verify.title.unavailable': '🌧️ 지금은 도커 허브에 확인할 수 없어요',
  'verify.title.auth-realm-refused': '⚠️ 봇 설정 문제로 확인할 수 없어요',
  'verify.title.invalid-input': '✏️ 입력한 이름을 확인해 주세요',
  'verify.title.configuration-error': '⚠️ 코스 설정 문제로 확인할 수 없어요',
  'verify.title.no-own-layer': '🧱 `{base}` 위에 직접 더한 레이어가 없어요',
  'verify.title.base-image-refused': '🧱 코스의 베이스 이미지는 인증할 수 없어요',
  'verify.title.proof-tag-missing': '🔑 이 도커 ID가 내 것인지 한 번만 확인할게요',
  'verify.title.proof-tag-mismatch': '🔑 확인용 태그가 다른 이미지를 가리켜요',
  'verify.title.in-progress': '⏳ 앞서 보낸 확인이 아직 진행 중이에요',
  'verify.title.hub-down': '🌧️ 도커 허브가 응답하지 않아요',
  'verify.title.busy': '⏳ 지금 확인을 기다리는 학습자가 많아요',
  'verify.title.interrupted': '🔄 봇이 재시작하고 있어요',
  // What was found.
  'verify.found.image': '이미지: `{image}`',
  'verify.found.digest': '다이제스트: `{digest}`',
  'verify.found.platform': '플랫폼: `{platform}`',
  'verify.found.base': '`{base}` 위에 빌드된 것을 확인했어요.',
  'verify.found.pushedAt': '도커 허브 기록상 마지막 푸시: {pushedAt}',
  'verify.found.size': '압축된 크기: {size}',
  'verify.found.platforms': '도커 허브에 보이는 플랫폼: {platforms}',
  'verify.found.checkedPlatforms': '비교한 플랫폼: {platforms}',
  'verify.found.comparedSingle':
    '플랫폼 목록이 없는 단일 이미지라서 이미지 그대로 `{base}`{와/과} 비교했어요.',
  'verify.found.learnerNoPlatforms': '푸시한 이미지에는 플랫폼 정보가 없어요.',
  'verify.found.baseNoPlatforms': '`{base}`에는 플랫폼 정보가 없어요.',
  'verify.found.skippedEntries':
    '이미지 인덱스의 항목 {count}개는 확인하지 않았어요. 플랫폼마다 첫 항목만, 한 번에 최대 {max}개까지 확인해요.',
  'verify.found.learnerPlatforms': '푸시한 이미지의 플랫폼: {platforms}',
  'verify.found.basePlatforms': '`{base}`의 플랫폼: {platforms}',
  'verify.found.proofMissing': '확인용 태그 `{proofTag}`: 아직 없어요',
  'verify.found.proofDigest': '확인용 태그 `{proofTag}`의 다이제스트: `{digest}`',
  'verify.found.proven': '확인용 태그 `{proofTag}`도 같은 이미지를 가리켜요. 도커 ID 소유를 확인했어요.',
  // What to do next.
  'verify.fix.found': '레슨을 끝까지 잘 따라 했어요. 수고했어요! 🎉',
  'verify.fix.tag-missing':
    '`{image}` 리포지토리에 `{tag}` 태그가 없어요. {tagStep}에서처럼 태그를 붙이고 {pushStep}에서처럼 다시 푸시해 주세요.',
  'verify.fix.missing-or-private.intro': '두 가지 경우 중 하나예요.',
  'verify.fix.missing-or-private.push': '1. 아직 푸시하지 않았다면 {pushStep}의 명령으로 푸시해 주세요.',
  'verify.fix.missing-or-private.public':
    '2. 푸시했다면 리포지토리가 비공개(Private)일 수 있어요. {publishStep}처럼 hub.docker.com에서 `{repository}` 리포지토리가 공개(Public)인지 확인해 주세요.',
  'verify.fix.missing-or-private.spelling': '도커 ID `{dockerId}`의 철자도 한 번 더 확인해 주세요.',
  'verify.fix.not-built-from-base':
    '푸시한 이미지는 `{base}`에서 시작하지 않았어요. Dockerfile의 `FROM`이 `{base}`인지 확인하고 아래 명령으로 다시 빌드해 주세요. 그다음 {tagStep}에서처럼 태그를 붙이고 {pushStep}에서처럼 푸시하면 돼요.',
  'verify.fix.buildHint': '📖 {hint}',
  'verify.fix.platform-not-found':
    '`{base}`에 있는 플랫폼으로 빌드한 이미지만 비교할 수 있어요. 아래 명령처럼 `--platform {platform}`{을/를} 붙여 다시 빌드한 뒤, {tagStep}에서처럼 태그를 붙이고 {pushStep}에서처럼 푸시해 주세요.',
  'verify.fix.rate-limited': '{seconds}초 뒤에 다시 </verify> 해 주세요. 모든 학습자가 함께 쓰는 한도예요.',
  'verify.fix.cooldown': '확인은 {seconds}초 뒤에 다시 할 수 있어요.',
  'verify.fix.unavailable': '도커 허브가 응답하지 않아요 ({reason}). 잠시 뒤에 다시 </verify> 해 주세요.',
  'verify.fix.auth-realm-refused':
    '강사에게 알려 주세요: 레지스트리 인증 서버 `{realmHost}`{이/가} 허용 목록에 없어요.',
  'verify.fix.invalid-input': '아래 규칙에 맞게 다시 입력해 주세요.',
  'verify.fix.configuration-error':
    '강사에게 알려 주세요: 코스의 베이스 이미지 `{base}`{을/를} 찾을 수 없어요.',
  'verify.fix.no-own-layer':
    '푸시한 이미지의 레이어가 `{base}` 이미지와 똑같아요. 베이스 이미지에 이름만 새로 붙인 것이라서 직접 빌드한 이미지로 볼 수 없어요. Dockerfile로 `{base}` 위에 `{repository}` 이미지를 빌드한 뒤, {tagStep}{와/과} {pushStep}{을/를} 다시 해 주세요.',
  'verify.fix.base-image-refused':
    '`{namespace}` 네임스페이스는 코스의 베이스 이미지(`{base}`)를 배포하는 곳이에요. </verify> 명령은 이 베이스 이미지 위에 내가 직접 빌드해서 내 도커 ID로 푸시한 이미지를 확인해요. `도커-id`에는 내 도커 허브 계정 이름을 넣어 주세요. 예: </verify> `도커-id:yangwonjun`',
  'verify.fix.proof.why':
    '이미지는 잘 찾았어요. 다만 도커 허브의 공개 이미지는 누구나 볼 수 있어서, 이 서버에서 `{dockerId}` 도커 ID로 처음 인증할 때는 이 ID에 직접 푸시할 수 있는지 한 번만 확인해요. 내 확인 코드: `{code}`',
  'verify.fix.proof.how':
    '아래 두 명령으로 같은 이미지에 확인용 태그를 하나 더 붙여서 푸시해 주세요. 명령에는 내 도커 ID와 확인 코드가 이미 들어 있어요.',
  'verify.fix.proof.mismatch':
    '확인용 태그가 `{tag}` 태그와 다른 이미지를 가리켜요(위의 두 다이제스트를 비교해 보세요). 아래 명령으로 `{tag}` 태그의 이미지에 확인용 태그를 다시 붙여서 푸시하면, 확인용 태그가 그 이미지로 옮겨 가요.',
  'verify.fix.proof.idea':
    '레슨 5.2에서 본 것처럼 태그는 하나의 이미지 ID에 붙이는 이름이에요. 그래서 `{tag}` 태그와 확인용 태그가 같은 다이제스트를 가리키면, 두 이름을 모두 내가 직접 푸시했다는 증거가 돼요.',
  'verify.fix.proof.next':
    '푸시가 끝나면 </verify> 명령을 다시 실행해 주세요. 두 태그가 같은 이미지를 가리키면 인증이 끝나고, 그다음부터는 이 도커 ID로 확인을 다시 하지 않아요. 인증 뒤에는 확인용 태그를 지워도 돼요.',
  'verify.fix.in-progress': '결과가 나오면 앞서 보낸 </verify> 메시지에 보여 드려요. 잠시만 기다려 주세요.',
  'verify.fix.hub-down':
    '몇 번 연속으로 답이 없어서 잠시 확인을 멈췄어요. {seconds}초 뒤에 다시 </verify> 해 주세요. 이번 확인은 기록되지 않아요.',
  'verify.fix.busy': '{seconds}초쯤 뒤에 다시 </verify> 해 주세요. 이번 확인은 기록되지 않아요.',
  // Why the registry could not answer.
  'verify.reason.timeout': '응답 시간 초과',
  'verify.reason.http-5xx': '서버 오류',
  'verify.reason.reset': '연결이 끊김',
  'verify.reason.unreachable': '연결할 수 없음',
  'verify.reason.bad-response': '알 수 없는 응답',
  'verify.reason.request-budget': '한 번에 보낼 수 있는 요청 수 초과',
  // Name rules, each with an example.
  'verify.field.dockerId': '도커 ID',
  'verify.field.repository': '리포지토리 이름',
  'verify.field.tag': '태그',
  'verify.field.name': '이미지 이름',
  'verify.rule.docker-id-invalid': '도커 ID는 영어 소문자와 숫자로 된 4~30자예요. 예: `yangwonjun`',
  'verify.rule.repository-invalid':
    '리포지토리 이름은 영어 소문자와 숫자로 쓰고, 사이에만 `.` `_` `-`를 넣을 수 있어요. 예: `image-gallery`',
  'verify.rule.tag-invalid': '태그는 영어·숫자·`_`로 시작하고 `.` `-`를 포함해 128자까지예요. 예: `v1`',
  'verify.rule.name-too-long':
    '`도커 ID/리포지토리` 전체가 255자를 넘을 수 없어요. 예: `yangwonjun/image-gallery`',
  'verify.rule.reference-invalid': '이미지 참조 형식이 올바르지 않아요. 예: `diamol/base:latest`',
  'verify.hint.empty': '비어 있어요.',
  'verify.hint.uppercase': '대문자는 쓸 수 없어요. 소문자로 입력해 주세요.',
  'verify.hint.too-short': '너무 짧아요.',
  'verify.hint.too-long': '너무 길어요.',
  'verify.hint.whitespace': '중간에 공백이 있어요.',
  'verify.hint.url': '주소(URL)가 아니라 이름만 입력해 주세요.',
  'verify.hint.mention': '디스코드 멘션이 아니라 도커 허브 계정 이름을 입력해 주세요.',
  'verify.hint.registry-prefix': '`docker.io/` 같은 레지스트리 주소는 빼고 입력해 주세요.',
  'verify.hint.path': '`/`나 `..` 같은 경로 문자는 쓸 수 없어요.',
  'verify.hint.non-ascii': '영어처럼 보이지만 다른 글자(키릴 문자, 전각 문자 등)가 섞여 있어요.',
  'verify.hint.characters': '쓸 수 없는 문자가 들어 있어요.',
  'verify.problem': '**{field}**: {hint} {rule}',
  'verify.suggestion': '혹시 `{suggestion}`{을/를} 입력하려던 건가요?',
  'verify.step': '레슨의 `{step}` 단계',
  'verify.dockerIdPlaceholder': '도커허브계정이름',
  'verifyResult.openStep': '📖 {title}',
  'verifyResult.announce': '🎉 **{name}**님이 {lessonId} {title} 실습 이미지를 도커 허브에서 인증했어요!',
  'verifyResult.noCheck': '인증할 수 있는 레슨이 아직 없어요. (course.yaml에 check가 있는 레슨이 없음)',
  'verifyResult.needDockerId':
    '🐳 도커 허브 계정 이름을 알려 주세요. 예: </verify> `도커-id:yangwonjun` (첫 인증에 성공하면 다음부터는 생략할 수 있어요)',
  'verifyResult.claimedByOther':
    '🙅 `{dockerId}` 도커 ID는 이 서버의 다른 학습자가 이미 인증했어요. 본인의 도커 ID가 맞다면 강사에게 해제를 요청해 주세요.',
} as const;

export const en = {
  'verify.title.found': '✅ Your image is on Docker Hub!',
  'verify.title.tag-missing': '🏷️ The repository exists but has no `{tag}` tag',
  'verify.title.repository-missing-or-private': '🔍 The repository was not found on Docker Hub',
  'verify.title.not-built-from-base': '🧱 The image was not built from `{base}`',
  'verify.title.platform-not-found': '🖥️ No image for a platform that `{base}` has',
  'verify.title.rate-limited': '⏳ Docker Hub rate limit reached',
  'verify.title.cooldown': '⏳ Please wait a moment',
  'verify.title.unavailable': '🌧️ Docker Hub cannot be checked right now',
  'verify.title.auth-realm-refused': '⚠️ A bot configuration problem prevents the check',
  'verify.title.invalid-input': '✏️ Please check the names you entered',
  'verify.title.configuration-error': '⚠️ A course configuration problem prevents the check',
  'verify.title.no-own-layer': '🧱 The image adds no layer of its own to `{base}`',
  'verify.title.base-image-refused': '🧱 The course’s base image cannot be verified',
  'verify.title.proof-tag-missing': '🔑 Let’s check once that this Docker ID is yours',
  'verify.title.proof-tag-mismatch': '🔑 The proof tag points at another image',
  'verify.title.in-progress': '⏳ Your previous check is still running',
  'verify.title.hub-down': '🌧️ Docker Hub is not answering',
  'verify.title.busy': '⏳ Many learners are waiting for a check right now',
  'verify.title.interrupted': '🔄 The bot is restarting',
  'verify.found.image': 'Image: `{image}`',
  'verify.found.digest': 'Digest: `{digest}`',
  'verify.found.platform': 'Platform: `{platform}`',
  'verify.found.base': 'Confirmed to be built on `{base}`.',
  'verify.found.pushedAt': 'Last push according to Docker Hub: {pushedAt}',
  'verify.found.size': 'Compressed size: {size}',
  'verify.found.platforms': 'Platforms on Docker Hub: {platforms}',
  'verify.found.checkedPlatforms': 'Platforms compared: {platforms}',
  'verify.found.comparedSingle':
    'A single image names no platform, so it was compared with `{base}` as it is.',
  'verify.found.learnerNoPlatforms': 'Your image names no platform.',
  'verify.found.baseNoPlatforms': '`{base}` names no platform.',
  'verify.found.skippedEntries':
    '{count} entries of the image index were not checked: only the first entry of each platform counts, and at most {max} entries are checked.',
  'verify.found.learnerPlatforms': 'Platforms of your image: {platforms}',
  'verify.found.basePlatforms': 'Platforms of `{base}`: {platforms}',
  'verify.found.proofMissing': 'Proof tag `{proofTag}`: not there yet',
  'verify.found.proofDigest': 'Digest of the proof tag `{proofTag}`: `{digest}`',
  'verify.found.proven': 'The proof tag `{proofTag}` points at the same image: the Docker ID is yours.',
  'verify.fix.found': 'You followed the lesson all the way through. Well done! 🎉',
  'verify.fix.tag-missing':
    'The repository `{image}` has no `{tag}` tag. Tag the image as in {tagStep} and push it again as in {pushStep}.',
  'verify.fix.missing-or-private.intro': 'One of two things happened.',
  'verify.fix.missing-or-private.push':
    '1. If you have not pushed yet, push with the command from {pushStep}.',
  'verify.fix.missing-or-private.public':
    '2. If you did push, the repository may be private. As in {publishStep}, check on hub.docker.com that the `{repository}` repository is public.',
  'verify.fix.missing-or-private.spelling':
    'Please also double-check the spelling of the Docker ID `{dockerId}`.',
  'verify.fix.not-built-from-base':
    'The image you pushed does not start from `{base}`. Check that the Dockerfile says `FROM {base}` and rebuild with the command below, then tag it as in {tagStep} and push it as in {pushStep}.',
  'verify.fix.buildHint': '📖 {hint}',
  'verify.fix.platform-not-found':
    'Only an image built for a platform that `{base}` has can be compared. Rebuild with `--platform {platform}` as in the command below, then tag it as in {tagStep} and push it as in {pushStep}.',
  'verify.fix.rate-limited':
    'Please run </verify> again in {seconds} s. This limit is shared by all learners.',
  'verify.fix.cooldown': 'You can check again in {seconds} s.',
  'verify.fix.unavailable':
    'Docker Hub is not answering ({reason}). Please run </verify> again in a little while.',
  'verify.fix.auth-realm-refused':
    'Please tell an instructor: the registry token server `{realmHost}` is not in the allowed list.',
  'verify.fix.invalid-input': 'Please enter them again following the rules below.',
  'verify.fix.configuration-error':
    'Please tell an instructor: the course base image `{base}` was not found.',
  'verify.fix.no-own-layer':
    'The layers of your image are exactly those of `{base}`: it is the base image under a new name, not an image you built. Build the `{repository}` image on `{base}` with a Dockerfile, then repeat {tagStep} and {pushStep}.',
  'verify.fix.base-image-refused':
    'The `{namespace}` namespace publishes the course’s base image `{base}`. </verify> checks the image you built on top of it and pushed under your own Docker ID. Please put your Docker Hub ID in `docker-id`, e.g. </verify> `docker-id:yangwonjun`',
  'verify.fix.proof.why':
    'Your image is there. Public images on Docker Hub can be seen by anyone, though, so the first time the Docker ID `{dockerId}` is verified in this server, we check once that you can push to it. Your code: `{code}`',
  'verify.fix.proof.how':
    'Add one more tag, the proof tag, to the same image and push it with the two commands below. Your Docker ID and code are already filled in.',
  'verify.fix.proof.mismatch':
    'The proof tag points at another image than the `{tag}` tag (compare the two digests above). Tag the image of `{tag}` with the proof tag again and push it with the commands below; the proof tag then moves to that image.',
  'verify.fix.proof.idea':
    'As lesson 5.2 showed, a tag is a name for one image ID. So when the `{tag}` tag and the proof tag point at the same digest, both names were pushed by you.',
  'verify.fix.proof.next':
    'When the push is done, run </verify> again. Once both tags point at the same image you are verified, and this Docker ID needs no more proof. You may delete the proof tag afterwards.',
  'verify.fix.in-progress': 'Its result will appear in the answer to that </verify>. Please wait a moment.',
  'verify.fix.hub-down':
    'It failed to answer several times in a row, so checks are paused for a moment. Please run </verify> again in {seconds} s. This check is not recorded.',
  'verify.fix.busy': 'Please run </verify> again in about {seconds} s. This check is not recorded.',
  'verify.reason.timeout': 'timed out',
  'verify.reason.http-5xx': 'server error',
  'verify.reason.reset': 'connection dropped',
  'verify.reason.unreachable': 'cannot connect',
  'verify.reason.bad-response': 'unexpected answer',
  'verify.reason.request-budget': 'more requests needed than one check may send',
  'verify.field.dockerId': 'Docker ID',
  'verify.field.repository': 'Repository',
  'verify.field.tag': 'Tag',
  'verify.field.name': 'Image name',
  'verify.rule.docker-id-invalid': 'A Docker ID is 4–30 lower-case letters and digits. Example: `yangwonjun`',
  'verify.rule.repository-invalid':
    'A repository name uses lower-case letters and digits, with `.` `_` `-` only between them. Example: `image-gallery`',
  'verify.rule.tag-invalid':
    'A tag starts with a letter, digit or `_` and has up to 128 characters including `.` and `-`. Example: `v1`',
  'verify.rule.name-too-long':
    '`dockerId/repository` must not exceed 255 characters. Example: `yangwonjun/image-gallery`',
  'verify.rule.reference-invalid': 'The image reference is not valid. Example: `diamol/base:latest`',
  'verify.hint.empty': 'It is empty.',
  'verify.hint.uppercase': 'Upper-case letters are not allowed. Please use lower case.',
  'verify.hint.too-short': 'It is too short.',
  'verify.hint.too-long': 'It is too long.',
  'verify.hint.whitespace': 'It contains a space.',
  'verify.hint.url': 'Please enter just the name, not a URL.',
  'verify.hint.mention': 'Please enter your Docker Hub account name, not a Discord mention.',
  'verify.hint.registry-prefix': 'Please leave out the registry address such as `docker.io/`.',
  'verify.hint.path': 'Path characters such as `/` or `..` are not allowed.',
  'verify.hint.non-ascii': 'It contains letters that only look Latin (Cyrillic, full-width, …).',
  'verify.hint.characters': 'It contains characters that are not allowed.',
  'verify.problem': '**{field}**: {hint} {rule}',
  'verify.suggestion': 'Did you mean `{suggestion}`?',
  'verify.step': 'lesson step `{step}`',
  'verify.dockerIdPlaceholder': 'your-docker-id',
  'verifyResult.openStep': '📖 {title}',
  'verifyResult.announce': '🎉 **{name}** verified the {lessonId} {title} image on Docker Hub!',
  'verifyResult.noCheck': 'No lesson can be verified yet (no lesson in course.yaml has a check).',
  'verifyResult.needDockerId':
    '🐳 Please tell me your Docker Hub ID, e.g. </verify> `docker-id:yangwonjun` (after a first success you can leave it out).',
  'verifyResult.claimedByOther':
    '🙅 Docker ID `{dockerId}` was already verified by another learner in this server. If it is yours, ask an instructor to release it.',
} satisfies Record<keyof typeof ko, string>;
