/**
 * Who may use the console and the API; screens authenticate separately with their own
 * tokens.
 */
package io.sunboard.server.security;
