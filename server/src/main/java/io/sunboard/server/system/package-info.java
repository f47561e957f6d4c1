/** Cross-cutting wiring: clock, wire codec, topics, settings, start-up checks. */
package io.sunboard.server.system;
