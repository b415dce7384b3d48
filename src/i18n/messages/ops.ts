/**
 * What the operator reads on the terminal: start-up failures (the same failure also goes to the log
 * as a JSON line), deploy-commands, and the database backup and restore commands.
 * Korean is the source; English must have every key.
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
  'store.restore.usage': '사용법: npm run db:restore -- <백업 파일 경로> (봇을 멈춘 뒤에 실행해 주세요)',
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
  'ops.tokenMissing':
    '⚠️ DISCORD_TOKEN이 설정되지 않았어요. 디스코드에 연결하려면 환경 변수나 .env 파일에 봇 토큰을 넣어 주세요. 로컬 콘솔을 일부러 열려면 --console을 붙여 실행해 주세요: npm start -- --console',
  'ops.databaseInUse':
    '⚠️ 다른 프로세스(실행 중인 봇이나 복원 작업)가 이 데이터베이스를 쓰고 있어요: {lock}\n같은 데이터베이스로 봇을 두 개 실행할 수 없어요. 실행 중인 봇을 먼저 멈추거나 DATABASE_PATH를 바꿔 주세요.',
  'ops.databaseUnavailable':
    '⚠️ 데이터베이스를 열 수 없어요: {path} ({reason})\n경로가 맞는지, 봇을 실행하는 사용자가 그 폴더에 쓸 수 있는지 확인해 주세요. (도커: /data 볼륨의 소유자)',
  'ops.tokenRefused':
    '⚠️ 디스코드가 봇 토큰을 거부했어요. 개발자 포털의 Bot 페이지에서 토큰을 다시 발급해 DISCORD_TOKEN에 넣어 주세요.',
  'ops.intentsRefused':
    '⚠️ 디스코드가 게이트웨이 연결을 거부했어요 (종료 코드 {code}: {reason}). 개발자 포털에서 봇 설정을 확인해 주세요.',
  'ops.discordUnreachable':
    '⚠️ {seconds}초 동안 {attempts}번 시도했지만 디스코드에 연결하지 못했어요 (마지막 오류: {reason}). 네트워크와 DNS, DISCORD_API_URL을 확인해 주세요.',
  'ops.healthPortInUse':
    '⚠️ 상태 확인 포트를 열 수 없어요: {host}:{port} ({reason}). 다른 프로그램이 쓰고 있다면 HEALTH_PORT를 바꿔 주세요.',
  'ops.unexpected': '⚠️ 봇을 시작하지 못했어요: {reason}',
  'deploy.tokenMissing':
    '⚠️ DISCORD_TOKEN이 설정되지 않았어요. deploy-commands는 봇 토큰으로 명령을 등록해요. 등록 계획만 보려면 --dry-run을 붙여 주세요.',
  'deploy.where.homeServer': '홈 서버 {guildId}',
  'deploy.where.global': '모든 서버(전역)',
  'deploy.none': '없음',
  'deploy.registered': '✅ 명령 {count}개를 등록했어요 ({where}): {names}',
  'deploy.upToDate': '✅ 명령이 이미 최신이라 아무것도 올리지 않았어요 ({where}): {names}',
  'deploy.registeredNowhere':
    'ℹ️ 어디에도 등록하지 않은 명령: /{name} — 홈 서버에 등록하려면 DISCORD_GUILD_ID를 홈 서버 ID로 설정해 주세요.',
  'deploy.plan.homeServer': '홈 서버 {guildId}에만 등록 (DISCORD_GUILD_ID, 바로 반영): {names}',
  'deploy.plan.globalUntouched': '전역(모든 서버): 등록하거나 바꾸는 명령 없음',
  'deploy.plan.global': '전역(모든 서버): {names}',
  'deploy.plan.unregistered': '등록하지 않음 (DISCORD_GUILD_ID가 설정되지 않음): {names}',
  'deploy.failed': '⚠️ 명령을 등록하지 못했어요: {reason}',
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
  'ops.tokenMissing':
    '⚠️ DISCORD_TOKEN is not set. To connect to Discord, put the bot token in the environment or in a .env file. To open the local console on purpose, run with --console: npm start -- --console',
  'ops.databaseInUse':
    '⚠️ Another process (a running bot or a restore) is using this database: {lock}\nTwo bots cannot share one database. Stop the running bot first, or set another DATABASE_PATH.',
  'ops.databaseUnavailable':
    '⚠️ Cannot open the database: {path} ({reason})\nCheck the path, and that the user running the bot can write to its folder (Docker: the owner of the /data volume).',
  'ops.tokenRefused':
    '⚠️ Discord refused the bot token. Reset the token on the developer portal’s Bot page and put the new one in DISCORD_TOKEN.',
  'ops.intentsRefused':
    '⚠️ Discord refused the gateway connection (close code {code}: {reason}). Check the bot’s settings on the developer portal.',
  'ops.discordUnreachable':
    '⚠️ Could not reach Discord in {attempts} tries over {seconds} s (last error: {reason}). Check the network, DNS and DISCORD_API_URL.',
  'ops.healthPortInUse':
    '⚠️ Cannot open the health port {host}:{port} ({reason}). If another program uses it, set another HEALTH_PORT.',
  'ops.unexpected': '⚠️ The bot could not start: {reason}',
  'deploy.tokenMissing': 'DISCORD_TOKEN is not set: deploy-commands needs the bot token (or use --dry-run).',
  'deploy.where.homeServer': 'the home server {guildId}',
  'deploy.where.global': 'all servers (global)',
  'deploy.none': 'none',
  'deploy.registered': 'Registered {count} commands for {where}: {names}',
  'deploy.upToDate': 'Commands for {where} are already up to date ({names}); nothing uploaded.',
  'deploy.registeredNowhere':
    '/{name} is registered nowhere: set DISCORD_GUILD_ID to the home server to register it there.',
  'deploy.plan.homeServer': 'home server {guildId} only (DISCORD_GUILD_ID, instant): {names}',
  'deploy.plan.globalUntouched': 'global (every server): nothing registered or changed',
  'deploy.plan.global': 'global (every server): {names}',
  'deploy.plan.unregistered': 'not registered (DISCORD_GUILD_ID is not set): {names}',
  'deploy.failed': 'deploy-commands failed: {reason}',
} satisfies Record<keyof typeof ko, string>;
