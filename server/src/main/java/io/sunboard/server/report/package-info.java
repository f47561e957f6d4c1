/**
 * Proof of play: where, how often and for how long postings were really shown, per
 * posting, school, region or screen and time range, read from the rollups; the gaps
 * (screens whose manifests scheduled a posting and that did not show it, with why); CSV,
 * PDF and the console page.
 */
package io.sunboard.server.report;
