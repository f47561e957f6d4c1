/** The staff console (server-rendered pages). */
package io.sunboard.server.console;
