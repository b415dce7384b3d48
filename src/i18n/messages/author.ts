/**
 * What a content author reads: problems in a lesson file or course.yaml (file:line: message), where
 * a payload breaks a Discord limit, and content:check and content:preview.
 * Korean is the source; English must have every key.
 */

export const ko = {
  // Problems an author sees from content:check (file:line: message).
  'content.error.readFailed': '파일을 읽을 수 없어요: {detail}',
  'content.error.emptyFile':
    '레슨 파일이 비어 있어요. front matter와 `# 5.2 제목` 같은 제목으로 시작해 주세요.',
  'content.error.frontMatterMissing':
    'front matter가 없어요. 파일 맨 앞에 `---`로 감싼 YAML(title, authorNick, createdAt)을 적어 주세요.',
  'content.error.frontMatterYaml': 'front matter의 YAML 문법이 맞지 않아요. {detail}',
  'content.error.frontMatterField': 'front matter의 `{field}`: {detail}',
  // Field problems (zod issues) and YAML syntax errors, for front matter and course.yaml alike.
  'content.issue.missing': '값이 없어요. 이 항목을 적어 주세요.',
  'content.issue.notText': '글자로 적어 주세요.',
  'content.issue.notNumber': '숫자로 적어 주세요.',
  'content.issue.notList': '`- 항목` 줄로 된 목록이어야 해요.',
  'content.issue.notMapping': '`이름: 값` 줄로 된 항목이어야 해요.',
  'content.issue.wrongType': '값의 종류가 맞지 않아요.',
  'content.issue.empty': '비어 있어요. 내용을 적어 주세요.',
  'content.issue.tooShort': '{min}자 이상 적어 주세요.',
  'content.issue.tooLong': '{max}자까지 쓸 수 있어요.',
  'content.issue.tooFew': '{min}개 이상 있어야 해요.',
  'content.issue.tooMany': '{max}개까지 쓸 수 있어요.',
  'content.issue.oneOf': '{values} 중 하나로 적어 주세요.',
  'content.issue.unknownKeys': '알 수 없는 항목이 있어요: {keys}',
  'content.issue.invalid': '값이 올바르지 않아요.',
  'content.issue.date': '`2025-08-27`처럼 YYYY-MM-DD 형식의 날짜로 적어 주세요.',
  'content.issue.repository':
    '`image-gallery`처럼 영어 소문자, 숫자와 `.` `_` `-`로 된 리포지토리 이름으로 적어 주세요.',
  'content.issue.tag': '`v1`처럼 영어, 숫자와 `_` `.` `-`로 된 태그로 적어 주세요.',
  'content.issue.image': '`diamol/base`처럼 이미지 이름으로 적어 주세요.',
  'content.issue.lessonFile':
    '`05-02-push-image-to-docker-hub.md`처럼 레슨 폴더 안의 .md 파일 이름으로 적어 주세요.',
  'content.yaml.badIndent':
    '{column}번째 글자의 들여쓰기가 맞지 않아요. 같은 단계의 항목은 같은 칸에서 시작해 주세요.',
  'content.yaml.tabIndent': '{column}번째 글자에 탭으로 들여쓰기했어요. YAML은 공백으로만 들여쓸 수 있어요.',
  'content.yaml.missingChar': '{column}번째 글자 근처에 닫는 따옴표나 괄호가 빠졌어요.',
  'content.yaml.blockAsKey':
    '{column}번째 글자 근처의 `이름: 값` 줄이 맞지 않아요. `:` 뒤에 공백이 있는지, 들여쓰기가 맞는지 확인해 주세요.',
  'content.yaml.multilineKey':
    '{column}번째 글자에서 이름이 여러 줄에 걸쳐 있어요. `이름: 값`은 한 줄에 적어 주세요.',
  'content.yaml.duplicateKey':
    '{column}번째 글자의 이름이 위에서 이미 나왔어요. 같은 이름은 한 번만 써 주세요.',
  'content.yaml.unexpected':
    '{column}번째 글자에 예상하지 못한 글자가 있어요. 값에 `:`나 `#`가 들어간다면 값을 따옴표로 감싸 주세요.',
  'content.yaml.badScalarStart':
    '{column}번째 글자의 값이 YAML에서 특별한 글자로 시작해요. 값을 따옴표로 감싸 주세요.',
  'content.yaml.badEscape':
    '{column}번째 글자의 큰따옴표 안 `\\` 표기가 맞지 않아요. 작은따옴표로 감싸 보세요.',
  'content.yaml.badAlias':
    '{column}번째 글자의 `*` 참조가 가리키는 `&` 이름이 없어요. 값이라면 따옴표로 감싸 주세요.',
  'content.yaml.other': '{column}번째 글자에서 YAML 문법 오류가 있어요 ({code}).',
  'content.error.noLessonNumber':
    '레슨 번호를 찾을 수 없어요. `# 5.2 제목`처럼 제목 앞에 번호를 붙여 주세요.',
  'content.error.lessonNumberMismatch':
    'front matter 제목의 번호({frontMatter})와 `#` 제목의 번호({heading})가 달라요.',
  'content.error.lessonIdTooLong': '레슨 번호 {id}{이/가} 너무 길어요 (최대 {max}자).',
  'content.error.noSteps': '단계가 하나도 없어요. `## 섹션 제목`으로 섹션을 추가해 주세요.',
  'content.error.duplicateStep': '`Step {number}`{이/가} 두 번 나와요. 단계 번호는 한 번씩만 써 주세요.',
  'content.error.unclosedDetails': '`<details>`가 닫히지 않았어요. 끝에 `</details>`를 추가해 주세요.',
  'content.error.strayDetailsClose': '`</details>`와 짝이 되는 `<details>`가 없어요.',
  'content.error.unclosedSummary': '`<summary>`가 닫히지 않았어요. 같은 줄에 `</summary>`를 적어 주세요.',
  'content.error.quizNoQuestions': '퀴즈 섹션에 문제가 없어요. `**문제 1:** 질문` 형식으로 적어 주세요.',
  'content.error.quizDuplicateNumber': '문제 {number}{이/가} 두 번 나와요.',
  'content.error.quizTooFewOptions':
    '문제 {number}의 보기가 {count}개예요. `A. 보기` 줄을 두 개 이상 적어 주세요.',
  'content.error.quizTooManyOptions':
    '문제 {number}의 보기가 {count}개예요. 보기는 {max}개까지 쓸 수 있어요.',
  'content.error.quizDuplicateOption': '문제 {number}에 보기 {key}{이/가} 두 번 나와요.',
  'content.error.quizMissingAnswer': '문제 {number}에 정답이 없어요. `**정답: B**`를 적어 주세요.',
  'content.error.quizAnswerNotOption': '문제 {number}의 정답 {answer}{이/가} 보기({keys})에 없어요.',
  'content.error.quizEmptyPrompt':
    '문제 {number}에 질문이 없어요. `**문제 {number}:**` 뒤에 질문을 적어 주세요.',
  'content.error.payloadLimit': '{where}{이/가} 디스코드 한도를 넘어요: {detail}',
  'content.error.courseYaml': 'course.yaml을 읽을 수 없어요. {detail}',
  'content.error.courseField': 'course.yaml의 `{field}`: {detail}',
  'content.error.courseMissingFile': 'course.yaml이 가리키는 레슨 파일 {file}{이/가} 없어요.',
  'content.error.courseUnlistedLesson':
    '레슨 파일 {file}{이/가} course.yaml에 없어요. lessons 목록에 추가해 주세요.',
  'content.error.courseDuplicateFile': '레슨 파일 {file}{이/가} course.yaml에 두 번 나와요.',
  'content.error.courseUnknownStep': '레슨 {lesson}에 단계 `{step}`{이/가} 없어요. 있는 단계: {steps}',
  'content.error.duplicateLessonId': '레슨 번호 {id}{이/가} {other}에도 있어요. 레슨 번호는 겹치면 안 돼요.',
  'content.error.noLessons': '레슨 폴더 {dir}에 .md 파일이 없어요.',
  'content.error.lessonsDirMissing': '레슨 폴더 {dir}{을/를} 찾을 수 없어요.',
  // Limits checked before parsing (parse/bounds.ts, parse/inline-marks.ts).
  'content.error.fileTooLarge':
    '파일이 {actual}KB예요. 레슨 파일은 {max}KB까지 쓸 수 있고, 이 줄 근처에서 한도를 넘어요. 레슨을 두 개로 나누어 주세요.',
  'content.error.notUtf8':
    '이 줄에 UTF-8로 읽을 수 없는 바이트가 있어요. 편집기에서 인코딩을 UTF-8로 바꿔 다시 저장해 주세요 (EUC-KR·CP949로 저장된 파일이 흔한 원인이에요).',
  'content.error.tooManyLines':
    '파일이 {actual}줄이에요. 레슨 파일은 {max}줄까지 쓸 수 있어요. 레슨을 두 개로 나누어 주세요.',
  'content.error.lineTooLong':
    '이 줄은 {actual}자예요. 한 줄은 {max}자까지 쓸 수 있어요 (한도를 넘는 줄 {count}개 중 첫 줄). 빈 줄 없이 줄을 바꾸면 같은 문단으로 이어져요.',
  'content.error.nestedTooDeep':
    '줄 앞의 인용 표시(`>`), 목록 기호와 들여쓰기가 너무 깊어요. 인용과 목록은 {max}단계까지 겹칠 수 있어요 (한도를 넘는 줄 {count}개 중 첫 줄). 들여쓰기를 줄여 주세요.',
  'content.error.tooManyContainerMarkers':
    '줄 앞의 목록 기호와 인용 표시(`>`)가 모두 {actual}개예요. 레슨 하나에 {max}개까지 쓸 수 있고, 이 줄에서 한도를 넘어요. 레슨을 두 개로 나누어 주세요.',
  'content.error.tooManyTablePipes':
    '표의 `|` 기호가 레슨 전체에 {actual}개예요. 레슨 하나에 {max}개까지 쓸 수 있고, 이 줄에서 한도를 넘어요. 표를 줄이거나 레슨을 두 개로 나누어 주세요.',
  'content.error.tooMuchMarkup':
    '서식 기호(`*` `_` `~` `[` `]` `` ` `` `<` `&`)와 링크 주소가 레슨 전체에 {actual}개예요. 레슨 하나에 {max}개까지 쓸 수 있고, 이 블록에서 한도를 넘어요. 레슨을 두 개로 나누어 주세요.',
  'content.error.frontMatterTooLong':
    'front matter가 {actual}자예요 ({max}자까지). 닫는 `---` 줄이 빠지지 않았는지 확인해 주세요.',
  'content.error.emphasisMarks':
    '이 문단에 강조 기호(`*` `_` `~`)가 {actual}개 있어요. 문단, 제목, 표의 한 줄마다 {max}개까지 쓸 수 있어요. 빈 줄을 넣어 문단을 나누어 주세요.',
  'content.error.linkMarks':
    '이 문단에 대괄호(`[` `]`)가 {actual}개 있어요. 문단, 제목, 표의 한 줄마다 {max}개까지 쓸 수 있어요. 빈 줄을 넣어 문단을 나누어 주세요.',
  'content.error.codeMarks':
    '이 문단에 백틱(`` ` ``) 묶음이 {actual}개 있어요. 문단, 제목, 표의 한 줄마다 {max}개까지 쓸 수 있어요. 긴 코드는 코드 블록(```)에 넣어 주세요.',
  'content.error.htmlMarks':
    '이 문단이나 HTML 블록에 `<`가 {actual}개 있어요. 한 블록에 {max}개까지 쓸 수 있어요. 빈 줄을 넣어 블록을 나누어 주세요.',
  'content.error.detailsTooDeep':
    '`<details>` 안의 `<details>`가 너무 깊어요. 펼쳐 보기는 {max}단계까지 겹칠 수 있어요.',
  'content.error.unclosedFence':
    '여기서 시작한 코드 블록이 닫히지 않았어요. 코드가 끝나는 곳에 `` {fence} `` 줄을 추가해 주세요.',
  'content.error.fenceInsideCode':
    '여기서 시작한 코드 블록의 {line}번째 줄(`` {opening} ``)은 새 코드 블록을 여는 줄처럼 보여요. 이 앞 코드 블록에 닫는 `` {fence} `` 줄이 빠지지 않았는지 확인해 주세요. 코드 안에 그대로 보여 줄 줄이라면 바깥 코드 블록을 `` {longer} ``처럼 더 긴 줄로 여닫아 주세요.',
  'content.error.parseFailed':
    '레슨을 읽다가 예상하지 못한 문제가 생겼어요 ({detail}). 이 부분의 마크다운을 확인해 주세요.',
  'content.error.courseFileTooLarge': 'course.yaml이 {actual}KB예요. {max}KB까지 쓸 수 있어요.',
  // Where a limit problem is, in content:check output.
  'content.where.page': '페이지 {page}',
  'content.where.reveal': '페이지 {page}의 펼쳐 보기 {details}',
  'content.where.question': '문제 {number}',
  'content.where.answer': '문제 {number}의 보기 {key} 답변',
  'content.where.score': '퀴즈 결과',
  // Limit violations (src/ui/limits.ts: checkPayloadLimits) explained.
  'content.limit.textTotal': '글자 수가 {actual}자예요 (최대 {limit}자).',
  'content.limit.componentCount': '구성 요소가 {actual}개예요 (최대 {limit}개).',
  'content.limit.rowSize': '한 줄에 버튼이 {actual}개예요 (1~{limit}개).',
  'content.limit.labelLength': '버튼 이름이 {actual}자예요 (최대 {limit}자).',
  'content.limit.buttonLabel': '버튼에 이름도 이모지도 없어요.',
  'content.limit.customIdLength': '버튼 ID가 {actual}자예요 (1~{limit}자).',
  'content.limit.customIdDuplicate': '버튼 ID가 겹쳐요.',
  'content.limit.emptyText': '빈 텍스트가 있어요.',
  'content.limit.sectionSize': '섹션의 텍스트가 {actual}개예요 (1~{limit}개).',
  'content.limit.sectionAccessory': '섹션에 버튼이나 썸네일이 없어요.',
  'content.limit.emptyContainer': '빈 컨테이너가 있어요.',
  'content.limit.misplaced': '이 위치에 올 수 없는 구성 요소예요.',
  'content.limit.noComponents': '보낼 구성 요소가 없어요.',
  'content.limit.v2Content': 'Components V2 메시지에는 content나 embeds를 쓸 수 없어요.',
  'content.limit.separatorSpacing': '구분선 간격 값이 올바르지 않아요.',
  'content.limit.accentColor': '강조 색 값이 올바르지 않아요.',
  // content:check and content:preview.
  'content.cli.summary':
    '{file}: {lessonId} {title} — 단계 {steps}개 · 페이지 {pages}개 · 퀴즈 {questions}문제 · 가장 큰 페이지 {largest}/{limit}자 (페이지 {largestPage})',
  'content.cli.check':
    '  /verify: {repository}:{tag} · 베이스 이미지 {baseImage} · 고칠 단계 tag→{tagStep}, push→{pushStep}, publish→{publishStep}, build→{buildStep}',
  'content.cli.noCheck': '  /verify: 검사 없음',
  'content.cli.none': '없음',
  'content.cli.ok': '✅ 레슨 {count}개 모두 문제 없어요.',
  'content.cli.failed': '❌ 문제 {count}건을 고쳐 주세요.',
  'content.cli.noCourseFile': 'ℹ️ {file}{이/가} 없어서 레슨을 파일 이름 순서로 읽고, /verify 검사는 없어요.',
  'content.cli.previewUsage': '사용법: npm run content:preview -- <레슨 번호> (예: 5.2)',
  'content.cli.previewUnknown': '레슨 {lesson}{을/를} 찾을 수 없어요. 있는 레슨: {lessons}',
  'content.cli.previewPage': '═══ 페이지 {page}/{pageCount} ═══',
  'content.cli.previewReveal': '─── 페이지 {page}의 「{summary}」 [{label}] 버튼을 누르면 ───',
  'content.cli.previewQuestion': '═══ 퀴즈 문제 {number}/{total} ═══',
  'content.cli.previewAnswer': '─── 문제 {number}에서 보기 {key}{을/를} 고르면 ───',
  'content.cli.previewScore': '═══ 퀴즈 결과 (예: {correct}/{total}) ═══',
} as const;

export const en = {
  'content.error.readFailed': 'Cannot read the file: {detail}',
  'content.error.emptyFile':
    'The lesson file is empty. Start it with front matter and a title such as `# 5.2 Title`.',
  'content.error.frontMatterMissing':
    'No front matter. Put YAML (title, authorNick, createdAt) between `---` lines at the top of the file.',
  'content.error.frontMatterYaml': 'Cannot read the front matter YAML: {detail}',
  'content.error.frontMatterField': 'Front matter `{field}` is not valid: {detail}',
  'content.issue.missing': 'It is missing. Please add it.',
  'content.issue.notText': 'Please write it as text.',
  'content.issue.notNumber': 'Please write it as a number.',
  'content.issue.notList': 'It must be a list of `- item` lines.',
  'content.issue.notMapping': 'It must be `name: value` lines.',
  'content.issue.wrongType': 'The kind of value is wrong.',
  'content.issue.empty': 'It is empty. Please fill it in.',
  'content.issue.tooShort': 'Please write at least {min} characters.',
  'content.issue.tooLong': 'At most {max} characters.',
  'content.issue.tooFew': 'At least {min} are needed.',
  'content.issue.tooMany': 'At most {max} are allowed.',
  'content.issue.oneOf': 'Please use one of {values}.',
  'content.issue.unknownKeys': 'Unknown entries: {keys}',
  'content.issue.invalid': 'The value is not valid.',
  'content.issue.date': 'Please write a date as YYYY-MM-DD, like `2025-08-27`.',
  'content.issue.repository':
    'Please write a repository name of lower-case letters, digits and `.` `_` `-`, like `image-gallery`.',
  'content.issue.tag': 'Please write a tag of letters, digits and `_` `.` `-`, like `v1`.',
  'content.issue.image': 'Please write an image name, like `diamol/base`.',
  'content.issue.lessonFile':
    'Please name a .md file in the lessons folder, like `05-02-push-image-to-docker-hub.md`.',
  'content.yaml.badIndent':
    'Wrong indentation at column {column}: entries of one level start in the same column.',
  'content.yaml.tabIndent': 'A tab indents at column {column}: YAML indents with spaces only.',
  'content.yaml.missingChar': 'A closing quote or bracket is missing near column {column}.',
  'content.yaml.blockAsKey':
    'The `name: value` line near column {column} is wrong: check the space after `:` and the indentation.',
  'content.yaml.multilineKey':
    'A name spans several lines at column {column}: write `name: value` on one line.',
  'content.yaml.duplicateKey': 'The name at column {column} appeared above already: use each name once.',
  'content.yaml.unexpected':
    'Unexpected character at column {column}. If a value contains `:` or `#`, put it in quotes.',
  'content.yaml.badScalarStart':
    'The value at column {column} starts with a character special to YAML: quote it.',
  'content.yaml.badEscape':
    'A `\\` escape inside double quotes at column {column} is wrong: try single quotes.',
  'content.yaml.badAlias':
    'The `*` reference at column {column} names no `&` anchor. If it is a value, quote it.',
  'content.yaml.other': 'YAML syntax error at column {column} ({code}).',
  'content.error.noLessonNumber': 'No lesson number. Put it before the title, as in `# 5.2 Title`.',
  'content.error.lessonNumberMismatch':
    'The front matter title number ({frontMatter}) differs from the `#` title number ({heading}).',
  'content.error.lessonIdTooLong': 'Lesson number {id} is too long (at most {max} characters).',
  'content.error.noSteps': 'The lesson has no steps. Add sections with `## Section title`.',
  'content.error.duplicateStep': '`Step {number}` appears twice. Use each step number once.',
  'content.error.unclosedDetails': '`<details>` is never closed. Add `</details>` after its content.',
  'content.error.strayDetailsClose': '`</details>` has no matching `<details>`.',
  'content.error.unclosedSummary': '`<summary>` is not closed. Put `</summary>` on the same line.',
  'content.error.quizNoQuestions': 'The quiz section has no questions. Write them as `**문제 1:** question`.',
  'content.error.quizDuplicateNumber': 'Question {number} appears twice.',
  'content.error.quizTooFewOptions':
    'Question {number} has {count} options. Write at least two `A. option` lines.',
  'content.error.quizTooManyOptions': 'Question {number} has {count} options; at most {max} are allowed.',
  'content.error.quizDuplicateOption': 'Question {number} has option {key} twice.',
  'content.error.quizMissingAnswer': 'Question {number} has no answer. Add `**정답: B**`.',
  'content.error.quizAnswerNotOption':
    'The answer {answer} of question {number} is not one of its options ({keys}).',
  'content.error.quizEmptyPrompt': 'Question {number} has no prompt. Write it after `**문제 {number}:**`.',
  'content.error.payloadLimit': '{where} exceeds a Discord limit: {detail}',
  'content.error.courseYaml': 'Cannot read course.yaml: {detail}',
  'content.error.courseField': 'course.yaml `{field}` is not valid: {detail}',
  'content.error.courseMissingFile': 'course.yaml names lesson file {file}, which does not exist.',
  'content.error.courseUnlistedLesson':
    'Lesson file {file} is not in course.yaml. Add it to the lessons list.',
  'content.error.courseDuplicateFile': 'Lesson file {file} appears twice in course.yaml.',
  'content.error.courseUnknownStep': 'Lesson {lesson} has no step `{step}`. Its steps: {steps}',
  'content.error.duplicateLessonId':
    'Lesson number {id} is also used by {other}. Lesson numbers must be unique.',
  'content.error.noLessons': 'The lessons folder {dir} has no .md files.',
  'content.error.lessonsDirMissing': 'The lessons folder {dir} does not exist.',
  'content.error.fileTooLarge':
    'The file is {actual} KB; a lesson file may be at most {max} KB, and this line is about where it passes that. Split the lesson in two.',
  'content.error.notUtf8':
    'This line has bytes that are not UTF-8. Save the file as UTF-8 in your editor (files saved as EUC-KR/CP949 are the usual cause).',
  'content.error.tooManyLines':
    'The file has {actual} lines; a lesson file may have at most {max}. Split the lesson in two.',
  'content.error.lineTooLong':
    'This line has {actual} characters; a line may have at most {max} (the first of {count} such lines). A line break without a blank line keeps the same paragraph.',
  'content.error.nestedTooDeep':
    'The quote markers (`>`), list markers and indentation at the start of this line go too deep. Quotes and lists may nest {max} levels (the first of {count} such lines). Indent less.',
  'content.error.tooManyContainerMarkers':
    'The file has {actual} list and quote (`>`) markers at line starts; a lesson may have at most {max}, passed on this line. Split the lesson in two.',
  'content.error.tooManyTablePipes':
    'The file has {actual} `|` characters; a lesson may have at most {max} (passed on this line). Make the tables smaller or split the lesson in two.',
  'content.error.tooMuchMarkup':
    'The file has {actual} markup characters (`*` `_` `~` `[` `]` `` ` `` `<` `&`) and link addresses; a lesson may have at most {max} (passed in this block). Split the lesson in two.',
  'content.error.frontMatterTooLong':
    'The front matter has {actual} characters (at most {max}). Check that its closing `---` line is there.',
  'content.error.emphasisMarks':
    'This paragraph has {actual} emphasis marks (`*` `_` `~`); a paragraph, heading or table row may have at most {max}. Split it with a blank line.',
  'content.error.linkMarks':
    'This paragraph has {actual} brackets (`[` `]`); a paragraph, heading or table row may have at most {max}. Split it with a blank line.',
  'content.error.codeMarks':
    'This paragraph has {actual} backtick runs (`` ` ``); a paragraph, heading or table row may have at most {max}. Put long code in a code block (```).',
  'content.error.htmlMarks':
    'This paragraph or HTML block has {actual} `<` characters; a block may have at most {max}. Split it with a blank line.',
  'content.error.detailsTooDeep':
    '`<details>` inside `<details>` goes too deep: reveals may nest {max} levels.',
  'content.error.unclosedFence':
    'The code block that starts here is never closed. Add a `` {fence} `` line where the code ends.',
  'content.error.fenceInsideCode':
    'Line {line} of the code block that starts here (`` {opening} ``) looks like the start of a new code block. Check that the code block before it has its closing `` {fence} `` line. If the line is meant to be shown, open and close the outer block with a longer fence such as `` {longer} ``.',
  'content.error.parseFailed':
    'Reading the lesson failed unexpectedly ({detail}). Check the Markdown around here.',
  'content.error.courseFileTooLarge': 'course.yaml is {actual} KB; it may be at most {max} KB.',
  'content.where.page': 'Page {page}',
  'content.where.reveal': 'Reveal {details} on page {page}',
  'content.where.question': 'Question {number}',
  'content.where.answer': 'The answer to option {key} of question {number}',
  'content.where.score': 'The quiz result',
  'content.limit.textTotal': '{actual} characters of text (at most {limit}).',
  'content.limit.componentCount': '{actual} components (at most {limit}).',
  'content.limit.rowSize': '{actual} buttons in one row (1 to {limit}).',
  'content.limit.labelLength': 'A button label of {actual} characters (at most {limit}).',
  'content.limit.buttonLabel': 'A button with neither label nor emoji.',
  'content.limit.customIdLength': 'A button id of {actual} characters (1 to {limit}).',
  'content.limit.customIdDuplicate': 'Two buttons share an id.',
  'content.limit.emptyText': 'An empty text display.',
  'content.limit.sectionSize': 'A section with {actual} texts (1 to {limit}).',
  'content.limit.sectionAccessory': 'A section without a button or thumbnail.',
  'content.limit.emptyContainer': 'An empty container.',
  'content.limit.misplaced': 'A component where that kind is not allowed.',
  'content.limit.noComponents': 'Nothing to send.',
  'content.limit.v2Content': 'A Components V2 message cannot have content or embeds.',
  'content.limit.separatorSpacing': 'A separator with an invalid spacing.',
  'content.limit.accentColor': 'An invalid accent colour.',
  'content.cli.summary':
    '{file}: {lessonId} {title} — {steps} steps · {pages} pages · {questions} quiz questions · largest page {largest}/{limit} characters (page {largestPage})',
  'content.cli.check':
    '  /verify: {repository}:{tag} · base image {baseImage} · fix steps tag→{tagStep}, push→{pushStep}, publish→{publishStep}, build→{buildStep}',
  'content.cli.noCheck': '  /verify: no check',
  'content.cli.none': 'none',
  'content.cli.ok': '✅ All {count} lessons are fine.',
  'content.cli.failed': '❌ Please fix {count} problems.',
  'content.cli.noCourseFile':
    'ℹ️ {file} is missing: lessons are ordered by file name and have no /verify check.',
  'content.cli.previewUsage': 'Usage: npm run content:preview -- <lesson number> (e.g. 5.2)',
  'content.cli.previewUnknown': 'No lesson {lesson}. Lessons: {lessons}',
  'content.cli.previewPage': '═══ Page {page}/{pageCount} ═══',
  'content.cli.previewReveal': '─── Pressing [{label}] beside “{summary}” on page {page} shows ───',
  'content.cli.previewQuestion': '═══ Quiz question {number}/{total} ═══',
  'content.cli.previewAnswer': '─── Choosing option {key} of question {number} shows ───',
  'content.cli.previewScore': '═══ Quiz result (e.g. {correct}/{total}) ═══',
} satisfies Record<keyof typeof ko, string>;
