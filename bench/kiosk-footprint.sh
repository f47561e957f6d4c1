#!/bin/sh
# Measures the kiosk client's footprint (resident memory, start-up to first frame from
# cache, idle CPU) and appends the table to docs/benchmarks.md under
# "## Kiosk client footprint". Needs the shaded jar: ./mvnw -B install -DskipTests first.
# Usage: bench/kiosk-footprint.sh [idle-seconds, default 60]
set -eu
cd "$(dirname "$0")/.."
IDLE="${1:-60}"
JAR=$(ls kiosk-client/target/kiosk-client-*-all.jar 2>/dev/null | head -n 1)
if [ -z "$JAR" ]; then
	echo "No kiosk-client/target/kiosk-client-*-all.jar; run ./mvnw -B install -DskipTests first" >&2
	exit 2
fi
CPU=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
CORES=$(nproc)
MEM=$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)
JAVA_VERSION=$(java -version 2>&1 | head -n 1)
ROWS=$(java -cp "$JAR" bench/KioskFootprint.java "$JAR" "$IDLE")
TABLE=$(cat <<TABLE

### $(date -u +%Y-%m-%dT%H:%MZ) — $CPU, $CORES cores, $MEM RAM, $JAVA_VERSION

JVM flags: \`-Xmx96m -XX:+UseSerialGC -Xss512k\` (as in device-config/systemd/sunboard-kiosk.service).
Warm cache of 20 postings, no server reachable.

| figure | measured | aim |
|---|---|---|
$ROWS
TABLE
)
echo "$TABLE"
mkdir -p docs
if [ ! -f docs/benchmarks.md ]; then
	printf '# Benchmarks\n' > docs/benchmarks.md
fi
if ! grep -q '^## Kiosk client footprint' docs/benchmarks.md; then
	printf '\n## Kiosk client footprint\n\nMeasured by `bench/kiosk-footprint.sh`; each run appends a table below.\n' >> docs/benchmarks.md
fi
printf '%s\n' "$TABLE" >> docs/benchmarks.md
