/** Screens: their identity and credentials, and the state they last reported. */
package io.sunboard.server.device;
