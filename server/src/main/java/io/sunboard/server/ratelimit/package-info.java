/**
 * Caps how often one key (a device, a client address) may do something within a sliding
 * window: kiosk feedback per device, public pages and sign-in attempts per address. Kept
 * in memory: a restart forgets the counts, which only ever lets a little more through.
 */
package io.sunboard.server.ratelimit;
