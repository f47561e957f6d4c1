/**
 * Console: screens and their registrations: authorise, rename, tag, provision, revoke.
 */
package io.sunboard.server.console.device;
