/**
 * The feedback inbox: parents' consultations, complaints and suggestions from kiosks or
 * entered by staff, with working-day due dates, assignment, replies (optionally shown on
 * the school's kiosks), and the kiosks' "was this helpful?" ratings.
 */
package io.sunboard.server.feedback;
