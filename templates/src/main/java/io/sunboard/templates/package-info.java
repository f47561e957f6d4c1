/**
 * Posting kinds as data ({@code kinds.json}, {@link io.sunboard.templates.KindCatalog}),
 * their validation ({@link io.sunboard.templates.ContentValidator}), the privacy gate
 * that masks personal data before any page is rendered, and the renderer of postings and
 * the idle page as HTML fragments for a screen profile and locale, with the shared
 * stylesheet. Plain Thymeleaf, no Spring: the kiosk client and the server both use it.
 */
package io.sunboard.templates;
