package io.sunboard.protocol;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sha256Tests {

	/** The rule as the documentation states it. */
	private static final Pattern RULE = Pattern.compile("[0-9a-f]{64}");

	@Property
	void acceptsExactlyWhatTheDocumentedRuleAccepts(@ForAll @StringLength(min = 62,
			max = 66) @Chars({ '0', '9', 'a', 'f', 'g', 'A', 'F', '/', ':', '`', '\u00e9', '\uff10' }) String hash) {
		assertThat(Sha256.isValid(hash)).as(hash).isEqualTo(RULE.matcher(hash).matches());
	}

	@Test
	void edges() {
		String hash = Sha256.of("收费公示".getBytes(StandardCharsets.UTF_8));
		assertThat(Sha256.isValid(hash)).isTrue();
		assertThat(Sha256.isValid(hash.toUpperCase())).as("lowercase only").isFalse();
		assertThat(Sha256.isValid(hash.substring(1))).isFalse();
		assertThat(Sha256.isValid(hash + "0")).isFalse();
		assertThat(Sha256.isValid("")).isFalse();
		assertThat(Sha256.isValid(null)).isFalse();
		assertThatThrownBy(() -> Sha256.require("../etc/passwd", "item.contentSha256"))
			.hasMessageContaining("item.contentSha256 must be 64 lowercase hex digits");
	}

}
