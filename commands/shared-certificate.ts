import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Locale } from '../src/i18n/index.js';

/** `/course`'s names, here so that the certificate's check line and /course itself say the same. */
export const courseCommandNames = { name: 'course', name_localizations: { ko: '코스관리' } } as const;

const codeOption = {
  type: ApplicationCommandOptionType.String,
  name: 'code',
  name_localizations: { ko: '코드' },
  description: 'The code printed on the certificate (DSB-XXXX-XXXX-XXXX)',
  description_localizations: { ko: '수료증에 적힌 코드 (DSB-XXXX-XXXX-XXXX)' },
  required: true,
  max_length: 64,
} as const;

/**
 * `/course certificate code:`, shared by /course (which carries it) and /progress (whose
 * certificate tells instructors how to check it).
 */
export const certificateSubcommand = {
  type: ApplicationCommandOptionType.Subcommand as const,
  name: 'certificate' as const,
  name_localizations: { ko: '수료증확인' },
  description: 'Check a completion certificate code: whose it is, when, which image',
  description_localizations: { ko: '수료증 코드 확인: 누구의 수료증인지, 수료일, 인증 이미지' },
  options: [codeOption],
};

/** `/course certificate code:` as the reader's client shows it (Korean clients see the Korean names). */
export function certificateCheckCommand(locale: Locale): string {
  if (locale === 'ko') {
    return `/${courseCommandNames.name_localizations.ko} ${certificateSubcommand.name_localizations.ko} ${codeOption.name_localizations.ko}:`;
  }
  return `/${courseCommandNames.name} ${certificateSubcommand.name} ${codeOption.name}:`;
}
