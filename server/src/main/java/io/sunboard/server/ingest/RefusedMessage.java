package io.sunboard.server.ingest;

import io.sunboard.protocol.MalformedMessageException;

/** A message refused as a whole, and why. */
record RefusedMessage(DeviceMessage message, MalformedMessageException reason) {

}
