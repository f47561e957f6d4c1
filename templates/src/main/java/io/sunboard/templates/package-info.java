/**
 * Renders postings and the idle page as HTML fragments for a screen profile and locale,
 * with the shared stylesheet. Plain Thymeleaf, no Spring: the kiosk client and the server
 * both use it.
 */
package io.sunboard.templates;
