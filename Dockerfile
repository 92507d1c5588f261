# syntax=docker/dockerfile:1
# Meridian images: one build target per deployable, all from one `npm run build`.
#
#   docker build --target opportunities-service -t meridian/opportunities-service .
#   docker build --target customers-service     -t meridian/customers-service .
#   docker build --target orders-service        -t meridian/orders-service .
#   docker build --target relay                 -t meridian/relay .
#   docker build --target projections           -t meridian/projections .
#   docker build --target standalone            -t meridian/standalone .   (also the default target)
#
# Stages: manifests → deps (npm ci) → build (SWC into dist/); prod-deps
# (npm ci --omit=dev); runtime (what every image shares) → one stage per app.
# Labels: --build-arg VERSION=… REVISION=$(git rev-parse HEAD) CREATED=$(date -u +%FT%TZ) SOURCE=<repository URL>.
# docs/deployment.md describes the images; `node tools/deploy/check.js` lints this file.

# Pin a digest in production (NODE_IMAGE=node:22-bookworm-slim@sha256:…): a tag moves.
ARG NODE_IMAGE=node:22-bookworm-slim

# Only the workspace manifests, so that `npm ci` below is re-run when a
# dependency changes, not on every source edit. npm workspaces need every
# workspace's package.json present; the globs are package.json's "workspaces"
# (apps/*, libs/*/*), so a new app or library is picked up without editing this file.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY apps ./apps
COPY libs ./libs
RUN for manifest in apps/*/package.json libs/*/*/package.json; do \
      mkdir -p "/manifests/$(dirname "$manifest")" && cp "$manifest" "/manifests/$manifest"; \
    done

# Every dependency, dev included: the build needs @swc/core.
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --no-audit --no-fund

# tools/build.mjs compiles apps/ and libs/ (tests excluded) to plain CommonJS in
# dist/, with the tsconfig path aliases rewritten to relative requires: dist/
# runs on `node` alone, without the workspace links or TypeScript.
FROM deps AS build
COPY tsconfig.base.json ./
COPY tools/build.mjs ./tools/
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# Runtime dependencies only. --ignore-scripts: the two production packages with
# install scripts (protobufjs' version notice, @scarf/scarf's download
# analytics) need none of them to work. The @meridian/* workspace links point
# at source folders that the runtime image does not carry, so they go.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /src
COPY package.json package-lock.json ./
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@meridian

# What every image shares. Files stay owned by root and each target below
# switches to the image's unprivileged `node` user (uid 1000) after its last
# COPY, so the app cannot modify its own code or dependencies.
FROM ${NODE_IMAGE} AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.vendor="Meridian" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.documentation="docs/deployment.md"
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/dist/libs ./dist/libs
COPY deploy/docker/healthcheck.js ./deploy/

# The opportunities context's HTTP service: commands, reads, list and funnel.
FROM runtime AS opportunities-service
LABEL org.opencontainers.image.title="meridian-opportunities-service" \
      org.opencontainers.image.description="Meridian opportunities service: REST API of the sales pipeline (/api/v1/opportunities, /api/v1/analytics)"
COPY --from=build /src/dist/apps/opportunities-service ./dist/apps/opportunities-service
USER node
ENV PORT=3000
EXPOSE 3000
# /health/live: the process serves HTTP (deploy/docker/healthcheck.js, on $PORT).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/app/deploy/healthcheck.js", "http", "/health/live"]
ENTRYPOINT ["node", "dist/apps/opportunities-service/src/main.js"]

# The customers context's HTTP service: customers, contacts, merges, CSV
# imports (up to 32 MB per file), customer list, 360 and value segments; its
# process manager turns crm.orders into value segments (MONGODB_URL + KAFKA_BROKERS).
FROM runtime AS customers-service
LABEL org.opencontainers.image.title="meridian-customers-service" \
      org.opencontainers.image.description="Meridian customers service: REST API of customers, imports, customer 360 and value segments (/api/v1/customers)"
COPY --from=build /src/dist/apps/customers-service ./dist/apps/customers-service
USER node
ENV PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/app/deploy/healthcheck.js", "http", "/health/live"]
ENTRYPOINT ["node", "dist/apps/customers-service/src/main.js"]

# The orders context's HTTP service: orders, payments, refunds; its process
# manager drafts an order per won opportunity from crm.opportunities (MONGODB_URL + KAFKA_BROKERS).
FROM runtime AS orders-service
LABEL org.opencontainers.image.title="meridian-orders-service" \
      org.opencontainers.image.description="Meridian orders service: REST API of orders, payments and refunds (/api/v1/orders)"
COPY --from=build /src/dist/apps/orders-service ./dist/apps/orders-service
USER node
ENV PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/app/deploy/healthcheck.js", "http", "/health/live"]
ENTRYPOINT ["node", "dist/apps/orders-service/src/main.js"]

# Event store feed → Kafka. Run exactly one per event store (see docs/kafka.md).
FROM runtime AS relay
LABEL org.opencontainers.image.title="meridian-relay" \
      org.opencontainers.image.description="Meridian relay: publishes the event store's feed to Kafka as CloudEvents, at least once, in order per stream"
COPY --from=build /src/dist/apps/relay ./dist/apps/relay
USER node
# /metrics, /health/live and /health/ready (docs/operations.md, "Health"). Set
# here so that the health check below reads the same port the relay listens on,
# also when `-e RELAY_HTTP_PORT=…` moves it.
ENV RELAY_HTTP_PORT=9464
EXPOSE 9464
# Liveness, not readiness: a container's health is what orchestrators act on
# (Swarm replaces an unhealthy task), and /health/ready fails whenever Kafka or
# the event store is down, which a restart does not cure. /health/live fails
# when the relay loop has ended or the process stops answering. The start
# period covers connecting and creating topics: the port opens after that.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/app/deploy/healthcheck.js", "http", "/health/live", "RELAY_HTTP_PORT"]
ENTRYPOINT ["node", "dist/apps/relay/src/main.js"]

# Kafka → MongoDB read models. Arguments go to the program, so the same image
# rebuilds a read model: `docker run … meridian/projections rebuild sales-funnel`.
FROM runtime AS projections
LABEL org.opencontainers.image.title="meridian-projections" \
      org.opencontainers.image.description="Meridian projections: keeps the MongoDB read models from Kafka; 'rebuild <read model>' refills one"
COPY --from=build /src/dist/apps/projections ./dist/apps/projections
USER node
ENV PROJECTIONS_HTTP_PORT=9465
EXPOSE 9465
# Liveness, as for the relay: /health/ready fails while MongoDB is down (breaker
# open) or a consumer stopped, and restarting the worker cures neither. A
# `rebuild` run serves no HTTP, so its container turns unhealthy after the
# start period; nothing acts on that (`docker run --no-healthcheck` hides it).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/app/deploy/healthcheck.js", "http", "/health/live", "PROJECTIONS_HTTP_PORT"]
ENTRYPOINT ["node", "dist/apps/projections/src/main.js"]

# Every context in one process on the embedded store (what `npm start` runs),
# for demos and trials. Its data lives in the /data volume. Last stage, so it
# stays what a plain `docker build .` produces, as before.
FROM runtime AS standalone
LABEL org.opencontainers.image.title="meridian-standalone" \
      org.opencontainers.image.description="Meridian standalone: every context, the read models and the API in one process on the embedded event store"
COPY --from=build /src/dist/apps/standalone ./dist/apps/standalone
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
ENV PORT=3000 \
    EVENTSTORE_URL=embedded:/data/events
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "/app/deploy/healthcheck.js", "http", "/health/live"]
ENTRYPOINT ["node", "dist/apps/standalone/src/main.js"]
