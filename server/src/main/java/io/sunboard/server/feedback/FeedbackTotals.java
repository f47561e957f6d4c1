package io.sunboard.server.feedback;

/**
 * Feedback of a period: received, answered (at any time so far), answered by its due
 * date.
 */
public record FeedbackTotals(long received, long answered, long answeredOnTime) {

}
