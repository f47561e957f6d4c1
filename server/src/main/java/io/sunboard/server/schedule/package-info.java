/**
 * Schedule entries (a posting onto a screen, tag group, school or region, by instants,
 * dayparts, weekdays and RFC 5545 rules in the school's zone) and their pure expansion
 * into time windows.
 */
package io.sunboard.server.schedule;
