/**
 * Checks a CSV file as one table of a posting kind (UTF-8 or GBK), all or nothing, and
 * hands the table back for the posting form; stores nothing.
 */
package io.sunboard.server.tableimport;
