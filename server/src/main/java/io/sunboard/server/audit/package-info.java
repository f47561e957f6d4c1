/**
 * The audit log: every transition and change, who made it and when; filtered and exported
 * by auditors.
 */
package io.sunboard.server.audit;
