/**
 * Builds each screen's manifest and publishes it, retained, only when what it should show
 * has changed.
 */
package io.sunboard.server.dispatch;
