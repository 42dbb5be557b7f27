# caliq-slack in a container. Build stage: npm ci, compile TypeScript, drop dev dependencies. Runtime stage: only the
# compiled bot and its production dependencies, as the unprivileged `node` user, data on the /data volume.
# scripts/check-production-recipe.sh runs the same steps without Docker; docs/deploying.md explains each setting.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary when one matches; the compiler is its fallback when none does.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_PATH=/data/caliq-slack.db \
    EMPLOYEE_MAP=/data/employee-map.csv
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY LICENSE employee-map.example.csv ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Readiness: Caliq takes the key, the database a write, Slack the token (cached 10 s in the bot). HEALTH_PORT when set.
HEALTHCHECK --interval=30s --timeout=5s --start-period=45s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (no npm or shell in between): it stops within 10 s and logs "caliq-slack stopped".
STOPSIGNAL SIGTERM
CMD ["node", "--max-old-space-size=160", "--max-semi-space-size=8", "dist/main.js"]
