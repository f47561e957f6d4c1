/** Schedule entries: a posting onto a school's screens for a time window. */
package io.sunboard.server.schedule;
