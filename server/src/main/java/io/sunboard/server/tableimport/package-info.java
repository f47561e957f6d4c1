/**
 * Tables imported from CSV (UTF-8 or GBK) for postings such as admission results and
 * award lists: every bad row reported with its line number and reason, and nothing
 * imported unless all rows are good.
 */
package io.sunboard.server.tableimport;
