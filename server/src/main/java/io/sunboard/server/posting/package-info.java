/**
 * Postings (disclosure content), their content documents stored by SHA-256, and the
 * device content API.
 */
package io.sunboard.server.posting;
