/**
 * The wire contract between the Sunboard server and its screens: topic names, message
 * records and the JSON codec. Nothing outside this package builds a topic string or
 * decides a message shape.
 */
package io.sunboard.protocol;
