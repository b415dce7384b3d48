/**
 * What the operator reads on the terminal when the bot cannot start (the same failure also
 * goes to the log as a JSON line). Korean is the source; English has every key.
 */
export const ko = {
  'ops.tokenMissing':
    '⚠️ DISCORD_TOKEN이 설정되지 않았어요. 디스코드에 연결하려면 환경 변수나 .env 파일에 봇 토큰을 넣어 주세요. 로컬 콘솔을 일부러 열려면 --console을 붙여 실행하세요: npm start -- --console',
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
} as const;

export const en = {
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
} satisfies Record<keyof typeof ko, string>;
