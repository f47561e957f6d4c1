package io.sunboard.templates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.templates.KindDefinition.PeriodUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KindCatalogTests {

	private final KindCatalog kinds = KindCatalog.standard();

	@Test
	void shipsEveryKindOfTheDisclosureRules() {
		assertThat(this.kinds.ids()).containsExactly("fee-notice", "admission", "award", "recruitment", "finance",
				"decision", "service-guide", "general", "emergency");
	}

	@Test
	void carriesTheRulesAsData() {
		KindDefinition fee = this.kinds.find("fee-notice").orElseThrow();
		KindDefinition admission = this.kinds.find("admission").orElseThrow();

		assertThat(fee.highRisk()).isTrue();
		assertThat(fee.standingNotice()).isTrue();
		assertThat(fee.channel()).isEqualTo("complaint");
		assertThat(admission.minimumPublicity())
			.isEqualTo(new KindDefinition.MinimumPublicity(10, PeriodUnit.WORKING_DAYS));
		assertThat(admission.pupilData()).isTrue();
		assertThat(this.kinds.find("recruitment").orElseThrow().minimumPublicity().amount()).isEqualTo(7);
		assertThat(this.kinds.find("award").orElseThrow().minimumPublicity())
			.isEqualTo(new KindDefinition.MinimumPublicity(5, PeriodUnit.WORKING_DAYS));
		assertThat(this.kinds.find("emergency").orElseThrow().tables()).isEmpty();
	}

	@Test
	void everyKindFieldTableAndColumnHasALabelInEveryLanguage() {
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH)) {
			ResourceBundle bundle = BundleMessageResolver.bundle(locale);
			for (String id : this.kinds.ids()) {
				KindDefinition kind = this.kinds.find(id).orElseThrow();
				assertThat(bundle.containsKey("kind." + id)).as("kind.%s in %s", id, locale).isTrue();
				if (kind.channel() != null) {
					assertThat(bundle.containsKey("channel." + kind.channel())).as(kind.channel()).isTrue();
				}
				kind.fields()
					.forEach((field) -> assertThat(bundle.containsKey("field." + field.name()))
						.as("field.%s in %s", field.name(), locale)
						.isTrue());
				kind.tables().forEach((table) -> {
					assertThat(bundle.containsKey("table." + table.name())).as("table.%s", table.name()).isTrue();
					table.columns()
						.forEach((column) -> assertThat(bundle.containsKey("column." + column.key()))
							.as("column.%s", column.key())
							.isTrue());
				});
			}
		}
	}

	@Test
	void unknownKindsRenderAsGeneralNotices() {
		assertThat(this.kinds.forRendering("school-trip").id()).isEqualTo("general");
		assertThat(this.kinds.find("school-trip")).isEmpty();
	}

	@Test
	void administratorsCanLoadTheirOwnKinds(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("kinds.json");
		Files.writeString(file, """
				{ "columnRoles": { "name": ["姓名"] },
				  "kinds": [
				    { "id": "general", "template": "posting/general" },
				    { "id": "canteen-menu", "template": "posting/structured",
				      "minimumPublicity": { "amount": 3, "unit": "WORKING_DAYS" },
				      "fields": [ { "name": "week", "type": "TEXT", "required": true } ] } ] }
				""");

		KindCatalog own = KindCatalog.load(file);

		assertThat(own.ids()).containsExactly("general", "canteen-menu");
		assertThat(own.find("canteen-menu").orElseThrow().field("week").orElseThrow().required()).isTrue();
	}

	@Test
	void aBrokenKindsFileSaysWhatIsWrong(@TempDir Path dir) throws IOException {
		Path noGeneral = dir.resolve("a.json");
		Files.writeString(noGeneral, "{\"kinds\":[{\"id\":\"fee\",\"template\":\"posting/general\"}]}");
		Path typo = dir.resolve("b.json");
		Files.writeString(typo,
				"{\"kinds\":[{\"id\":\"general\",\"template\":\"posting/general\",\"hihgRisk\":true}]}");

		assertThatThrownBy(() -> KindCatalog.load(noGeneral)).hasMessageContaining("must include 'general'");
		assertThatThrownBy(() -> KindCatalog.load(typo)).hasMessageContaining("hihgRisk");
	}

}
