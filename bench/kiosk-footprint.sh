#!/bin/sh
# Measures the kiosk client's footprint (resident memory, start-up to first frame from
# cache, idle CPU) with the JVM flags of device-config/systemd/sunboard-kiosk.service and
# appends the tables to docs/benchmarks.md under "## Kiosk client footprint".
# Needs the shaded jar: ./mvnw -B install -DskipTests first.
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
ARCHIVE=$(mktemp -u /tmp/kiosk-cds-XXXXXX.jsa)
BASE="-Xmx96m -XX:+UseSerialGC -Xss512k"
TUNED="$BASE -XX:TieredStopAtLevel=1 -Xshare:auto -XX:SharedArchiveFile=$ARCHIVE"

measure() {
	# $1: label, $2: flags
	ROWS=$(java -cp "$JAR" bench/KioskFootprint.java "$JAR" "$IDLE" $2)
	cat <<TABLE

#### $1: \`$(echo "$2" | sed "s|$ARCHIVE|kiosk.jsa|")\`

| figure | measured | aim |
|---|---|---|
$ROWS
TABLE
}

OUT=$(cat <<HEAD

### $(date -u +%Y-%m-%dT%H:%MZ) — $CPU, $CORES cores, $MEM RAM, $JAVA_VERSION

Warm cache of 20 postings, connected to a local Mosquitto, no server reachable. The
machine is shared with other builds, so start-up times vary by several hundred ms.
HEAD
)
OUT="$OUT
$(measure "Documented flags" "$BASE")
$(measure "Documented flags + C1 only + class-data archive" "$TUNED")"
rm -f "$ARCHIVE"
echo "$OUT"
mkdir -p docs
if [ ! -f docs/benchmarks.md ]; then
	printf '# Benchmarks\n' > docs/benchmarks.md
fi
if ! grep -q '^## Kiosk client footprint' docs/benchmarks.md; then
	printf '\n## Kiosk client footprint\n\nMeasured by `bench/kiosk-footprint.sh`; each run appends its tables below.\n' >> docs/benchmarks.md
fi
printf '%s\n' "$OUT" >> docs/benchmarks.md
