# One image per deployable, chosen with --build-arg APP (standalone,
# opportunities-service). Per-deployable images with health checks arrive with
# the deployment issue; this one already builds from the same `npm run build`.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json tsconfig.base.json nx.json ./
# npm workspaces: every project's package.json must be present for npm ci.
COPY apps ./apps
COPY libs ./libs
RUN npm ci --no-audit --no-fund
COPY tools ./tools
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ARG APP=standalone
ENV NODE_ENV=production APP=${APP} PORT=3000
WORKDIR /app
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
