/**
 * Messages of the store area (the backup command and start-up refusals), in the i18n area
 * format: Korean is the source, English has every key.
 */
export const ko = {
  'store.backup.usage': '사용법: npm run db:backup -- <백업 파일 경로>',
  'store.backup.done': '✅ 백업 완료: {path} ({pages}페이지, {bytes}바이트)',
  'store.backup.sourceMissing': '⚠️ 데이터베이스 파일이 없어요: {path} (DATABASE_PATH를 확인해 주세요)',
  'store.backup.targetExists': '⚠️ 이미 있는 파일이에요: {path} — 새 파일 이름을 정해 주세요.',
  'store.backup.directoryMissing': '⚠️ 백업할 폴더가 없어요: {path}',
  'store.backup.failed': '⚠️ 백업하지 못했어요: {reason}',
  'store.databaseNewer':
    '⚠️ 데이터베이스 스키마(버전 {databaseVersion})가 이 코드(버전 {codeVersion})보다 새로워요. 새 버전의 봇을 실행하거나, 이 버전으로 만든 백업을 복원해 주세요.',
} as const;

export const en = {
  'store.backup.usage': 'Usage: npm run db:backup -- <backup file path>',
  'store.backup.done': '✅ Backup written: {path} ({pages} pages, {bytes} bytes)',
  'store.backup.sourceMissing': '⚠️ There is no database file at {path} (check DATABASE_PATH).',
  'store.backup.targetExists': '⚠️ {path} already exists — choose a new file name.',
  'store.backup.directoryMissing': '⚠️ The folder {path} does not exist.',
  'store.backup.failed': '⚠️ The backup failed: {reason}',
  'store.databaseNewer':
    '⚠️ The database schema (version {databaseVersion}) is newer than this code (version {codeVersion}). Run a newer bot, or restore a backup made by this version.',
} satisfies Record<keyof typeof ko, string>;
