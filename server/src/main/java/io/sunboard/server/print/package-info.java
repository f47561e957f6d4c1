/**
 * A posting as an A4 PDF for the physical notice board (公开栏): the screens' templates and
 * privacy gate, a QR code to the public page, and a CJK font embedded.
 */
package io.sunboard.server.print;
