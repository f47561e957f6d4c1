/**
 * The review workflow: submit, confidentiality review (basis, conclusion, disclosure
 * attribute), approve or reject; high-risk kinds need a reviewer other than the author.
 */
package io.sunboard.server.review;
