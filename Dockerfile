# docker-study-bot — a two-stage image on the official Node 20 slim image.
#
#   docker image build -t docker-study-bot .
#   docker run -d --name docker-study-bot --env-file .env -v docker-study-bot-data:/data docker-study-bot
#
# The build stage has the C++ toolchain better-sqlite3 needs when no prebuilt binary fits; the
# runtime stage gets only the compiled bot, its production dependencies and the course content.

FROM node:20-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first: this layer is rebuilt only when the lock file changes.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
# Compile, drop dev dependencies, and keep only Pretendard's OTF fonts (the web formats are
# ~85 MB the bot never reads).
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && find node_modules/pretendard/dist -type f \( -name '*.woff' -o -name '*.woff2' -o -name '*.css' \) -delete

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
  DATABASE_PATH=/data/bot.sqlite \
  HEALTH_HOST=0.0.0.0 \
  HEALTH_PORT=9464
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY data/course.yaml ./data/course.yaml
COPY data/lessons ./data/lessons
# The database lives on a volume the non-root user owns (created before VOLUME, or Docker
# would create it owned by root). The code stays root-owned and read-only to the bot.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=3m --retries=3 \
  CMD ["node", "dist/src/ops/healthcheck.js"]
# Node itself is PID 1 (exec form, no shell or npm in between): the bot handles SIGTERM and
# SIGINT itself, drains interactions in flight, closes the database and exits 0. It starts no
# child processes, so there are no zombies to reap and no init is needed.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
