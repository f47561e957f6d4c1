package io.sunboard.kiosk;

/**
 * What the local page should display. {@code key} identifies the content, so the page
 * swaps only when it changes (the same posting shown again round robin does not flicker).
 *
 * @param postingId null for the idle page
 */
record NowShowing(String key, String html, String postingId) {
}
