/** Regions (districts) and their schools, each with its own time zone. */
package io.sunboard.server.school;
