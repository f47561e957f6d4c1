/**
 * What screens send: events (validated, stored once each in batches, rolled up hourly and
 * daily in the same transaction, purged after the retention period, then acknowledged),
 * status and heartbeats (with the hours each screen was heard from), and the ingest
 * metrics.
 */
package io.sunboard.server.ingest;
