/**
 * The live dashboard: every screen's health, each publish's progress and new kiosk
 * feedback, paged and filtered on the server and pushed to signed-in staff over a
 * WebSocket.
 */
package io.sunboard.server.dashboard;
