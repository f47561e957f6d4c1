/** Console: the review queue and the confidentiality review form. */
package io.sunboard.server.console.review;
