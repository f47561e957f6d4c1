package io.sunboard.server.publicpage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedTests {

	@Test
	void markupAndControlCharactersInPostingsStayWellFormedText() throws Exception {
		Instant at = Instant.parse("2026-11-23T00:00:00Z");
		byte[] xml = AtomFeed.write(new AtomFeed.Feed("一小 & <二小>", "一小", "https://x.example/public/schools/s1",
				"https://x.example/public/schools/s1/feed.atom", at, "zh-CN",
				List.of(new AtomFeed.Entry("https://x.example/public/postings/p-1", "<script>alert(1)</script>\u0007标题",
						"通知公告", "正文 ]]> & <b>", at))));

		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(AtomFeed.NAMESPACE);
		assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "title").item(1).getTextContent())
			.isEqualTo("<script>alert(1)</script>标题");
		assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "summary").item(0).getTextContent())
			.isEqualTo("正文 ]]> & <b>");
		assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("<script>")
			.contains("<updated>2026-11-23T00:00:00Z</updated>");
	}

}
