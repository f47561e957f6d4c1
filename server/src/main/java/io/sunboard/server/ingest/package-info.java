/**
 * What screens send: events (stored once each, then acknowledged), status and heartbeats.
 */
package io.sunboard.server.ingest;
