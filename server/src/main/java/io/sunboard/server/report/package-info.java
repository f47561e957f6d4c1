/** Proof of play: where and for how long a posting was really shown. */
package io.sunboard.server.report;
