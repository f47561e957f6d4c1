/** Console: putting approved postings on screens, and each screen's week ahead. */
package io.sunboard.server.console.schedule;
