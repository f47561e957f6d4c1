package io.sunboard.server.console.device;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DevicePagesControllerTests {

	@Test
	void tagsAreSplitOnCommasAndSpacesIncludingChineseCommas() {
		assertThat(DevicePagesController.parseTags("lobby, staff-room，floor.1  east")).containsExactly("lobby",
				"staff-room", "floor.1", "east");
		assertThat(DevicePagesController.parseTags("  ")).isEmpty();
	}

	@Test
	void aTagThatIsNotATokenIsRefusedWithWhatToDo() {
		assertThatIllegalArgumentException().isThrownBy(() -> DevicePagesController.parseTags("大厅"))
			.withMessageContaining("such as lobby");
	}

}
