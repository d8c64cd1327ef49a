# The five services: name, port, database. Sourced by start.sh and stop.sh;
# docker-compose.yml carries the same table.
SERVICES=(
  "project-intake 3001 intake"
  "commitment-approval 3002 approval"
  "standard-land 3003 land"
  "agency 3004 agency"
  "notifications 3005 notifications"
)
