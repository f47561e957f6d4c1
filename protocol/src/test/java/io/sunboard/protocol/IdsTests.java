package io.sunboard.protocol;

import java.util.regex.Pattern;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	/** The rule as the documentation states it. */
	private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

	@Property
	void acceptsExactlyWhatTheDocumentedRuleAccepts(@ForAll @StringLength(min = 0, max = 70) @Chars({ 'a', 'Z', '0',
			'9', '-', '_', '.', '/', '+', '#', ' ', '\u00e9', '\u5b66', '\n', '$' }) String id) {
		assertThat(Ids.isValid(id)).as(id).isEqualTo(RULE.matcher(id).matches());
	}

	@Test
	void edges() {
		assertThat(Ids.isValid("a".repeat(64))).isTrue();
		assertThat(Ids.isValid("a".repeat(65))).isFalse();
		assertThat(Ids.isValid("-a")).isFalse();
		assertThat(Ids.isValid("")).isFalse();
		assertThat(Ids.isValid(null)).isFalse();
		assertThat(Ids.isValid("lobby/1")).isFalse();
		assertThat(Ids.isValid("p-2026.fee_notice")).isTrue();
	}

}
