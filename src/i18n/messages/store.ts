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
  'store.restore.usage': '사용법: npm run db:restore -- <백업 파일 경로> (봇을 멈춘 뒤에 실행하세요)',
  'store.restore.done':
    '✅ 복원 완료: {backup} → {path} (스키마 버전 {version}). 봇을 시작하면 남은 마이그레이션이 적용돼요.',
  'store.restore.setAside': '이전 데이터베이스는 {path}에 옮겨 두었어요.',
  'store.restore.botRunning':
    '⚠️ 봇이 이 데이터베이스로 실행 중이에요 ({lock}). 봇을 멈춘 뒤 다시 복원해 주세요. 아무것도 바꾸지 않았어요.',
  'store.restore.sourceMissing': '⚠️ 백업 파일이 없어요: {path}',
  'store.restore.notADatabase': '⚠️ {path} 파일은 이 봇의 온전한 백업이 아니에요. 아무것도 바꾸지 않았어요.',
  'store.restore.ontoItself': '⚠️ 백업 파일이 바로 지금의 데이터베이스예요: {path}',
  'store.restore.newer':
    '⚠️ 백업의 스키마(버전 {databaseVersion})가 이 코드(버전 {codeVersion})보다 새로워요. 그 백업을 만든 버전의 봇으로 복원해 주세요. 아무것도 바꾸지 않았어요.',
  'store.restore.failed': '⚠️ 복원하지 못했어요: {reason}',
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
  'store.restore.usage': 'Usage: npm run db:restore -- <backup file path> (with the bot stopped)',
  'store.restore.done':
    '✅ Restored {backup} → {path} (schema version {version}). Pending migrations run when the bot starts.',
  'store.restore.setAside': 'The previous database was moved to {path}.',
  'store.restore.botRunning':
    '⚠️ A bot is running on this database ({lock}). Stop it, then restore again. Nothing was changed.',
  'store.restore.sourceMissing': '⚠️ There is no backup file at {path}.',
  'store.restore.notADatabase': '⚠️ {path} is not an intact backup of this bot. Nothing was changed.',
  'store.restore.ontoItself': '⚠️ The backup file is the database itself: {path}',
  'store.restore.newer':
    '⚠️ The backup’s schema (version {databaseVersion}) is newer than this code (version {codeVersion}). Restore it with the version of the bot that made it. Nothing was changed.',
  'store.restore.failed': '⚠️ The restore failed: {reason}',
} satisfies Record<keyof typeof ko, string>;
