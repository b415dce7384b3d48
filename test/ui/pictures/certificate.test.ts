import { describe, expect, it } from 'vitest';
import {
  type CertificateInput,
  certificateLayout,
  commandAsTyped,
  formatDate,
  renderCertificate,
  shortDigest,
} from '../../../src/ui/pictures/index.js';
import { HOSTILE_NAME } from '../../../src/ui/pictures/samples.js';
import { en, ko } from './support/contexts.js';
import { countInk, decodePicture, glyphProblems } from './support/png.js';

const DIGEST = 'sha256:1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e79f0e';

const certificate = (overrides: Partial<CertificateInput> = {}): CertificateInput => ({
  learnerName: '김도커',
  courseTitle: '도커 입문',
  // 16:30 UTC on 1 September is already 2 September in Seoul.
  completedAt: new Date('2025-09-01T16:30:00Z'),
  image: { reference: 'dockerkim/image-gallery:v1', digest: DIGEST },
  serverName: '도커 스터디',
  code: 'DSB-7K3M-Q9XP',
  checkCommand: '/course certificate code:DSB-7K3M-Q9XP',
  ...overrides,
});

describe('formatting for the certificate', () => {
  it('prints the day as it was in the course time zone (Asia/Seoul unless told otherwise)', () => {
    const at = new Date('2025-09-01T16:30:00Z');
    expect(formatDate(at, 'ko')).toBe('2025년 9월 2일');
    expect(formatDate(at, 'ko', 'UTC')).toBe('2025년 9월 1일');
    expect(formatDate(at, 'en')).toBe('September 2, 2025');
  });

  it('refuses a time zone it does not know, saying which', () => {
    expect(() => formatDate(new Date(), 'ko', 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });

  it('shortens digests to the short form plus the last four characters', () => {
    expect(shortDigest(DIGEST)).toBe('sha256:1a2b3c4d5e6f…9f0e');
    expect(shortDigest('not-a-digest')).toBe('not-a-digest');
  });

  it('prints a command mention as a person would type it', () => {
    expect(commandAsTyped('</course certificate:1234567890> code:AB-12')).toBe(
      '/course certificate code:AB-12',
    );
    expect(commandAsTyped('/course certificate code:AB-12')).toBe('/course certificate code:AB-12');
  });
});

describe('renderCertificate', () => {
  it('decodes at its size with the name, date, image, digest and code drawn', () => {
    const picture = renderCertificate(certificate(), ko);
    const png = decodePicture(picture);
    expect([picture.width, picture.height]).toEqual([certificateLayout.width, certificateLayout.height]);
    expect(glyphProblems(png, picture.boxes.name!, '김도커', { size: 64, weight: 'bold' })).toEqual([]);
    expect(
      glyphProblems(png, picture.boxes.date!, '2025년 9월 2일', { size: 25, weight: 'semibold' }),
    ).toEqual([]);
    for (const part of ['image', 'digest', 'code'] as const) {
      expect(countInk(png, picture.boxes[part]!), part).toBeGreaterThan(picture.boxes[part]!.width * 3);
    }
    expect(picture.description).toBe(
      '김도커의 도커 입문 수료증. 수료일 2025년 9월 2일, 인증 이미지 dockerkim/image-gallery:v1, 수료증 코드 DSB-7K3M-Q9XP.',
    );
  });

  it('uses the time zone it is given', () => {
    const seoul = renderCertificate(certificate(), ko);
    const utc = renderCertificate(certificate(), { ...ko, timeZone: 'UTC' });
    expect(utc.description).toContain('수료일 2025년 9월 1일');
    expect(utc.png.equals(seoul.png)).toBe(false);
  });

  it('keeps hostile text inside the frame', () => {
    const picture = renderCertificate(
      certificate({
        learnerName: HOSTILE_NAME,
        courseTitle: '과정 '.repeat(500),
        serverName: `\u202E${'서버 '.repeat(300)}`,
        image: {
          reference: `${'a'.repeat(30)}/${'b'.repeat(255)}:${'c'.repeat(128)}`,
          digest: `sha512:${'ab'.repeat(64)}`,
        },
        code: 'X'.repeat(500),
        checkCommand: `/course certificate code:${'X'.repeat(500)}`,
      }),
      ko,
    );
    decodePicture(picture);
    const frame = certificateLayout.frameInset;
    for (const [part, box] of Object.entries(picture.boxes)) {
      expect(box.x, part).toBeGreaterThanOrEqual(frame);
      expect(box.x + box.width, part).toBeLessThanOrEqual(certificateLayout.width - frame);
    }
    // A long image reference keeps its tag end; the description fits a Discord attachment.
    expect(picture.description).toMatch(/aaaa.*…c*, /);
    expect(picture.description.length).toBeLessThanOrEqual(1024);
  });

  it('speaks English to English clients', () => {
    const picture = renderCertificate(certificate({ learnerName: 'Jamie Park' }), en);
    decodePicture(picture);
    expect(picture.description).toBe(
      'Certificate of completion of 도커 입문 for Jamie Park. Completed on September 2, 2025; verified image dockerkim/image-gallery:v1; certificate code DSB-7K3M-Q9XP.',
    );
  });
});
