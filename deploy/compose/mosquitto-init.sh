#!/bin/sh
# Creates the dynamic-security file with its administrator once (the broker reads it at start).
set -eu
file=/mosquitto/data/dynamic-security.json
if [ ! -f "$file" ]; then
  mosquitto_ctrl dynsec init "$file" admin "$DYNSEC_ADMIN_PASSWORD"
fi
chown -R mosquitto:mosquitto /mosquitto/data
