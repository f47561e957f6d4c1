package io.sunboard.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.sunboard.protocol.ContentTable;

import io.sunboard.server.device.DeviceCredentials;
import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.posting.DisclosureAttribute;
import io.sunboard.server.posting.NewPosting;
import io.sunboard.server.review.ReviewDecision;
import io.sunboard.server.review.ReviewService;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.schedule.NewScheduleEntry;
import io.sunboard.server.schedule.ScheduleService;
import io.sunboard.server.security.AccountService;
import io.sunboard.server.security.Role;
import io.sunboard.server.security.Scope;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;

/**
 * A district with two schools, a lobby screen and a touch kiosk, and a few postings on
 * screen now. Seeded once; the screens' configuration files (with their secrets) are kept
 * under the data dir, as an administrator would keep the bundle they downloaded for a
 * real screen.
 */
class DemoData {

	static final String REGION = "fengze";

	static final String SCHOOL = "fz-shiyan-primary";

	static final String LOBBY = "fz-shiyan-lobby-1";

	static final String KIOSK = "fz-shiyan-kiosk-1";

	private final SchoolRepository schools;

	private final DeviceRegistry registry;

	private final PostingService postings;

	private final ScheduleService schedule;

	private final AccountService accounts;

	private final ReviewService reviews;

	private final RunAs staff;

	private final Clock clock;

	DemoData(SchoolRepository schools, DeviceRegistry registry, PostingService postings, ScheduleService schedule,
			AccountService accounts, ReviewService reviews, RunAs staff, Clock clock) {
		this.staff = staff;
		this.accounts = accounts;
		this.reviews = reviews;
		this.schools = schools;
		this.registry = registry;
		this.postings = postings;
		this.schedule = schedule;
		this.clock = clock;
	}

	boolean seeded() {
		return this.schools.regionExists(REGION);
	}

	/** Seeds everything and writes each screen's configuration to {@code configDir}. */
	void seed(Path configDir, String staffPassword) {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		this.schools.createRegion(REGION, "丰泽区教育局");
		this.schools.create(new School(SCHOOL, REGION, "丰泽区实验小学", shanghai));
		this.schools.create(new School("fz-no3-middle", REGION, "丰泽区第三中学", shanghai));
		this.accounts.create("shiyan-editor", "实验小学办公室", staffPassword, Role.SCHOOL_EDITOR, Scope.school(SCHOOL));
		this.accounts.create("shiyan-reviewer", "实验小学校长", staffPassword, Role.REVIEWER, Scope.school(SCHOOL));
		this.accounts.create("fengze-auditor", "区教育局督导", staffPassword, Role.AUDITOR, Scope.region(REGION));
		writeConfig(configDir, this.registry.register(LOBBY, SCHOOL, "一楼大厅显示屏", "landscape"), "landscape");
		writeConfig(configDir, this.registry.register(KIOSK, SCHOOL, "家长服务触摸屏", "kiosk"), "kiosk");
		Instant now = this.clock.instant();
		post(new NewPosting(SCHOOL, "fee-notice", "2026年秋季学期收费公示", "根据上级物价、教育部门批准的收费项目和标准，现将本学期收费情况公示如下，接受家长和社会监督。",
				now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)),
				Map.of("basisAuthority", "泉州市发展和改革委员会、泉州市教育局", "basisDocument", "泉发改收费〔2024〕12号", "reductionPolicy",
						"家庭经济困难学生、烈士子女、孤儿凭认定材料可申请减免作业本费和课后服务费，详情请向学校财务室咨询。", "complaintPhone", "0595-22281234",
						"reportPhone", "0595-12345"),
				List.of(new ContentTable("items", List.of("收费项目", "收费标准", "计费单位", "收费范围"),
						List.of(List.of("作业本费", "18 元/生·学期", "按学期", "全体学生（自愿订购）"),
								List.of("课后服务费", "150 元/生·月", "按月", "自愿参加课后服务的学生"),
								List.of("校服费", "120 元/套", "按套", "一年级新生（自愿购买）"))))));
		post(notice("关于2027年寒假放假安排的通知", """
				各位家长：
				根据区教育局校历安排，本学期于2027年1月22日结束，寒假自1月23日开始，2月21日学生返校报到。
				假期请做好学生安全教育与看护，注意防溺水、防火、交通安全。""", now, Duration.ofDays(45)));
		post(notice("校园开放日预约须知", """
				学校将于本月第二个周六上午举办校园开放日，欢迎家长预约参观。
				预约方式：在学校传达室登记或拨打 0595-22281235。""", now, Duration.ofDays(20)));
	}

	private static NewPosting notice(String title, String body, Instant now, Duration publicity) {
		return new NewPosting(SCHOOL, null, title, body, now.minus(Duration.ofHours(1)), now.plus(publicity));
	}

	/**
	 * Written by the school's editor, approved by its reviewer, scheduled on every screen
	 * of the school.
	 */
	private void post(NewPosting request) {
		Posting posting = this.staff.as("shiyan-editor", () -> this.postings.create(request));
		this.staff.as("shiyan-editor", () -> this.reviews.submit(posting.id()));
		this.staff.as("shiyan-reviewer",
				() -> this.reviews.decide(posting.id(),
						new ReviewDecision(ReviewDecision.Outcome.APPROVE, "《中华人民共和国保守国家秘密法》及学校保密审查制度",
								"不涉及国家秘密、工作秘密和个人隐私，同意公开", DisclosureAttribute.PROACTIVE, null, null)));
		this.staff.as("shiyan-editor", () -> this.schedule.schedule(posting.id(),
				new NewScheduleEntry(request.publicityStart(), request.publicityEnd(), 12, 0)));
	}

	private static void writeConfig(Path dir, DeviceCredentials credentials, String profile) {
		Properties properties = new Properties();
		properties.setProperty("device.id", credentials.deviceId());
		properties.setProperty("device.secret", credentials.secret());
		properties.setProperty("screen.profile", profile);
		try {
			Files.createDirectories(dir);
			try (Writer writer = Files.newBufferedWriter(dir.resolve(credentials.deviceId() + ".properties"),
					StandardCharsets.UTF_8)) {
				properties.store(writer, "Sunboard demo screen; the secret is shown only here");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the demo screen configuration to " + dir, ex);
		}
	}

}
