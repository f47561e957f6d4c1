package io.sunboard.server.dashboard;

import java.time.Instant;

/**
 * A visitor's feedback as the dashboard shows it: what kind, where and when. Never the
 * text or the phone number, which stay in the feedback inbox.
 */
public record FeedbackItem(String category, String schoolId, String schoolName, Instant at) {

}
