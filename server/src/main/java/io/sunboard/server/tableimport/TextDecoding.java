package io.sunboard.server.tableimport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Spreadsheets saved as CSV on Chinese Windows are GBK; elsewhere UTF-8, sometimes with a
 * BOM. Bytes that are valid UTF-8 are read as UTF-8, anything else as GB18030 (a superset
 * of GBK and GB2312).
 */
final class TextDecoding {

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private TextDecoding() {
	}

	static Decoded decode(byte[] bytes) {
		if (startsWithBom(bytes)) {
			return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return new Decoded(text, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			return new Decoded(new String(bytes, GB18030), GB18030);
		}
	}

	private static boolean startsWithBom(byte[] bytes) {
		return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
	}

	record Decoded(String text, Charset charset) {

	}

}
