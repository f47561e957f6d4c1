/**
 * Files attached to postings (approval documents as PDF, photos): type decided by the
 * file's first bytes, size limited, stored by SHA-256 and listed in the posting's content
 * document so screens fetch them like any content.
 */
package io.sunboard.server.attachment;
