/** Console: the audit log with filters and its CSV export. */
package io.sunboard.server.console.audit;
