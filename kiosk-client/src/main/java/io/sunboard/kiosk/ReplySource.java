package io.sunboard.kiosk;

import java.io.IOException;

/**
 * Where the replies a school published come from: the server's device API (or a test's
 * stand-in). Brings bytes only; {@link PublishedReplies} decides whether they are sound.
 */
@FunctionalInterface
interface ReplySource {

	byte[] fetch() throws IOException;

}
