/**
 * The annual disclosure report of a region or a school (postings by kind and attribute,
 * publicity periods, proof of play, feedback handling) as CSV and PDF.
 */
package io.sunboard.server.annualreport;
