import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { type Lesson, paginateLesson, parseLesson } from '../../../src/content/index.js';
import {
  checkPayloadLimits,
  decodeCustomId,
  payloadToText,
  renderAll,
  renderLessonPage,
  renderQuizAnswer,
  renderQuizQuestion,
  renderQuizScore,
  renderReveal,
} from '../../../src/ui/index.js';
import { en, ko, LONG_OWNER, lessonText, OWNER, sampleText } from '../../content/helpers.js';

const sample = parseLesson(sampleText, 'sample.md');
const version = sample.contentHash.slice(0, 8);
const sampleCheck = {
  repository: 'image-gallery',
  tag: 'v1',
  baseImage: 'diamol/base',
  fixSteps: { tag: 'step-3', push: 'step-4', publish: 'step-5', build: null },
  buildHint: null,
  buildCommand: null,
};

function decoded(customId: string) {
  const result = decodeCustomId(customId);
  if (!result.ok) throw new Error(`undecodable ${customId}`);
  return result.value;
}

function expectWithinLimits(lesson: Lesson) {
  for (const item of renderAll(lesson, ko, LONG_OWNER)) {
    expect(checkPayloadLimits(item.payload), JSON.stringify(item.where)).toEqual([]);
  }
}

function pageTexts(lesson: Lesson): string[] {
  return paginateLesson(lesson).map(
    (page) => payloadToText(renderLessonPage({ lesson, pageIndex: page.index, ownerId: OWNER, t: ko })).text,
  );
}

describe('lesson pages', () => {
  it('are ephemeral Components V2 messages with mentions off', () => {
    const payload = renderLessonPage({ lesson: sample, pageIndex: 0, ownerId: OWNER, t: ko });
    expect(payload.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.components.map((component) => component.type)).toEqual([ComponentType.Container]);
  });

  it('navigate with ◀ k/n ▶ whose ids carry the owner and content version', () => {
    const first = payloadToText(renderLessonPage({ lesson: sample, pageIndex: 0, ownerId: OWNER, t: ko }));
    expect(first.text).toContain('📘 **5.2 도커 허브에 직접 빌드한 이미지 푸시하기** · 1/7\n## 📋 사전 준비');
    expect(first.text).toContain('(1 / 7) [1: 다음 ▶]');
    expect(first.buttons.map((button) => decoded(button.customId))).toEqual([
      { kind: 'page', lessonId: '5.2', page: 1, from: 0, ownerId: OWNER, version },
    ]);

    const middle = payloadToText(renderLessonPage({ lesson: sample, pageIndex: 2, ownerId: OWNER, t: ko }));
    expect(middle.text).toContain('· 🚀 실습: 이미지 푸시하기 · 3/7\n## Step 2: 도커 허브에 로그인');
    expect(middle.text).toContain('[1: ◀ 이전] (3 / 7) [2: 다음 ▶]');
    expect(middle.buttons.map((button) => decoded(button.customId))).toMatchObject([
      { page: 1 },
      { page: 3 },
    ]);

    const last = payloadToText(renderLessonPage({ lesson: sample, pageIndex: 6, ownerId: OWNER, t: ko }));
    expect(last.text).toContain('[1: ◀ 이전] (7 / 7) [2: 📝 퀴즈 풀기]');
    expect(decoded(last.buttons[1]!.customId)).toEqual({
      kind: 'quiz',
      lessonId: '5.2',
      ownerId: OWNER,
      version,
    });
  });

  it('speak English to non-Korean locales and mark done steps with ✅', () => {
    const page = payloadToText(
      renderLessonPage({
        lesson: sample,
        pageIndex: 1,
        ownerId: OWNER,
        t: en,
        completedStepIds: new Set(['step-1']),
      }),
    );
    expect(page.text).toContain('## ✅ Step 1: 환경 변수 설정');
    expect(page.text).toContain('[1: ◀ Back] (2 / 7) [2: Next ▶]');
  });

  it('say under the title when ▶ completed the step before and scored, with the new total', () => {
    const page = (earned: Parameters<typeof renderLessonPage>[0]['earned'], t = ko) =>
      payloadToText(renderLessonPage({ lesson: sample, pageIndex: 2, ownerId: OWNER, t, earned })).text;
    expect(page({ reason: 'step', points: 10, lessonBonus: 0, total: 30 })).toContain(
      '## Step 2: 도커 허브에 로그인\n-# ✅ 앞 단계를 마쳤어요. **+10점** (총 30점)',
    );
    expect(page({ reason: 'step', points: 10, lessonBonus: 30, total: 200 }, en)).toContain(
      '-# ✅ Previous step done. **+10 points** (170 in total)\n-# 🏁 Every step and question of lesson 5.2 done! Completion bonus **+30 points** (200 in total)',
    );
    expect(page(null)).not.toContain('-#');
  });

  it('clamp a page index that is out of range', () => {
    const last = renderLessonPage({ lesson: sample, pageIndex: 99, ownerId: OWNER, t: ko });
    expect(payloadToText(last).text).toContain('(7 / 7)');
    expect(
      payloadToText(renderLessonPage({ lesson: sample, pageIndex: -5, ownerId: OWNER, t: ko })).text,
    ).toContain('(1 / 7)');
  });

  it('render tables as readable rows and code with its language', () => {
    const [, , , , step4, , summary] = pageTexts(sample);
    expect(step4).toContain('• **상태**: `Pushed` · **의미**: 새로운 레이어를 업로드함');
    expect(summary).toContain(
      '• **명령어**: `docker login` · **설명**: 레지스트리에 로그인 · **예시**: `docker login --username yangwonjun`',
    );
    expect(step4).toContain('```bash\ndocker image push $dockerId/image-gallery:v1\n```');
  });

  it('show <details> as a reveal button whose payload shows the body', () => {
    const page = renderLessonPage({ lesson: sample, pageIndex: 3, ownerId: OWNER, t: ko });
    const text = payloadToText(page);
    expect(text.text).toContain('**👆 왜 같은 IMAGE ID를 가질까요?**\n[1: 👀 펼쳐 보기]');
    const reveal = decoded(text.buttons[0]!.customId);
    expect(reveal).toEqual({ kind: 'reveal', lessonId: '5.2', page: 3, details: 0, ownerId: OWNER, version });
    const body = renderReveal({ lesson: sample, pageIndex: 3, detailsIndex: 0, t: ko })!;
    expect(body.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
    expect(payloadToText(body).text).toContain('디스크 공간은 추가로 차지하지 않음 (참조만 추가됨)');
    expect(renderReveal({ lesson: sample, pageIndex: 3, detailsIndex: 1, t: ko })).toBeNull();
    expect(renderReveal({ lesson: sample, pageIndex: 0, detailsIndex: 0, t: ko })).toBeNull();
  });

  it('offer "완료" on the last page of a lesson without a quiz', () => {
    const lesson = parseLesson(lessonText('# 9.1 레슨\n\n## 하나\n\n본문\n'), 'x.md');
    const page = payloadToText(renderLessonPage({ lesson, pageIndex: 0, ownerId: OWNER, t: ko }));
    expect(page.text).toContain('(1 / 1) [1: ✅ 완료]');
    expect(decoded(page.buttons[0]!.customId)).toMatchObject({ kind: 'finish', lessonId: '9.1' });
  });
});

describe('long steps', () => {
  it('split into pages at block boundaries, numbered across the lesson', () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, index) => `문단 ${index + 1}: ${'가나다라 '.repeat(40)}끝${index + 1}`,
    );
    const lesson = parseLesson(
      lessonText(`# 9.1 레슨\n\n## 짧은 섹션\n\n하나\n\n## 긴 섹션\n\n${paragraphs.join('\n\n')}\n`),
      'x.md',
    );
    const pages = paginateLesson(lesson);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]).toMatchObject({ index: 0, stepIndex: 0, part: 0, partCount: 1 });
    const long = pages.filter((page) => page.stepIndex === 1);
    expect(long.map((page) => page.part)).toEqual(long.map((_, index) => index));
    expect(long.every((page) => page.partCount === long.length)).toBe(true);
    const texts = pageTexts(lesson);
    expect(texts[1]).toContain(`## 긴 섹션 (1/${long.length})`);
    const all = texts.join('\n');
    for (const paragraph of paragraphs) expect(all).toContain(paragraph);
    expectWithinLimits(lesson);
  });

  it('render a 30-row table as 30 readable rows, split by rows when it is too long', () => {
    const rows = Array.from({ length: 30 }, (_, index) => `| \`cmd-${index + 1}\` | 설명 ${index + 1} |`);
    const small = parseLesson(
      lessonText(`# 9.1 레슨\n\n## 표\n\n| 명령어 | 설명 |\n| --- | --- |\n${rows.join('\n')}\n`),
      'x.md',
    );
    expect(paginateLesson(small)).toHaveLength(1);
    const text = pageTexts(small)[0]!;
    expect(text.split('\n').filter((line) => line.startsWith('• **명령어**'))).toHaveLength(30);
    expect(text).toContain('• **명령어**: `cmd-30` · **설명**: 설명 30');

    const wide = rows.map((row, index) =>
      row.replace(`설명 ${index + 1}`, `설명 ${index + 1} ${'긴 설명 '.repeat(30)}`),
    );
    const big = parseLesson(
      lessonText(`# 9.1 레슨\n\n## 표\n\n| 명령어 | 설명 |\n| --- | --- |\n${wide.join('\n')}\n`),
      'x.md',
    );
    expect(paginateLesson(big).length).toBeGreaterThan(1);
    const lines = pageTexts(big).flatMap((page) => page.split('\n').filter((line) => line.startsWith('• ')));
    expect(lines).toHaveLength(30);
    expectWithinLimits(big);
  });

  it('split a long code block by lines, each part fenced with its language', () => {
    const code = Array.from({ length: 300 }, (_, index) => `echo "line ${index + 1}"`).join('\n');
    const lesson = parseLesson(lessonText(`# 9.1 레슨\n\n## 코드\n\n\`\`\`bash\n${code}\n\`\`\`\n`), 'x.md');
    const texts = pageTexts(lesson);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text).toMatch(/```bash\necho "line \d+"/);
    const all = texts.join('\n');
    for (let line = 1; line <= 300; line += 1) expect(all).toContain(`echo "line ${line}"\n`);
    expectWithinLimits(lesson);
  });

  it('put at most five reveal buttons on a page', () => {
    const details = Array.from(
      { length: 12 },
      (_, index) => `<details>\n<summary>요약 ${index + 1}</summary>\n\n본문 ${index + 1}\n\n</details>`,
    );
    const lesson = parseLesson(lessonText(`# 9.1 레슨\n\n## 펼치기\n\n${details.join('\n\n')}\n`), 'x.md');
    const pages = paginateLesson(lesson);
    expect(pages.map((page) => page.blocks.length)).toEqual([5, 5, 2]);
    const reveal = renderReveal({ lesson, pageIndex: 2, detailsIndex: 1, t: ko })!;
    expect(payloadToText(reveal).text).toContain('본문 12');
    expectWithinLimits(lesson);
  });
});

describe('quiz payloads', () => {
  it('ask a question with one button per option', () => {
    const question = renderQuizQuestion({ lesson: sample, questionIndex: 0, ownerId: OWNER, t: ko })!;
    const text = payloadToText(question);
    expect(text.text).toContain('📝 **5.2 · 🎮 연습 문제** · 문제 1/2');
    expect(text.text).toContain('**A.** 레지스트리 주소 (docker.io)\n**B.** 본인의 계정명');
    expect(text.buttons.map((button) => button.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(decoded(text.buttons[1]!.customId)).toEqual({
      kind: 'answer',
      lessonId: '5.2',
      question: 0,
      option: 'B',
      right: 0,
      ownerId: OWNER,
      version,
    });
    expect(renderQuizQuestion({ lesson: sample, questionIndex: 2, ownerId: OWNER, t: ko })).toBeNull();
  });

  it('answer with correct/incorrect, the right answer, the explanation and the next step', () => {
    const wrong = payloadToText(
      renderQuizAnswer({ lesson: sample, questionIndex: 0, chosenKey: 'A', ownerId: OWNER, t: ko })!,
    );
    expect(wrong.text).toContain('❌ 아쉬워요. 고른 답은 **A**예요.');
    expect(wrong.text).toContain('정답: **B. 본인의 계정명**');
    expect(wrong.text).toContain('도커 허브에 푸시하려면 `계정명/이미지명:태그` 형식이 필수입니다.');
    expect(wrong.buttons).toHaveLength(1);
    expect(wrong.buttons[0]!.label).toBe('다음 문제 ▶');
    expect(decoded(wrong.buttons[0]!.customId)).toMatchObject({ kind: 'next', question: 1 });

    const right = renderQuizAnswer({
      lesson: sample,
      questionIndex: 1,
      chosenKey: 'B',
      ownerId: OWNER,
      t: en,
    })!;
    const rightText = payloadToText(right);
    expect(rightText.text).toContain('✅ Correct!');
    expect(rightText.buttons[0]!.label).toBe('🏁 See the result');
    expect(decoded(rightText.buttons[0]!.customId)).toMatchObject({ kind: 'next', question: 2 });

    expect(
      renderQuizAnswer({ lesson: sample, questionIndex: 1, chosenKey: 'D', ownerId: OWNER, t: ko }),
    ).toBeNull();
  });

  it('end with the score and a retry button', () => {
    const score = payloadToText(renderQuizScore({ lesson: sample, correctCount: 1, ownerId: OWNER, t: ko }));
    expect(score.text).toContain('이번 풀이: 2문제 중 **1문제** 정답 (50%)');
    expect(decoded(score.buttons[0]!.customId)).toMatchObject({ kind: 'quiz', lessonId: '5.2' });
    expect(
      payloadToText(renderQuizScore({ lesson: sample, correctCount: 2, ownerId: OWNER, t: ko })).text,
    ).toContain('🎉');
  });

  it('tell this run’s score and the first-try score apart, congratulate a perfect retry, and say what is next', () => {
    const retry = payloadToText(
      renderQuizScore({
        lesson: sample,
        correctCount: 2,
        firstTryCorrect: 1,
        next: { kind: 'lesson', lesson: sample, pageIndex: 0 },
        ownerId: OWNER,
        t: ko,
      }),
    );
    expect(retry.text).toContain('이번 풀이: 2문제 중 **2문제** 정답 (100%)');
    expect(retry.text).toContain('🎉 이번에는 모두 맞혔어요!');
    expect(retry.text).toContain('첫 시도 기록: 2문제 중 1문제 정답.');
    expect(retry.text).toContain('다음 레슨은 **5.2 도커 허브에 직접 빌드한 이미지 푸시하기**예요.');
    expect(retry.buttons.map((button) => button.label)).toEqual(['🔁 다시 풀기', '📘 5.2 레슨 열기']);
    expect(decoded(retry.buttons[1]!.customId)).toMatchObject({ kind: 'page', page: 0, from: 0 });

    const toVerify = payloadToText(
      renderQuizScore({
        lesson: sample,
        correctCount: 1,
        firstTryCorrect: 1,
        next: { kind: 'verify', lesson: sample, check: sampleCheck },
        ownerId: OWNER,
        t: ko,
      }),
    );
    expect(toVerify.text).toContain('`/verify` 명령으로 인증해 보세요. 인증하면 +50점을 받아요.');
    expect(toVerify.text).toContain('💪');
    expect(toVerify.buttons).toHaveLength(1);
  });

  it('tell the points of an answer with the new total and the completion bonus', () => {
    const right = payloadToText(
      renderQuizAnswer({
        lesson: sample,
        questionIndex: 1,
        chosenKey: 'B',
        ownerId: OWNER,
        t: ko,
        right: 0,
        earned: { reason: 'quiz-retry', points: 5, lessonBonus: 30, total: 135 },
      })!,
    );
    expect(right.text).toContain(
      '✅ 정답이에요!\n🔁 다시 풀어서 맞혔어요. **+5점** (총 105점)\n🏁 레슨 5.2의 단계와 퀴즈를 모두 끝냈어요! 완료 보너스 **+30점** (총 135점)',
    );
    expect(decoded(right.buttons[0]!.customId)).toMatchObject({ kind: 'next', question: 2, right: 1 });
  });
});

describe('payloadToText', () => {
  it('numbers the pressable buttons and shows disabled ones in parentheses', () => {
    const text = payloadToText({
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              style: ButtonStyle.Secondary,
              label: 'off',
              custom_id: 'a',
              disabled: true,
            },
            { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'on', custom_id: 'b' },
          ],
        },
      ],
    });
    expect(text).toEqual({ text: '(off) [1: on]', buttons: [{ number: 1, label: 'on', customId: 'b' }] });
  });
});
