/**
 * The agent on a screen: keeps a broker session, fetches and verifies content, plays the
 * manifest by its time windows (offline too) on a local page, and journals proof of play
 * until the server acknowledges it. {@link io.sunboard.kiosk.KioskClient} wires the
 * parts.
 */
package io.sunboard.kiosk;
