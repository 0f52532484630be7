# The app for docker-compose.yml's "several" profile. The image carries its build: `next build`
# reads no database (lib/build-phase.ts), so it runs here, at `docker build`, and every container
# of the image serves the same build (the same build id and server-action key, which Next embeds
# in the build). A container renders each public page on its first request and caches it.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Part of the build (asset URLs, the shared cache's keys): `npm start` rebuilds if it differs.
ARG DEPLOYMENT_ID=compose
ENV DEPLOYMENT_ID=$DEPLOYMENT_ID
COPY . .
RUN npm ci --no-audit --no-fund && npm run build
EXPOSE 3000
CMD ["npm", "start"]
