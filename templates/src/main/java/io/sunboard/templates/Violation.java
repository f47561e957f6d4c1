package io.sunboard.templates;

/**
 * Why a posting's content cannot be published, in the reader's language.
 *
 * @param code stable for programs and tests, e.g. {@code field.required}
 * @param target what it concerns: a field name, a table name, or the kind
 * @param message what to do, e.g. 收费公示需要填写投诉电话
 */
public record Violation(String code, String target, String message) {

}
