#!/bin/sh
# Registers a region, a school and two screens through the server's API once, and writes each
# screen's kiosk.properties into the shared /config volume for the kiosk containers.
set -eu
api="http://server:8080"
auth="admin:$ADMIN_PASSWORD"
until curl -fsS "$api/device-api/v1/time" >/dev/null; do sleep 2; done
for n in 1 2; do
  if [ -f "/config/kiosk-$n.properties" ]; then continue; fi
  curl -sS -u "$auth" -H 'Content-Type: application/json' -X POST "$api/api/v1/regions" \
    -d '{"id":"demo-region","name":"示例区教育局"}' >/dev/null || true
  curl -sS -u "$auth" -H 'Content-Type: application/json' -X POST "$api/api/v1/schools" \
    -d '{"id":"demo-school","regionId":"demo-region","name":"示例小学"}' >/dev/null || true
  answer=$(curl -fsS -u "$auth" -H 'Content-Type: application/json' -X POST "$api/api/v1/devices" \
    -d "{\"id\":\"demo-screen-$n\",\"schoolId\":\"demo-school\",\"name\":\"显示屏 $n\"}")
  secret=$(echo "$answer" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
  cat > "/config/kiosk-$n.properties" <<PROPS
device.id=demo-screen-$n
device.secret=$secret
broker.url=tcp://mosquitto:1883
server.url=http://server:8080
data.dir=/var/lib/sunboard
player.bind=0.0.0.0
screen.profile=landscape
PROPS
done
chmod 0644 /config/*.properties
