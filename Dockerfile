# syntax=docker/dockerfile:1
# Image de production (docs/deployment.md) : compilation dans une étape, exécution sans les outils de
# développement, sous l’utilisateur « node » (non root), contre un PostgreSQL externe (DATABASE_URL).
# Non exercé par les tests (pas de moteur Docker sur les machines du projet) : voir docs/deployment.md.

FROM node:20.20-bookworm-slim AS manifests
WORKDIR /app
# Le lockfile et les package.json seuls : la couche des dépendances ne change pas avec le code.
COPY package.json package-lock.json .npmrc ./
COPY shared/package.json shared/
COPY db/package.json db/
COPY api/package.json api/
COPY web/package.json web/
COPY tests/package.json tests/

FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM manifests AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SEED_DEMO=false \
    PROOFS_DIR=/var/lib/suivi-clauses/proofs
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force \
 && mkdir -p /var/lib/suivi-clauses/proofs && chown -R node:node /var/lib/suivi-clauses
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/db/dist db/dist
COPY --from=build /app/db/data db/data
COPY --from=build /app/api/dist api/dist
COPY --from=build /app/api/data api/data
COPY --from=build /app/web/build web/build
USER node
VOLUME ["/var/lib/suivi-clauses/proofs"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directement (pas npm) : SIGTERM de « docker stop » arrive au serveur, qui s’arrête proprement.
CMD ["node", "api/dist/server.js"]
