# The five services: name, port, database. Sourced by start.sh, stop.sh and
# postgres.sh; docker-compose.yml carries the same table.
# A second, separate instance (the end-to-end tests run one) shifts the ports by
# DEVZONE_PORT_OFFSET and prefixes the database names with DEVZONE_DB_PREFIX;
# KAFKA_TOPIC_PREFIX separates its topics, DEVZONE_RUN_DIR its pids, logs and keys.
port_offset="${DEVZONE_PORT_OFFSET:-0}"
db_prefix="${DEVZONE_DB_PREFIX:-}"
SERVICES=(
  "project-intake $((3001 + port_offset)) ${db_prefix}intake"
  "commitment-approval $((3002 + port_offset)) ${db_prefix}approval"
  "standard-land $((3003 + port_offset)) ${db_prefix}land"
  "agency $((3004 + port_offset)) ${db_prefix}agency"
  "notifications $((3005 + port_offset)) ${db_prefix}notifications"
)
# The demo mail catcher (libs/demo/src/cli/mail-catcher.main.ts).
SMTP_PORT_LOCAL=$((1025 + port_offset))
MAIL_HTTP_PORT_LOCAL=$((8025 + port_offset))
# The web console (apps/console/server).
CONSOLE_PORT_LOCAL=$((3000 + port_offset))
