# The app for docker-compose.yml's "several" profile. The build needs the database (ISR pages are
# prerendered from it), so `npm start` builds when the container first starts.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci --no-audit --no-fund
EXPOSE 3000
CMD ["npm", "start"]
