/** Demo data and a demo screen, so one command shows the whole path working. */
package io.sunboard.server.demo;
