/**
 * Disclosure compliance: each school's catalogue of required disclosures and whether they
 * were made on time, late or not at all; timeliness of proactive disclosure; fee notices
 * and screens that fail the public; the kiosks' ratings of postings.
 */
package io.sunboard.server.compliance;
