/**
 * China's working-day calendar (public holidays and make-up working days, one data file
 * per year), used for every deadline counted in working days.
 */
package io.sunboard.server.calendar;
