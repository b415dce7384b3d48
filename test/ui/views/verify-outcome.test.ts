import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/index.js';
import {
  type LookupOutcome,
  type LookupReport,
  lookupOutcomes,
} from '../../../src/services/verification/image-lookup.js';
import { describeLookup, type LookupGuide } from '../../../src/ui/views/verify-outcome.js';

const image = {
  namespace: 'learner1',
  repository: 'image-gallery',
  tag: 'v1',
  name: 'learner1/image-gallery',
};
const guide: LookupGuide = {
  fixSteps: { tag: 'step-3', push: 'step-4', publish: 'step-5', build: null },
  stepTitle: (id) =>
    ({ 'step-3': 'Step 3: 참조 부여', 'step-4': 'Step 4: 푸시', 'step-5': 'Step 5: 확인' })[id] ?? id,
};

function report(outcome: LookupOutcome, overrides: Partial<LookupReport> = {}): LookupReport {
  return {
    outcome,
    passed: outcome === 'found',
    image,
    digest: null,
    mediaType: null,
    platform: null,
    details: {},
    enrichment: null,
    requests: [],
    checkedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const ko = translator('ko');
const en = translator('en');

describe('describeLookup', () => {
  it('tag missing → Step 3’s tag command and Step 4’s push, with the learner’s Docker ID', () => {
    const text = describeLookup(report('tag-missing'), ko, 'learner1', guide);
    expect(text.title).toContain('`v1`');
    expect(text.commands).toEqual([
      'docker image tag image-gallery learner1/image-gallery:v1',
      'docker image push learner1/image-gallery:v1',
    ]);
    expect(text.fixStepIds).toEqual(['step-3', 'step-4']);
    expect(text.fix.join('\n')).toContain('Step 3: 참조 부여');
  });

  it('missing or private → both possibilities: push (Step 4) and make it public (Step 5)', () => {
    const text = describeLookup(report('repository-missing-or-private'), ko, 'learner1', guide);
    expect(text.commands).toEqual(['docker image push learner1/image-gallery:v1']);
    expect(text.fixStepIds).toEqual(['step-4', 'step-5']);
    const fix = text.fix.join('\n');
    expect(fix).toContain('Step 4: 푸시');
    expect(fix).toContain('Step 5: 확인');
    expect(fix).toContain('공개(Public)');
  });

  it('not built from the base → rebuild from diamol/base, pointing at the build step when the course has one', () => {
    const text = describeLookup(
      report('not-built-from-base', { digest: 'sha256:ab', details: { baseImage: 'diamol/base:latest' } }),
      en,
      'learner1',
      { fixSteps: { ...guide.fixSteps, build: 'ch4-build' } },
    );
    expect(text.title).toContain('diamol/base:latest');
    expect(text.fix[0]).toContain('FROM diamol/base:latest');
    expect(text.fixStepIds).toEqual(['ch4-build', 'step-3', 'step-4']);
  });

  it('not built from the base → the course’s build command, then tag and push, and where the build is taught', () => {
    const text = describeLookup(
      report('not-built-from-base', {
        digest: 'sha256:ab',
        details: { baseImage: 'diamol/base', checkedPlatforms: [] },
      }),
      ko,
      'learner1',
      {
        ...guide,
        buildHint: '4장의 빌드 실습을 다시 확인해 주세요.',
        buildCommand: 'docker image build -t image-gallery .',
      },
    );
    expect(text.commands).toEqual([
      'docker image build -t image-gallery .',
      'docker image tag image-gallery learner1/image-gallery:v1',
      'docker image push learner1/image-gallery:v1',
    ]);
    expect(text.fix).toEqual([
      '푸시한 이미지는 `diamol/base`에서 시작하지 않았어요. Dockerfile의 `FROM`이 `diamol/base`인지 확인하고 아래 명령으로 다시 빌드해 주세요. 그다음 레슨의 `Step 3: 참조 부여` 단계에서처럼 태그를 붙이고 레슨의 `Step 4: 푸시` 단계에서처럼 푸시하면 돼요.',
      '📖 4장의 빌드 실습을 다시 확인해 주세요.',
    ]);
    // An empty list is said in words, never "(없음)".
    expect(text.found).toContain(
      '플랫폼 목록이 없는 단일 이미지라서 이미지 그대로 `diamol/base`와 비교했어요.',
    );
    expect(JSON.stringify(text)).not.toContain('없음');
  });

  it('platform not found → platforms as Docker writes them and the build command for one the base has', () => {
    const text = describeLookup(
      report('platform-not-found', {
        digest: 'sha256:ab',
        details: {
          baseImage: 'diamol/base',
          learnerPlatforms: ['linux/s390x'],
          basePlatforms: ['linux/amd64', 'linux/arm64/v8'],
        },
      }),
      ko,
      'learner1',
      { ...guide, buildCommand: 'docker image build -t image-gallery .' },
    );
    expect(text.found).toContain('푸시한 이미지의 플랫폼: `linux/s390x`');
    expect(text.found).toContain('`diamol/base`의 플랫폼: `linux/amd64`, `linux/arm64/v8`');
    expect(text.commands[0]).toBe('docker image build --platform linux/amd64 -t image-gallery .');
    expect(text.fix[0]).toContain('`--platform linux/amd64`를 붙여 다시 빌드한 뒤');
    expect(text.fixStepIds).toEqual(['step-3', 'step-4']);
  });

  it('found → image, digest, platform, base and Hub details', () => {
    const text = describeLookup(
      report('found', {
        digest: 'sha256:abc',
        platform: 'linux/amd64',
        details: { baseImage: 'diamol/base:latest' },
        enrichment: {
          lastPushed: '2026-01-01T09:15:30Z',
          fullSizeBytes: 26_200_000,
          platforms: ['linux/amd64'],
        },
      }),
      en,
      'learner1',
      guide,
    );
    expect(text.found).toEqual([
      'Image: `learner1/image-gallery:v1`',
      'Digest: `sha256:abc`',
      'Platform: `linux/amd64`',
      'Confirmed to be built on `diamol/base:latest`.',
      'Last push according to Docker Hub: 2026-01-01 09:15 UTC',
      'Compressed size: 26.2 MB',
      'Platforms on Docker Hub: linux/amd64',
    ]);
    expect(text.commands).toEqual([]);
  });

  it('an index with entries left unchecked says which platforms were compared and how many were skipped', () => {
    const notBuilt = describeLookup(
      report('not-built-from-base', {
        digest: 'sha256:abc',
        details: { baseImage: 'diamol/base:latest', checkedPlatforms: ['linux/amd64'], skippedEntries: 39 },
      }),
      ko,
      'learner1',
      guide,
    );
    expect(notBuilt.found).toContain('비교한 플랫폼: `linux/amd64`');
    expect(notBuilt.found).toContain(
      '이미지 인덱스의 항목 39개는 확인하지 않았어요. 플랫폼마다 첫 항목만, 한 번에 최대 16개까지 확인해요.',
    );
    const found = describeLookup(
      report('found', {
        digest: 'sha256:abc',
        platform: 'linux/amd64',
        details: { baseImage: 'diamol/base:latest', checkedPlatforms: ['linux/amd64'], skippedEntries: 2 },
      }),
      en,
      'learner1',
      guide,
    );
    expect(found.found).toContain(
      '2 entries of the image index were not checked: only the first entry of each platform counts, and at most 16 entries are checked.',
    );
    const plain = describeLookup(
      report('found', {
        digest: 'sha256:abc',
        details: { checkedPlatforms: ['linux/amd64'], skippedEntries: 0 },
      }),
      en,
      'learner1',
      guide,
    );
    expect(plain.found.join('\n')).not.toContain('not checked');
  });

  it('rate limited and cooldown say how long to wait; unavailable says why', () => {
    expect(
      describeLookup(report('rate-limited', { details: { retryAfterSeconds: 90 } }), ko, 'x', guide).fix[0],
    ).toContain('90초');
    expect(
      describeLookup(report('cooldown', { details: { cooldownSeconds: 12 } }), en, 'x', guide).fix[0],
    ).toContain('12 s');
    expect(
      describeLookup(report('unavailable', { details: { unavailableReason: 'timeout' } }), ko, 'x', guide)
        .fix[0],
    ).toContain('응답 시간 초과');
    expect(
      describeLookup(
        report('unavailable', { details: { unavailableReason: 'request-budget' } }),
        en,
        'x',
        guide,
      ).fix[0],
    ).toContain('more requests needed than one check may send');
  });

  it('invalid input shows each rule with an example and the suggestion, never the raw input', () => {
    const text = describeLookup(
      report('invalid-input', {
        image: null,
        details: {
          problems: [
            { field: 'dockerId', code: 'docker-id-invalid', hint: 'uppercase', suggestion: 'learner1' },
          ],
        },
      }),
      ko,
      'LEARNER1',
      guide,
    );
    expect(text.fix[1]).toBe(
      '**도커 ID**: 대문자는 쓸 수 없어요. 소문자로 입력해 주세요. 도커 ID는 영어 소문자와 숫자로 된 4~30자예요. 예: `yangwonjun` 혹시 `learner1`을 입력하려던 건가요?',
    );
    expect(JSON.stringify(text)).not.toContain('LEARNER1');
  });

  it('proof tag missing → the personal code, both commands filled in, and why a tag proves it', () => {
    const missing = report('proof-tag-missing', {
      digest: `sha256:${'1'.repeat(64)}`,
      details: { baseImage: 'diamol/base:latest', proofTag: 'verify-k3m9xp' },
    });
    const text = describeLookup(missing, ko, 'learner1', guide);
    expect(text.commands).toEqual([
      'docker image tag learner1/image-gallery:v1 learner1/image-gallery:verify-k3m9xp',
      'docker image push learner1/image-gallery:verify-k3m9xp',
    ]);
    expect(text.found).toContain('확인용 태그 `verify-k3m9xp`: 아직 없어요');
    expect(text.found).toContain(`다이제스트: \`sha256:${'1'.repeat(64)}\``);
    const fix = text.fix.join('\n');
    expect(fix).toContain('내 확인 코드: `k3m9xp`');
    expect(fix).toContain('`learner1` 도커 ID로 처음 인증할 때');
    expect(fix).toContain('태그는 하나의 이미지 ID에 붙이는 이름이에요');
    expect(fix).toContain('`/verify` 명령을 다시 실행해 주세요');
    expect(text.fixStepIds).toEqual(['step-3', 'step-4']);
    const english = describeLookup(missing, en, 'learner1', guide);
    expect(english.fix.join('\n')).toContain('Your code: `k3m9xp`');
    expect(english.commands).toEqual(text.commands);
  });

  it('proof tag on another image → both digests and the same commands to move the tag', () => {
    const text = describeLookup(
      report('proof-tag-mismatch', {
        digest: `sha256:${'1'.repeat(64)}`,
        details: { proofTag: 'verify-k3m9xp', proofDigest: `sha256:${'2'.repeat(64)}` },
      }),
      ko,
      'learner1',
      guide,
    );
    expect(text.found).toEqual(
      expect.arrayContaining([
        `다이제스트: \`sha256:${'1'.repeat(64)}\``,
        `확인용 태그 \`verify-k3m9xp\`의 다이제스트: \`sha256:${'2'.repeat(64)}\``,
      ]),
    );
    expect(text.fix.join('\n')).toContain('다른 이미지를 가리켜요');
    expect(text.commands[1]).toBe('docker image push learner1/image-gallery:verify-k3m9xp');
  });

  it('new texts write particles for the word, never both forms', () => {
    const outcomes = [
      'no-own-layer',
      'base-image-refused',
      'proof-tag-missing',
      'proof-tag-mismatch',
      'in-progress',
    ];
    for (const outcome of outcomes as LookupOutcome[]) {
      const text = describeLookup(
        report(outcome, { details: { baseImage: 'diamol/base:latest', proofTag: 'verify-k3m9xp' } }),
        ko,
        'learner1',
        guide,
      );
      expect(JSON.stringify(text)).not.toMatch(/을\(를\)|이\(가\)|와\(과\)|\(으\)로|은\(는\)/);
    }
  });

  it.each(lookupOutcomes)(
    '%s has a title and advice in both languages with every placeholder filled',
    (outcome) => {
      for (const t of [ko, en]) {
        const text = describeLookup(
          report(outcome, { details: { baseImage: 'diamol/base:latest' } }),
          t,
          'learner1',
          guide,
        );
        expect(text.title.length).toBeGreaterThan(0);
        expect(text.fix.length).toBeGreaterThan(0);
        expect(JSON.stringify(text)).not.toMatch(/\{\w+\}/);
      }
    },
  );
});
