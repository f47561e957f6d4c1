package io.sunboard.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTests {

	private final Topics topics = Topics.defaults();

	@Test
	void buildsTheDesignedTopics() {
		assertThat(this.topics.manifest("lobby-1")).isEqualTo("sunboard/v1/d/lobby-1/manifest");
		assertThat(this.topics.events("lobby-1")).isEqualTo("sunboard/v1/d/lobby-1/ev");
		assertThat(this.topics.schoolAlert("s1")).isEqualTo("sunboard/v1/s/s1/alert");
		assertThat(this.topics.regionAlert("r1")).isEqualTo("sunboard/v1/r/r1/alert");
		assertThat(this.topics.sharedSubscription(DeviceChannel.EVENTS))
			.isEqualTo("$share/sunboard/sunboard/v1/d/+/ev");
	}

	@Test
	void parsesDeviceTopicsAndRefusesOthers() {
		assertThat(this.topics.parseDevice("sunboard/v1/d/lobby-1/ev"))
			.contains(new Topics.DeviceTopic("lobby-1", DeviceChannel.EVENTS));
		assertThat(this.topics.parseDevice("sunboard/v1/d/lobby-1/ev/extra")).isEmpty();
		assertThat(this.topics.parseDevice("sunboard/v1/d/+/ev")).isEmpty();
		assertThat(this.topics.parseDevice("other/v1/d/lobby-1/ev")).isEmpty();
		assertThat(this.topics.parseDevice("sunboard/v1/d/lobby-1/nope")).isEmpty();
	}

	@Test
	void idsThatCouldEscapeATopicLevelAreRefused() {
		assertThatThrownBy(() -> this.topics.manifest("a/b")).hasMessageContaining("deviceId");
		assertThatThrownBy(() -> this.topics.manifest("#")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.topics.manifest("+")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void deviceGrantsCoverOnlyItsOwnTopicsAndItsAlerts() {
		assertThat(this.topics.deviceGrants("d1", "s1", "r1")).containsExactlyInAnyOrder(
				new TopicGrant("sunboard/v1/d/d1/manifest", TopicGrant.Access.SUBSCRIBE),
				new TopicGrant("sunboard/v1/d/d1/cmd", TopicGrant.Access.SUBSCRIBE),
				new TopicGrant("sunboard/v1/d/d1/ack", TopicGrant.Access.SUBSCRIBE),
				new TopicGrant("sunboard/v1/d/d1/status", TopicGrant.Access.PUBLISH),
				new TopicGrant("sunboard/v1/d/d1/hb", TopicGrant.Access.PUBLISH),
				new TopicGrant("sunboard/v1/d/d1/ev", TopicGrant.Access.PUBLISH),
				new TopicGrant("sunboard/v1/s/s1/alert", TopicGrant.Access.SUBSCRIBE),
				new TopicGrant("sunboard/v1/r/r1/alert", TopicGrant.Access.SUBSCRIBE));
	}

}
