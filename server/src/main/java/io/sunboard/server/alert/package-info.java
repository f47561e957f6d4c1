/**
 * Emergency alerts: one retained publish per school or region takes every affected screen
 * at once; one empty retained publish returns them to their loop.
 */
package io.sunboard.server.alert;
