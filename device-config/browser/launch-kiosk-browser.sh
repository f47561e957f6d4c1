#!/bin/sh
# Starts Chromium full screen on the Sunboard player page. Waits until the kiosk client answers
# /healthz, so the screen never shows a "site can't be reached" page after boot, and gives the
# browser a fresh profile on every start, so no restore-session bar, cached page or stale state
# survives a crash or power cut.
set -eu

URL="${SUNBOARD_PLAYER_URL:-http://127.0.0.1:8090/}"
HEALTH="${URL%/}/healthz"
BROWSER="${SUNBOARD_BROWSER:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}"

if [ -z "$BROWSER" ]; then
	echo "launch-kiosk-browser: no chromium found; install Debian's chromium package" >&2
	exit 1
fi

waited=0
until curl --silent --fail --max-time 2 "$HEALTH" >/dev/null 2>&1; do
	if [ $((waited % 30)) -eq 0 ]; then
		echo "launch-kiosk-browser: waiting for the kiosk client at $HEALTH (${waited}s)" >&2
	fi
	sleep 1
	waited=$((waited + 1))
done

PROFILE="$(mktemp -d "${XDG_RUNTIME_DIR:-/tmp}/sunboard-browser.XXXXXX")"
trap 'rm -rf "$PROFILE"' EXIT INT TERM

"$BROWSER" \
	--kiosk "$URL" \
	--user-data-dir="$PROFILE" \
	--no-first-run \
	--no-default-browser-check \
	--disable-translate \
	--disable-features=Translate,TranslateUI \
	--disable-infobars \
	--disable-session-crashed-bubble \
	--disable-component-update \
	--disable-background-networking \
	--disable-sync \
	--noerrdialogs \
	--password-store=basic \
	--autoplay-policy=no-user-gesture-required \
	--check-for-update-interval=31536000 \
	--overscroll-history-navigation=0 \
	--disable-pinch &
BROWSER_PID=$!
# Waiting (rather than exec) keeps the trap, so the temporary profile is removed when systemd
# stops the browser.
trap 'kill "$BROWSER_PID" 2>/dev/null; wait "$BROWSER_PID" 2>/dev/null; rm -rf "$PROFILE"' INT TERM
wait "$BROWSER_PID"
