/**
 * Console: the posting list and editor for every kind, CSV table import and the live
 * preview rendered by the screens' own templates.
 */
package io.sunboard.server.console.posting;
