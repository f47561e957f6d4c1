/**
 * The fonts every PDF the server writes embeds (posting print, proof-of-play report,
 * annual report): one setting, one search, one "install fonts-droid-fallback" answer.
 */
package io.sunboard.server.pdf;
