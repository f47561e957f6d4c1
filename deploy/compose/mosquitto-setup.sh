#!/bin/sh
# The server's broker account (device-config/mosquitto/README.md, step 3), against the running
# broker. Repeating it is harmless: "already exists" answers are ignored.
set -u
ctrl() { mosquitto_ctrl -h mosquitto -u admin -P "$DYNSEC_ADMIN_PASSWORD" dynsec "$@" || true; }
until mosquitto_ctrl -h mosquitto -u admin -P "$DYNSEC_ADMIN_PASSWORD" dynsec listClients >/dev/null 2>&1; do
  sleep 1
done
ctrl createRole sunboard-server
ctrl addRoleACL sunboard-server publishClientSend    'sunboard/v1/#' allow 5
ctrl addRoleACL sunboard-server publishClientReceive 'sunboard/v1/#' allow 5
ctrl addRoleACL sunboard-server subscribePattern     'sunboard/v1/#' allow 5
ctrl addRoleACL sunboard-server subscribePattern     '$share/+/sunboard/v1/#' allow 5
ctrl createClient sunboard-server -p "$SERVER_BROKER_PASSWORD"
ctrl addClientRole sunboard-server sunboard-server 5
