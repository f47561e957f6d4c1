package io.sunboard.server.compliance;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A catalogue entry says what is wrong with it in words staff can act on. */
class RequirementTests {

	@Test
	void termCadenceNeedsTwoPeriodsInOrder() {
		Requirement ok = new Requirement("fee-notice", Requirement.Cadence.TERM,
				List.of(new Requirement.Period("spring", "01-01", "03-15"),
						new Requirement.Period("autumn", "07-01", "09-15")));
		assertThat(ok.periods()).hasSize(2);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Requirement("fee-notice", Requirement.Cadence.TERM,
					List.of(new Requirement.Period("year", "01-01", "03-15"))))
			.withMessageContaining("needs 2 period(s)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Requirement("fee-notice", Requirement.Cadence.TERM,
					List.of(new Requirement.Period("autumn", "07-01", "09-15"),
							new Requirement.Period("spring", "01-01", "03-15"))))
			.withMessageContaining("must start after the previous one is due");
	}

	@Test
	void datesAreMonthAndDay() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Requirement.Period("year", "2026-01-01", "03-15"))
			.withMessageContaining("MM-dd");
		assertThatIllegalArgumentException().isThrownBy(() -> new Requirement.Period("year", "06-01", "03-15"))
			.withMessageContaining("before it starts");
	}

	@Test
	void aKindIsListedOnce() {
		Requirement finance = new Requirement("finance", Requirement.Cadence.YEAR,
				List.of(new Requirement.Period("year", "01-01", "06-30")));
		assertThatIllegalArgumentException().isThrownBy(() -> new Catalogue("test", List.of(finance, finance)))
			.withMessageContaining("listed twice");
	}

}
