/**
 * The public pages parents reach without signing in (a posting's page, the QR code's
 * target; a school's current postings; its Atom feed) and the public links the server
 * puts into QR codes. Only proactive, approved postings within their publicity period.
 */
package io.sunboard.server.publicpage;
