# One image for every hub app; the compose file picks the app with APP.
# Not used on the project's own machines (no Docker engine there): for people who run Docker.
FROM node:24-bookworm-slim AS build
WORKDIR /hub
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /hub
ENV NODE_ENV=production
COPY --from=build /hub/node_modules ./node_modules
COPY --from=build /hub/dist ./dist
COPY --from=build /hub/schemas ./schemas
COPY --from=build /hub/config ./config
COPY --from=build /hub/package.json ./package.json
COPY --from=build /hub/scripts ./scripts
# Where docker-compose.yml's development trust volume is mounted: a new volume takes this
# folder's owner, so the unprivileged user can write the generated key there (ADR 0105).
RUN mkdir -p /hub/.local/keys && chown -R node:node /hub/.local
USER node
CMD ["sh", "-c", "exec node --enable-source-maps dist/apps/${APP}/src/main.js"]
