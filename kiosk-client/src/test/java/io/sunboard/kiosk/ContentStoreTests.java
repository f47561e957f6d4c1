package io.sunboard.kiosk;

import java.time.Instant;
import java.nio.file.attribute.FileTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContentStoreTests {

	@TempDir
	Path dir;

	private final PostingContent content = Fixtures.content("p-1", "收费公示");

	@Test
	void storesVerifiedBytesUnderTheirHash() throws IOException {
		ContentStore store = new ContentStore(this.dir, Fixtures.CODEC);
		String sha = Fixtures.sha(this.content);

		store.put(sha, Fixtures.bytes(this.content));

		assertThat(store.contains(sha)).isTrue();
		assertThat(this.dir.resolve(sha)).exists();
		assertThat(store.load(sha)).contains(this.content);
	}

	@Test
	void rejectsBytesWhoseHashDiffers() {
		ContentStore store = new ContentStore(this.dir, Fixtures.CODEC);
		String sha = Fixtures.sha(this.content);
		byte[] tampered = Fixtures.bytes(Fixtures.content("p-1", "篡改后的标题"));

		assertThatExceptionOfType(ContentStore.ContentMismatchException.class)
			.isThrownBy(() -> store.put(sha, tampered))
			.withMessageContaining(sha)
			.withMessageContaining(Sha256.of(tampered));
		assertThat(store.contains(sha)).isFalse();
	}

	@Test
	void damagedFileOnDiskIsNeverShownAndIsDeleted() throws IOException {
		ContentStore store = new ContentStore(this.dir, Fixtures.CODEC);
		String sha = Fixtures.sha(this.content);
		store.put(sha, Fixtures.bytes(this.content));
		Files.writeString(this.dir.resolve(sha), "{\"title\":\"changed on disk\"}", StandardCharsets.UTF_8);

		assertThat(store.load(sha)).isEmpty();
		assertThat(store.contains(sha)).isFalse();
	}

	@Test
	void verifiedBytesThatAreNotAPostingAreSkipped() throws IOException {
		ContentStore store = new ContentStore(this.dir, Fixtures.CODEC);
		byte[] notAPosting = "{\"hello\":1}".getBytes(StandardCharsets.UTF_8);
		store.put(Sha256.of(notAPosting), notAPosting);

		assertThat(store.load(Sha256.of(notAPosting))).isEmpty();
	}

	@Test
	void retainOnlyPrunesEverythingElse() throws IOException {
		ContentStore store = new ContentStore(this.dir, Fixtures.CODEC);
		PostingContent other = Fixtures.content("p-2", "招生录取");
		store.put(Fixtures.sha(this.content), Fixtures.bytes(this.content));
		store.put(Fixtures.sha(other), Fixtures.bytes(other));

		store.retainOnly(List.of(Fixtures.sha(other)));

		assertThat(store.contains(Fixtures.sha(this.content))).isFalse();
		assertThat(store.contains(Fixtures.sha(other))).isTrue();
		assertThat(store.sizeBytes()).isEqualTo(Fixtures.bytes(other).length);
	}

	@Test
	void garbageCollectionKeepsTheManifestsContentAndEvictsTheLeastRecentlyShownUntilWithinBudget() throws IOException {
		PostingContent a = Fixtures.content("p-a", "收费公示");
		PostingContent b = Fixtures.content("p-b", "招生录取");
		PostingContent current = Fixtures.content("p-c", "办事指南");
		long budget = Fixtures.bytes(current).length + Math.max(Fixtures.bytes(a).length, Fixtures.bytes(b).length);
		ContentStore store = new ContentStore(this.dir, Fixtures.CODEC, budget);
		for (PostingContent content : List.of(a, b, current)) {
			store.put(Fixtures.sha(content), Fixtures.bytes(content));
		}
		setUsed(a, 1_000);
		setUsed(b, 2_000);
		setUsed(current, 0);
		// a was shown before b, but is shown again now: b is the least recently used.
		assertThat(store.load(Fixtures.sha(a))).isPresent();

		store.collectGarbage(List.of(Fixtures.sha(current)));

		assertThat(store.contains(Fixtures.sha(current))).as("on the manifest: never evicted").isTrue();
		assertThat(store.contains(Fixtures.sha(a))).isTrue();
		assertThat(store.contains(Fixtures.sha(b))).isFalse();
		assertThat(store.sizeBytes()).isLessThanOrEqualTo(budget);
	}

	@Test
	void manifestContentStaysEvenWhenItAloneExceedsTheBudget() throws IOException {
		ContentStore store = new ContentStore(this.dir, Fixtures.CODEC, 10);
		store.put(Fixtures.sha(this.content), Fixtures.bytes(this.content));

		store.collectGarbage(List.of(Fixtures.sha(this.content)));

		assertThat(store.contains(Fixtures.sha(this.content))).isTrue();
	}

	private void setUsed(PostingContent content, long epochSecond) throws IOException {
		Files.setLastModifiedTime(this.dir.resolve(Fixtures.sha(content)),
				FileTime.from(Instant.ofEpochSecond(epochSecond)));
	}

}
