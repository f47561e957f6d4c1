package io.sunboard.templates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;

/**
 * A valid example of every kind, with realistic content (and some personal data the
 * privacy gate must mask).
 */
final class KindExamples {

	/** Monday 2026-09-07 08:00 in Shanghai. */
	static final Instant START = Instant.parse("2026-09-07T00:00:00Z");

	/** Four weeks later: long enough for every kind's minimum. */
	static final Instant END = Instant.parse("2026-10-05T00:00:00Z");

	static final String ID_NUMBER = "350502201403071234";

	static final String MOBILE = "13812345678";

	private KindExamples() {
	}

	static List<PostingContent> all() {
		return List.of(feeNotice(), admission(200), award(), recruitment(), finance(), decision(), serviceGuide(),
				general(), emergency());
	}

	static PostingContent content(String kind, String title, String body, Map<String, String> fields,
			List<ContentTable> tables) {
		return new PostingContent(PostingContent.SCHEMA, "p-" + kind, kind, title, body, START, END, "丰泽区实验小学",
				"Asia/Shanghai", fields, tables);
	}

	static PostingContent feeNotice() {
		return content("fee-notice", "2026年秋季学期收费公示", null,
				fields("basisAuthority", "泉州市发展和改革委员会、泉州市教育局", "basisDocument", "泉发改价格〔2024〕12号", "reductionPolicy",
						"家庭经济困难学生可申请减免作业本费和午餐费，请向班主任提出申请。\n建档立卡户子女全免。", "complaintPhone", "0595-22345678",
						"reportPhone", "12345"),
				List.of(new ContentTable("items", List.of("收费项目", "收费标准", "计费单位", "收费范围"),
						List.of(List.of("作业本费", "18 元/生·学期", "每生每学期", "全体学生"),
								List.of("午餐费", "6 元/生·餐", "每生每餐", "自愿在校用餐学生"),
								List.of("课后服务费", "300 元/生·学期", "每生每学期", "自愿参加课后服务学生")))));
	}

	static PostingContent admission(int rows) {
		List<List<String>> results = new ArrayList<>();
		String[] names = { "张三明", "李四", "欧阳娜娜", "王小Anna", "陈 Tom" };
		for (int i = 1; i <= rows; i++) {
			results.add(
					List.of(names[i % names.length], String.format("2026%04d", i), "一年级（" + (i % 6 + 1) + "）班", "已录取"));
		}
		return content("admission", "2026年一年级新生录取结果公示", "以下为我校2026年秋季一年级新生录取名单，公示期内如有异议请按申诉渠道反映。",
				fields("policySummary", "依据《丰泽区2026年义务教育招生工作意见》，按学区划片、免试就近入学。", "plan", "一年级招收 6 个班，共 270 人。",
						"appealPhone", "0595-22345600", "appealAddress", "泉州市丰泽区东海街道学府路 1 号 行政楼 203 室", "appealEmail",
						"zsb@fzsy.example.edu.cn"),
				List.of(new ContentTable("results", List.of("姓名", "录取编号", "录取学校", "状态"), results)));
	}

	static PostingContent award() {
		return content("award", "2026年度校级“三好学生”评选结果公示", null,
				fields("award", "校级三好学生", "criteria", "思想品德好、学习好、身体好，本学年无违纪记录。", "quota", "每班 2 名，共 48 名", "procedure",
						"班级推荐、年段审核、学校评审委员会审定。", "objectionPhone", "0595-22345611"),
				List.of(new ContentTable("winners", List.of("姓名", "班级"), List.of(List.of("张三明", "五年级（1）班"),
						List.of("李四", "五年级（2）班"), List.of("Smith John", "六年级（1）班")))));
	}

	static PostingContent recruitment() {
		return content("recruitment", "2026年新任教师招聘拟聘人员公示", null,
				fields("recruitmentPlan", "小学语文教师 2 名、小学数学教师 1 名", "objectionPhone", "0595-22345622"),
				List.of(new ContentTable("results", List.of("姓名", "性别", "拟聘岗位", "毕业院校"),
						List.of(List.of("林晓华", "女", "小学语文", "福建师范大学"), List.of("黄志强", "男", "小学数学", "泉州师范学院")))));
	}

	static PostingContent finance() {
		return content("finance", "2026年部门预算公开", null,
				fields("fiscalPeriod", "2026年度", "amountUnit", "万元", "explanation", "预算按功能分类列示。"),
				List.of(new ContentTable("budget", List.of("项目", "金额"),
						List.of(List.of("基本支出", "1,250.40"), List.of("项目支出", "386.00"), List.of("合计", "1,636.40")))));
	}

	static PostingContent decision() {
		return content("decision", "关于调整课后服务时间的决定", "经校务会议研究，自2026年10月起，课后服务时间调整为 15:40 至 17:40。",
				fields("decisionBody", "学校校务会议", "decisionDate", "2026年9月3日", "feedbackPhone", "0595-22345633"),
				List.of());
	}

	static PostingContent serviceGuide() {
		return content("service-guide", "学生转学办事指南", null,
				fields("matter", "义务教育阶段学生转学", "eligibility", "因户籍迁移或监护人工作调动需转学的在籍学生", "documents",
						"1. 转学申请表\n2. 户口簿或居住证\n3. 监护人身份证", "steps", "1. 提交申请\n2. 学校审核\n3. 教育局备案", "timeLimit", "5 个工作日",
						"fees", "不收费", "location", "行政楼 101 教务处", "complaintPhone", "0595-22345644"),
				List.of());
	}

	static PostingContent general() {
		return content("general", "关于校园开放日的通知", "本周六上午 9:00 至 11:30 校园开放，欢迎家长参观。\n\n请从南门进入。", Map.of(), List.of());
	}

	static PostingContent emergency() {
		return content("emergency", "暴雨红色预警：今日停课", "因暴雨红色预警，今日全天停课，请家长注意安全，看护好孩子。", Map.of(), List.of());
	}

	static Map<String, String> fields(String... namesAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	/** The example with one field replaced (or removed with {@code null}). */
	static PostingContent withField(PostingContent content, String name, String value) {
		Map<String, String> fields = new LinkedHashMap<>(content.fields());
		if (value == null) {
			fields.remove(name);
		}
		else {
			fields.put(name, value);
		}
		return new PostingContent(content.schema(), content.postingId(), content.kind(), content.title(),
				content.body(), content.publicityStart(), content.publicityEnd(), content.schoolName(),
				content.timeZone(), fields, content.tables());
	}

	static PostingContent withTables(PostingContent content, List<ContentTable> tables) {
		return new PostingContent(content.schema(), content.postingId(), content.kind(), content.title(),
				content.body(), content.publicityStart(), content.publicityEnd(), content.schoolName(),
				content.timeZone(), content.fields(), tables);
	}

	static PostingContent withPeriod(PostingContent content, Instant start, Instant end) {
		return new PostingContent(content.schema(), content.postingId(), content.kind(), content.title(),
				content.body(), start, end, content.schoolName(), content.timeZone(), content.fields(),
				content.tables());
	}

}
