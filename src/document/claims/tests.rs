//! The claim model on phrasings: each case is a sentence and what the model must
//! conclude of the claim at its stated figure.

use super::*;
use crate::document::Document;

/// The claims of `text` whose stated figure is written `figure`.
fn at<'d>(doc: &'d Document, figure: &str) -> Vec<&'d Claim> {
    doc.claims()
        .list
        .iter()
        .filter(|c| c.stated.written == figure)
        .collect()
}

fn verdict(text: &str, kind: ClaimKind, figure: &str) -> Option<Verdict> {
    let doc = Document::parse("t.txt", text.to_owned());
    let found = at(&doc, figure);
    found.iter().find(|c| c.kind == kind).map(|c| c.verdict)
}

fn holds(text: &str, kind: ClaimKind, figure: &str) {
    let v = verdict(text, kind, figure);
    assert!(
        matches!(v, Some(Verdict::Holds(_)) | Some(Verdict::Unbound) | None),
        "{text}: {figure} should hold, got {v:?}"
    );
}

fn fails(text: &str, kind: ClaimKind, figure: &str) {
    let v = verdict(text, kind, figure);
    assert_eq!(v, Some(Verdict::Fails), "{text}: {figure}");
}

#[test]
fn rates_over_their_counts() {
    let t = "上半年,我市辖区产妇数1462人,产前筛查1401人,筛查率95.83%,筛出高风险孕妇59人,占4.21%,临界风险127人,占9.06%,产前诊断人数156人,产前诊断率10.67%。";
    for f in ["95.83%", "4.21%", "9.06%", "10.67%"] {
        let kind = if f.starts_with('9') && f != "95.83%" || f == "4.21%" {
            ClaimKind::Share
        } else {
            ClaimKind::Rate
        };
        let _ = kind;
    }
    assert!(matches!(
        verdict(t, ClaimKind::Rate, "95.83%"),
        Some(Verdict::Holds(_))
    ));
    assert!(matches!(
        verdict(t, ClaimKind::Share, "4.21%"),
        Some(Verdict::Holds(_))
    ));
    assert!(matches!(
        verdict(t, ClaimKind::Rate, "10.67%"),
        Some(Verdict::Holds(_))
    ));
    fails(
        "发现隐患240条，完成整改233条，整改率100%。",
        ClaimKind::Rate,
        "100%",
    );
    holds(
        "发现隐患240条，完成整改233条，整改率97.08%。",
        ClaimKind::Rate,
        "97.08%",
    );
}

#[test]
fn counts_are_intervals_too() {
    holds(
        "全市卫技人员6.2万人，其中执业医师2.3万人，占37.3%。",
        ClaimKind::Share,
        "37.3%",
    );
    fails(
        "全市卫技人员6.2万人，其中执业医师2.3万人，占39.3%。",
        ClaimKind::Share,
        "39.3%",
    );
}

#[test]
fn siblings_with_shares_are_never_bases() {
    let t = "全市参保总人数738.7万人。城镇职工参保452.1万人（占61.2%），城乡居民参保286.6万人（占38.8%）。";
    holds(t, ClaimKind::Share, "38.8%");
    let t = "城镇职工参保452.1万人（占61.2%），城乡居民参保286.6万人（占38.8%）。";
    assert_ne!(verdict(t, ClaimKind::Share, "38.8%"), Some(Verdict::Fails));
}

#[test]
fn fractions_after_the_rate() {
    holds("合格率62.5%（305/488）。", ClaimKind::Rate, "62.5%");
    fails("合格率65.5%（305/488）。", ClaimKind::Rate, "65.5%");
}

#[test]
fn a_share_of_a_whole_written_with_a_verb_is_no_completion() {
    // 占完成面积的 and 完成全市总产值的 name a whole, not a target: shares.
    let t = "全县下达造林任务2万亩，完成造林2.4万亩，其中人工造林1.2万亩，占完成面积的";
    holds(&format!("{t}50%。"), ClaimKind::Share, "50%");
    assert_eq!(
        verdict(&format!("{t}50%。"), ClaimKind::Completion, "50%"),
        None
    );
    let t = "全市完成工业总产值500亿元。其中，甲县完成工业产值120亿元，完成全市工业总产值的";
    holds(&format!("{t}24%。"), ClaimKind::Share, "24%");
    assert_eq!(
        verdict(&format!("{t}24%。"), ClaimKind::Completion, "24%"),
        None
    );
}

#[test]
fn completion_forms() {
    holds(
        "全年目标任务5000人次，已完成3668人次，完成任务数的73.36%。",
        ClaimKind::Completion,
        "73.36%",
    );
    fails(
        "全年目标任务5000人次，已完成3668人次，完成任务数的83.36%。",
        ClaimKind::Completion,
        "83.36%",
    );
    fails(
        "新增就业486万人，完成全年600万人目标的91%。",
        ClaimKind::Completion,
        "91%",
    );
    holds(
        "新增就业486万人，完成全年600万人目标的81%。",
        ClaimKind::Completion,
        "81%",
    );
    let t = "年初预算150万元，调整后预算180万元，支出决算171万元，完成年初预算的95.0%。";
    assert_eq!(
        verdict(t, ClaimKind::Completion, "95.0%"),
        Some(Verdict::Mislabeled(1))
    );
}

#[test]
fn bounded_rates() {
    fails("农村卫生厕所普及率达到109%。", ClaimKind::Bounded, "109%");
    holds("医疗服务覆盖率达100%。", ClaimKind::Bounded, "100%");
    // The insured may live elsewhere, pupils of any age enrol: no bound of their own.
    for text in ["城乡居民医保参保率达102.3%。", "学前三年毛入园率达103.5%。"]
    {
        let doc = Document::parse("t.txt", text.to_owned());
        assert!(
            doc.claims().of(ClaimKind::Bounded).next().is_none(),
            "{text}"
        );
    }
}

#[test]
fn parts_named_as_exclusive_kinds_stay_within_their_total() {
    // 夏粮 and 秋粮 cannot nest: together they stay within the year's grain.
    holds(
        "粮食总产量133.77万吨，其中，夏粮产量16.38万吨；秋粮产量117.39万吨。",
        ClaimKind::Parts,
        "133.77万吨",
    );
    fails(
        "粮食总产量133.77万吨，其中，夏粮产量16.38万吨；秋粮产量171.39万吨。",
        ClaimKind::Parts,
        "133.77万吨",
    );
    fails(
        "赛事活动16场，其中国家级赛事13场、省级赛事13场。",
        ClaimKind::Parts,
        "16场",
    );
    // Parts that may nest or overlap stay unchecked together.
    assert!(matches!(
        verdict(
            "电话用户473.1万户，其中，4G用户208.5万户，5G用户305.9万户。",
            ClaimKind::Parts,
            "473.1万户"
        ),
        Some(Verdict::Unchecked(_)) | Some(Verdict::Holds(_)) | None
    ));
    // 三级 in two names: not kinds that exclude each other.
    assert!(matches!(
        verdict(
            "医院20家，其中三级医院12家，三级甲等医院10家。",
            ClaimKind::Parts,
            "20家"
        ),
        Some(Verdict::Unchecked(_)) | Some(Verdict::Holds(_)) | None
    ));
}

#[test]
fn complementary_kinds_make_their_total() {
    fails(
        "电话用户总数46.82万户。其中，固定电话用户4.80万户；移动用户达24.02万户。",
        ClaimKind::Parts,
        "46.82万户",
    );
    holds(
        "电话用户总数46.82万户。其中，固定电话用户4.80万户；移动用户达42.02万户。",
        ClaimKind::Parts,
        "46.82万户",
    );
    fails(
        "参加基本医疗保险人数445.97万人。其中，参加职工基本医疗保险人数33.03万人；参加城乡居民基本医疗保险人数421.95万人。",
        ClaimKind::Parts,
        "445.97万人",
    );
}

#[test]
fn growth_from_the_earlier_value_named_after_the_comparison() {
    let t = "经费支出431万元，比上年累计支出433万元减少2万元，下降0.46%。";
    holds(t, ClaimKind::Growth, "2万元");
    holds(t, ClaimKind::Growth, "0.46%");
    let t = "经费支出431万元，比上年累计支出433万元减少2万元，下降4.6%。";
    fails(t, ClaimKind::Growth, "4.6%");
    let t = "预算总额为1969万元，较2024年的2190万元减少231万元，下降10.1%。";
    fails(t, ClaimKind::Growth, "231万元");
    // 多 is a change, not the name of an earlier value.
    let t = "全年支出431万元，比上年同期多12万元，增长2.9%。";
    assert!(at(&Document::parse("t.txt", t.to_owned()), "12万元").is_empty());
}

#[test]
fn a_per_capita_value_changes_like_any_other() {
    let t = "全体居民人均可支配收入32450元，较上年增加1509元，名义增长4.9%。";
    holds(t, ClaimKind::Growth, "4.9%");
    let t = "全体居民人均可支配收入32450元，较上年增加1509元，名义增长7.9%。";
    fails(t, ClaimKind::Growth, "7.9%");
}

#[test]
fn a_clause_on_how_the_figure_was_computed_keeps_the_total() {
    let t = "全年实现生产总值367.71亿元，按可比价格计算，比上年增长3.6%。其中，第一产业增加值42.60亿元；第二产业增加值98.26亿元；第三产业增加值232.25亿元。";
    fails(t, ClaimKind::Parts, "367.71亿元");
    let t = "全年实现生产总值367.71亿元，按可比价格计算，比上年增长3.6%。其中，第一产业增加值42.60亿元；第二产业增加值92.86亿元；第三产业增加值232.25亿元。";
    holds(t, ClaimKind::Parts, "367.71亿元");
    // A clause of words only still speaks of something else.
    let t = "新增企业120家，多家实验室入轨运行，其中，第一产业12家；第二产业30家；第三产业90家。";
    assert_ne!(verdict(t, ClaimKind::Parts, "120家"), Some(Verdict::Fails));
}

#[test]
fn farming_output_is_its_five_trades() {
    let t = "农林牧渔业总产值169.7亿元，其中，农业产值91.9亿元，林业产值6.5亿元，牧业产值56.0亿元，渔业产值2.6亿元，农林牧渔专业及辅助性活动产值3.8亿元。";
    fails(t, ClaimKind::Parts, "169.7亿元");
    let t = "农林牧渔业总产值169.7亿元，其中，农业产值91.9亿元，林业产值6.5亿元，牧业产值65.0亿元，渔业产值2.6亿元，农林牧渔专业及辅助性活动产值3.8亿元。";
    holds(t, ClaimKind::Parts, "169.7亿元");
    // 本科 and 专科 exclude each other but need not be all (硕士, 中专).
    holds(
        "全院职工500人，其中本科学历300人，专科学历150人。",
        ClaimKind::Parts,
        "500人",
    );
}

#[test]
fn rows_whose_shares_make_100_are_all_of_their_total() {
    let table = |n: &str| {
        format!(
            "     指标名称                  年末数（人）     比重（%）\n 全州总户籍人口                   4899310    100.0\n   #0-17岁（含不满18周岁）       1136460     23.2\n   18-59岁（含不满60周岁）       3016917     61.6\n   60周岁及以上                  {n}     15.2\n"
        )
    };
    let kind = ClaimKind::TableTotalRow;
    holds(&table("745933"), kind, "4899310");
    fails(&table("754933"), kind, "4899310");
    // Without a share column the # group is only held to stay within the row.
    let t = " 指标名称       年末数（人）\n 全州总户籍人口    4899310\n   #0-17岁       1136460\n   18-59岁       3016917\n   60周岁及以上    654933\n";
    holds(t, kind, "4899310");
}

#[test]
fn shares_of_a_closed_classification_make_100_from_below_too() {
    let t = "全国就业人员中，第一产业就业人员占27.0%；第二产业就业人员占21.8%；第三产业就业人员占44.9%。";
    fails(t, ClaimKind::Shares, "100%");
    let t = "全国就业人员中，第一产业就业人员占27.0%；第二产业就业人员占28.1%；第三产业就业人员占44.9%。";
    holds(t, ClaimKind::Shares, "100%");
    // 男/女 may leave 未知: below 100 it is only inferred.
    let t = "新招录人员中，男性占45.5%，女性占50.5%。";
    assert_ne!(verdict(t, ClaimKind::Shares, "100%"), Some(Verdict::Fails));
    // The industries' contributions to growth make all of it.
    let t = "第一产业贡献率为4.9%，拉动增长0.2个百分点；第二产业贡献率为53.5%，拉动增长2.0个百分点；第三产业贡献率为39.7%，拉动增长1.4个百分点。";
    fails(t, ClaimKind::Shares, "100%");
    // Rates of two groups are no shares of one whole.
    assert!(verdict(
        "男性吸烟率为50.5%，女性吸烟率为2.1%。",
        ClaimKind::Shares,
        "100%"
    )
    .is_none());
}

#[test]
fn a_sentence_opened_by_a_classification_breaks_down_the_one_before() {
    let t = "全年生产总值235.28亿元，同比增长9.2%。分产业看，第一产业增加值29.08亿元；第二产业增加值117.34亿元；第三产业增加值92.47亿元。";
    fails(t, ClaimKind::Parts, "235.28亿元");
    let t = "全年生产总值235.28亿元，同比增长9.2%。分产业看，第一产业增加值29.08亿元；第二产业增加值113.74亿元；第三产业增加值92.47亿元。";
    holds(t, ClaimKind::Parts, "235.28亿元");
    // The share of a part after 其中 is of the total before it.
    let t = "实际支出决算为22.62万元。其中公务接待费为20.10万元，占88.86%；公务用车运行维护费为2.25万元，占11.14%。";
    fails(t, ClaimKind::Share, "11.14%");
    // Another sentence of words: its numbers are of something else.
    let t = "全年支出22.62万元。公务用车运行维护费为2.25万元，占11.14%。";
    assert_ne!(verdict(t, ClaimKind::Share, "11.14%"), Some(Verdict::Fails));
}

#[test]
fn a_rate_over_the_population_its_qualifier_names() {
    let t = "出生新生儿数1455人，筛查数1452人，筛查率99.79%，筛查阳性例数63人，筛查阳性率4.34%。";
    holds(t, ClaimKind::Rate, "4.34%");
    let t = "出生新生儿数1455人，筛查数1452人，筛查率99.79%，筛查阳性例数63人，筛查阳性率3.44%。";
    fails(t, ClaimKind::Rate, "3.44%");
    // Two counts the qualifier names: the base stays a guess.
    let t = "初次筛查数1452人，复核筛查数1300人，筛查阳性例数63人，筛查阳性率3.44%。";
    assert_ne!(verdict(t, ClaimKind::Rate, "3.44%"), Some(Verdict::Fails));
}

#[test]
fn a_negated_act_and_a_count_named_after_its_number() {
    let t = "完成食品安全监督抽检2921763批次，发现不合格样品70174批次，监督抽检不合格率为2.40%。";
    holds(t, ClaimKind::Rate, "2.40%");
    let t = "完成食品安全监督抽检2921763批次，发现不合格样品71074批次，监督抽检不合格率为2.40%。";
    fails(t, ClaimKind::Rate, "2.40%");
    let t = "176个年度计划新开项目实际开工150个，项目开工率达85%。";
    holds(t, ClaimKind::Rate, "85%");
    let t = "176个年度计划新开项目实际开工160个，项目开工率达85%。";
    fails(t, ClaimKind::Rate, "85%");
}

#[test]
fn a_group_that_adds_up_under_one_row_is_whole_under_another() {
    let table = |n: &str| {
        format!(
            "     指标         绝对数（人）     比上年增长（%）\n  各级各类学校招生数             268659      3.7\n   #普通高等学校              12137      13.3\n    中等职业教育              35515      14.2\n    普通高中                33302      -2.1\n    初中                  68183       0.6\n    普通小学                69512      19.6\n    幼儿园                 50010      -12.7\n  各级各类学校在校生数           961673   2.1\n   #普通高等学校            35924    1.6\n    中等职业教育         79749    42.8\n    普通高中           100883    -1\n    初中             {n}   4.2\n    普通小学           394957   0.8\n    幼儿园            149190   -8.9\n"
        )
    };
    let kind = ClaimKind::TableTotalRow;
    holds(&table("200970"), kind, "961673");
    fails(&table("209070"), kind, "961673");
}

#[test]
fn kinds_named_by_their_trade_go_on_past_a_semicolon() {
    let t = "农林牧渔业总产值59.16亿元，同比增长9.6%。其中：农业总产值25.36亿元，同比增长4.9%；林业总产值5.44亿元，同比增长5.6%；牧业总产值15.95亿元，同比增长18.2%；渔业总产值5.25亿元，同比增长3.0%；农林牧渔服务业总产值3.56亿元，同比增长4%。";
    fails(t, ClaimKind::Parts, "59.16亿元");
    let t = "农林牧渔业总产值59.16亿元，同比增长9.6%。其中：农业总产值25.36亿元，同比增长4.9%；林业总产值5.44亿元，同比增长5.6%；牧业总产值19.55亿元，同比增长18.2%；渔业总产值5.25亿元，同比增长3.0%；农林牧渔服务业总产值3.56亿元，同比增长4%。";
    holds(t, ClaimKind::Parts, "59.16亿元");
}

#[test]
fn central_and_local_roads_by_class_exclude_each_other() {
    fails(
        "今年拟安排财政赤字9000亿元，其中中央财政赤字8000亿元，继续代地方发债2000亿元。",
        ClaimKind::Parts,
        "9000亿元",
    );
    // 中央 and 地方 need not be all (自筹 may be left out): below the total holds.
    holds(
        "总投资500万元，其中中央资金200万元，地方配套100万元。",
        ClaimKind::Parts,
        "500万元",
    );
    fails(
        "全县境内公路里程2271.83公里，其中国道136.75公里、省道46.22公里、县道320.96公里、乡道355.28公里、村道1430.62公里。",
        ClaimKind::Parts,
        "2271.83公里",
    );
}

#[test]
fn sectors_housing_and_crops_are_kinds_that_exclude_each_other() {
    fails(
        "完成投资8.44亿元。其中住宅投资7.73亿元，商业营业用房投资0.84亿元。",
        ClaimKind::Parts,
        "8.44亿元",
    );
    holds(
        "完成投资8.44亿元。其中住宅投资7.37亿元，商业营业用房投资0.84亿元。",
        ClaimKind::Parts,
        "8.44亿元",
    );
    fails(
        "贷款余额140.92亿元。其中：住户贷款余额53.57亿元；非金融企业及机关团体贷款余额105.35亿元。",
        ClaimKind::Parts,
        "140.92亿元",
    );
}

#[test]
fn a_list_ending_in_the_rest_of_its_total_is_all_of_it() {
    let ok =
        "全县有养老机构60个。其中，公办机构25个，民办机构（含连锁机构）20个，其他养老机构15个。";
    holds(ok, ClaimKind::Parts, "60个");
    let short =
        "全县有养老机构60个。其中，公办机构25个，民办机构（含连锁机构）20个，其他养老机构5个。";
    fails(short, ClaimKind::Parts, "60个");
    // 其他 of another noun is no rest of this total.
    let other = "全县有养老机构60个。其中，公办机构25个，民办机构20个，其他服务设施5个。";
    assert_ne!(
        verdict(other, ClaimKind::Parts, "60个"),
        Some(Verdict::Fails),
        "{other}"
    );
}

#[test]
fn kinds_of_one_attribute_exclude_each_other() {
    fails(
        "成人高校招生人数9000人，其中本科3000人，专科6500人。",
        ClaimKind::Parts,
        "9000人",
    );
    holds(
        "成人高校招生人数9000人，其中本科3000人，专科6000人。",
        ClaimKind::Parts,
        "9000人",
    );
}

#[test]
fn classes_of_one_criterion_stay_within_their_total_together() {
    let t = |x: &str| {
        format!("年末全县供水管网总长800公里，其中：新建管网5公里。按照管径划分，大口径管网{x}公里、中口径管网300公里、小口径管网420公里。")
    };
    // Two lists break down the same total: the 其中 one and the classification.
    let verdicts = |text: &str| -> Vec<Verdict> {
        let doc = Document::parse("t.txt", text.to_owned());
        at(&doc, "800公里").iter().map(|c| c.verdict).collect()
    };
    assert!(verdicts(&t("120")).contains(&Verdict::Fails));
    assert!(!verdicts(&t("70")).contains(&Verdict::Fails));
    assert_eq!(verdicts(&t("70")).len(), 2);
}

#[test]
fn rows_a_mark_opens_under_a_total_are_its_kinds() {
    let table = |x: &str| {
        format!(
            "项目 | 总诊疗人次 | | 出院人数 | |\n| 2020 | 2021 | 2020 | 2021 |\n总计 | 500.0 | 520.0 | 40.0 | 42.0 |\n其中:综合医院 | 300.0 | 310.0 | 25.0 | 26.0 |\n中医医院 | 100.0 | {x} | 8.0 | 9.0 |\n专科医院 | 90.0 | 95.0 | 6.0 | 7.0 |\n"
        )
    };
    let verdicts = |text: &str| -> Vec<Verdict> {
        let doc = Document::parse("t.txt", text.to_owned());
        doc.claims()
            .of(ClaimKind::TableTotalRow)
            .map(|c| c.verdict)
            .collect()
    };
    // The year row is a header: four columns, one total row over three kinds.
    assert_eq!(verdicts(&table("110.0")).len(), 4);
    assert!(!verdicts(&table("110.0")).contains(&Verdict::Fails));
    assert_eq!(
        verdicts(&table("130.0"))
            .iter()
            .filter(|v| **v == Verdict::Fails)
            .count(),
        1
    );
}

#[test]
fn a_note_in_brackets_does_not_part_a_value_from_its_change() {
    let t = |x: &str| format!("全年基金收入合计5.7万亿元(人民币,下同),比上年增加8千亿元,增长{x}。");
    holds(&t("16.3%"), ClaimKind::Growth, "16.3%");
    fails(&t("26.3%"), ClaimKind::Growth, "26.3%");
}

#[test]
fn sources_of_power_exclude_each_other() {
    fails(
        "新增发电装机容量0.45亿千瓦，其中水电3000万千瓦、核电2000万千瓦。",
        ClaimKind::Parts,
        "0.45亿千瓦",
    );
}

#[test]
fn classes_named_by_a_criterion_exclude_each_other_a_topic_does_not() {
    let t = |x: &str| {
        format!("全年社会消费品零售总额500亿元，比上年增长5%。按消费类型统计，商品零售额450亿元，餐饮收入额{x}亿元。")
    };
    fails(&t("80"), ClaimKind::Parts, "500亿元");
    holds(&t("50"), ClaimKind::Parts, "500亿元");
    // 从…看 may name a topic: products of another total are no classes of it.
    let topic = "全年粮食总产量30万吨，增长2%。从主要产品产量看，小麦产量20万吨，蔬菜产量50万吨。";
    assert_ne!(
        verdict(topic, ClaimKind::Parts, "30万吨"),
        Some(Verdict::Fails),
        "{topic}"
    );
}

#[test]
fn a_nested_breakdown_inside_a_complete_set_leaves_the_set_the_level() {
    let t = |x: &str| {
        format!("项目投资100亿元，按产业分类来看：第一产业投资10亿元；第二产业投资30亿元，其中，工业投资25亿元；第三产业投资{x}亿元。")
    };
    fails(&t("50"), ClaimKind::Parts, "100亿元");
    holds(&t("60"), ClaimKind::Parts, "100亿元");
}

#[test]
fn clauses_joined_by_semicolons_are_one_sentence_for_a_qizhong() {
    let t = |x: &str| {
        format!("全年接待游客500万人次，增长8%；实现旅游收入60亿元。其中，接待入境游客20万人次；接待国内游客{x}万人次。")
    };
    fails(&t("490"), ClaimKind::Parts, "500万人次");
    holds(&t("480"), ClaimKind::Parts, "500万人次");
}

#[test]
fn rows_of_kinds_that_exclude_each_other_stay_within_their_row() {
    let table = |x: &str| {
        format!("   指标名称        单位      产量       比上年增长(%)\n 猪牛羊禽肉产量            万吨     19.23        4.7\n  #猪肉               万吨     {x}        7.4\n   牛肉               万吨      2.07       -4.4\n   羊肉               万吨      0.38       11.5\n   禽肉               万吨      3.29       -0.4\n 牛奶                 万吨      0.04        2.1\n")
    };
    let verdicts = |text: &str| -> Vec<Verdict> {
        let doc = Document::parse("t.txt", text.to_owned());
        doc.claims()
            .of(ClaimKind::TableTotalRow)
            .map(|c| c.verdict)
            .collect()
    };
    assert!(verdicts(&table("14.39")).contains(&Verdict::Fails));
    assert!(!verdicts(&table("13.49")).contains(&Verdict::Fails));
}

#[test]
fn table_rows_in_other_units_are_not_added() {
    let kind = ClaimKind::TableTotalRow;
    let table = |unit: &str| {
        format!(
            "| 指标 | 单位 | 2015年 | 2014年 |\n|---|---|---|---|\n| 旅游总收入 | 亿元 | 120.5 | 110.2 |\n| 其中：旅游外汇收入 | {unit} | 5230 | 4800 |\n"
        )
    };
    // 5230万美元 is no part of 120.5亿元 …
    holds(&table("万美元"), kind, "120.5");
    // … 5230亿元 would be.
    fails(&table("亿元"), kind, "120.5");
    // The unit may stand in brackets after the row's name.
    let t = "| 指标 | 2015年 | 2014年 |\n|---|---|---|\n| 旅游总收入（亿元） | 120.5 | 110.2 |\n| 其中：旅游外汇收入（万美元） | 5230 | 4800 |\n";
    holds(t, kind, "120.5");
}

#[test]
fn a_row_in_percent_changes_in_points_not_by_growth() {
    let table = |unit: &str| {
        format!(
            "| 指标 | 单位 | 2015年 | 2014年 | 增长% |\n|---|---|---|---|---|\n| 接待游客 | 万人次 | 1200 | 1000 | 20.0 |\n| 旅游收入 | 亿元 | 150 | 120 | 25.0 |\n| 过夜游客 | 万人次 | 330 | 300 | 10.0 |\n| 客房出租率 | {unit} | 65.5 | 60.0 | 5.5 |\n"
        )
    };
    holds(&table("%"), ClaimKind::TableRate, "5.5");
    fails(&table("万间"), ClaimKind::TableRate, "5.5");
}

#[test]
fn a_budget_book_is_no_target() {
    // 一般公共预算收入 is the total of one budget book; 完成预算的 names a budget
    // the text does not give.
    let t = "全区一般公共预算收入62.5亿元，其中税收收入50亿元，完成预算的105%。";
    assert_ne!(
        verdict(t, ClaimKind::Completion, "105%"),
        Some(Verdict::Fails)
    );
    // A target by name still binds.
    fails(
        "年度任务62.5亿元，已完成50亿元，完成率105%。",
        ClaimKind::Completion,
        "105%",
    );
}

/// Some claim of `kind` at `figure` fails (another reading of the same figure,
/// a 其中 list that stays within it, may hold).
fn any_fails(text: &str, kind: ClaimKind, figure: &str) {
    let doc = Document::parse("t.txt", text.to_owned());
    let found = at(&doc, figure);
    assert!(
        found
            .iter()
            .any(|c| c.kind == kind && c.verdict == Verdict::Fails),
        "{text}: {figure} should fail"
    );
}

#[test]
fn prose_wholes_named_by_classes_states_ranges_and_definitions() {
    // A closed classification named class by class across sentences and paragraphs.
    let classes = "全省共报告法定传染病1000例，死亡30人。其中，甲类传染病无发病、死亡报告；乙类传染病共报告发病600例，死亡20人。\n\n同期，全省共报告丙类传染病发病400例，死亡10人。";
    holds(classes, ClaimKind::Parts, "1000例");
    holds(classes, ClaimKind::Parts, "30人");
    any_fails(
        &classes.replace("400例", "500例"),
        ClaimKind::Parts,
        "1000例",
    );
    any_fails(
        &classes.replace("死亡10人", "死亡15人"),
        ClaimKind::Parts,
        "30人",
    );
    // Without the 其中, or with fewer classes, each class stays within the total;
    // counts named otherwise than the total (投资 of 生产总值) are none of it.
    let partial = "全省共报告法定传染病1000例，死亡30人。甲类传染病无死亡报告。乙类传染病共报告发病600例，死亡20人。";
    holds(partial, ClaimKind::Parts, "30人");
    any_fails(
        &partial.replace("死亡30人", "死亡15人"),
        ClaimKind::Parts,
        "15人",
    );
    let other =
        "全年地区生产总值300亿元。第一产业投资20亿元；第二产业投资200亿元。第三产业投资150亿元。";
    holds(other, ClaimKind::Parts, "300亿元");
    // A total whose name counts its members, broken down into that many members.
    let counted = "两家医院医疗收入300万元，其中，甲医院为200万元，乙医院为100万元。";
    holds(counted, ClaimKind::Parts, "300万元");
    any_fails(
        &counted.replace("100万元", "90万元"),
        ClaimKind::Parts,
        "300万元",
    );
    // Kinds of the measure are no members: nothing is claimed of their sum.
    holds(
        "两家医院医疗收入300万元，其中，药品收入100万元，检查收入90万元。",
        ClaimKind::Parts,
        "300万元",
    );
    // Counts by the states of one act.
    let states = "共发现问题30项，已整改20项，未整改10项。";
    holds(states, ClaimKind::Parts, "30项");
    any_fails(
        &states.replace("未整改10项", "未整改12项"),
        ClaimKind::Parts,
        "30项",
    );
    // A whole named by 〈name〉中, its parts classes of one contiguous range.
    let ranges =
        "年末全县户籍人口50万人。年末户籍人口中，18岁以下10万人，18-59岁30万人，60岁以上10万人。";
    holds(ranges, ClaimKind::Parts, "50万人");
    any_fails(
        &ranges.replace("30万人", "25万人"),
        ClaimKind::Parts,
        "50万人",
    );
    // Ranges with a gap are no complete set: nothing is claimed of the sum.
    holds(
        &ranges
            .replace("18-59岁", "20-59岁")
            .replace("30万人", "25万人"),
        ClaimKind::Parts,
        "50万人",
    );
    // A period's balance is its income less its expenditure.
    let balance = "基金收入100亿元，支出80亿元。基金当期结存20亿元。";
    holds(balance, ClaimKind::Growth, "20亿元");
    any_fails(
        &balance.replace("20亿元", "25亿元"),
        ClaimKind::Growth,
        "25亿元",
    );
    // Shares after 分别 for every member of a closed set.
    let shares = "第一、二、三产业增加值占地区生产总值的比重分别为10.0%、40.0%和50.0%。";
    holds(shares, ClaimKind::Shares, "100%");
    any_fails(&shares.replace("50.0%", "55.0%"), ClaimKind::Shares, "100%");
    // 城镇化率 by definition.
    let urban = "年末常住人口200万人，其中城镇人口120万人。常住人口城镇化率60.0%。";
    holds(urban, ClaimKind::Rate, "60.0%");
    any_fails(&urban.replace("60.0%", "65.0%"), ClaimKind::Rate, "65.0%");
    // A profit rate named by its base.
    let profit =
        "全年企业营业收入500亿元，比上年增长5%。全年企业利润总额25亿元。营业收入利润率为5.0%。";
    holds(profit, ClaimKind::Rate, "5.0%");
    any_fails(&profit.replace("5.0%", "6.0%"), ClaimKind::Rate, "6.0%");
    // A rate over the base the rate before it was bound to.
    let sibling = "辖区活产数2000人，新生儿疾病筛查1990人，筛查率99.50%。听力筛查共筛查1980人，筛查率99.00%。";
    holds(sibling, ClaimKind::Rate, "99.00%");
    any_fails(
        &sibling.replace("99.00%", "98.00%"),
        ClaimKind::Rate,
        "98.00%",
    );
}

#[test]
fn a_list_stopped_before_a_part_of_its_kind_is_not_all_of_the_total() {
    // 其他从业人员2500人 after the three sectors is a part the ； stopped the list
    // before: the sectors alone are not all of 52.3万人.
    let t = "年末全市从业人员52.3万人。其中，第一产业12.1万人；第二产业18.5万人；第三产业21.4万人；其他从业人员2500人。";
    holds(t, ClaimKind::Parts, "52.3万人");
    let t = "年末全市从业人员52.3万人。其中，第一产业12.1万人；第二产业18.5万人；第三产业21.4万人；其他从业人员0.3万人。";
    holds(t, ClaimKind::Parts, "52.3万人");
    // With nothing after them, the three sectors are all of it.
    fails(
        "年末全市从业人员52.3万人。其中，第一产业12.1万人；第二产业18.5万人；第三产业21.4万人。",
        ClaimKind::Parts,
        "52.3万人",
    );
}

/// A base named in full after 占…的 / 完成…的 binds across the sentences of its
/// paragraph when one earlier amount carries that name (wordings of national
/// bulletins 2007, 2012 and 2016, a city's project report, and two city work
/// reports where it must not bind).
#[test]
fn a_base_named_in_full_binds_across_sentences() {
    let pop = "年末全国大陆总人口为135404万人，比上年末增加669万人。全年出生人口1635万人。0-14岁（含不满15周岁）人口22287万人，占总人口的16.5%；60周岁及以上人口19390万人，占总人口的14.3%。";
    holds(pop, ClaimKind::Share, "16.5%");
    holds(pop, ClaimKind::Share, "14.3%");
    fails(
        &pop.replace("22287万人", "22827万人"),
        ClaimKind::Share,
        "16.5%",
    );
    let trees = "全年完成造林面积390万公顷，完成造林成活面积371万公顷。林业重点工程造林成活面积268万公顷，占完成造林成活面积的72.2%。";
    holds(trees, ClaimKind::Share, "72.2%");
    fails(
        &trees.replace("268万公顷", "286万公顷"),
        ClaimKind::Share,
        "72.2%",
    );
    let retail = "全年社会消费品零售总额332316亿元，比上年增长10.4%。\n全年网上零售额51556亿元，比上年增长26.2%。其中网上商品零售额41944亿元，增长25.6%，占社会消费品零售总额的比重为12.6%。";
    holds(retail, ClaimKind::Share, "12.6%");
    // A paragraph later the whole may be of another year or scope (研发投入 of
    // the year before over this year's 生产总值): the name binds within its paragraph.
    assert_ne!(
        verdict(
            &retail.replace("41944亿元", "44194亿元"),
            ClaimKind::Share,
            "12.6%"
        ),
        Some(Verdict::Fails)
    );
    fails(
        &retail.replace("41944亿元", "44194亿元").replace('\n', ""),
        ClaimKind::Share,
        "12.6%",
    );
    // A numerator of a narrower scope (规模以上) names a whole of that scope.
    let scoped = "全年完成工业总产值13481亿元，增长9.9％。全市规模以上工业高新技术产品产值4104亿元，增长17.3％，占工业总产值比重达32.8％。";
    assert_ne!(
        verdict(scoped, ClaimKind::Share, "32.8％"),
        Some(Verdict::Fails)
    );
    let plan = "今年安排重点建设项目120项，年度投资计划310.5亿元。1-9月累计完成投资265.2亿元，占年度投资计划的85.4%。";
    holds(plan, ClaimKind::Completion, "85.4%");
    fails(
        &plan.replace("265.2亿元", "256.2亿元"),
        ClaimKind::Completion,
        "85.4%",
    );
}

/// A name that only mentions the base's noun (列入…计划考核部分完成882亿元 for
/// 为计划的101％) is no full name: the share stays unbound across sentences.
#[test]
fn a_base_named_in_part_does_not_bind_across_sentences() {
    let t = "列入基本建设计划考核部分完成882亿元，为调整后计划投资的99.3％。169个重点项目投资完成227亿元，为计划的101％。";
    assert_ne!(
        verdict(t, ClaimKind::Completion, "101％"),
        Some(Verdict::Fails)
    );
}

/// Parts printed in different scales are shown as the sum adds them (the one in
/// a smaller unit converted, its printed form after it); parts all in one unit
/// are shown as printed.
#[test]
fn a_part_in_a_smaller_unit_is_shown_in_the_unit_it_was_added_in() {
    let shown = |text: &str| {
        let doc = Document::parse("t.txt", text.to_owned());
        let c = doc
            .claims()
            .list
            .iter()
            .find(|c| c.kind == ClaimKind::Parts && c.fails())
            .map(|c| {
                show::expression(
                    c.assumed().expect("a failing claim names its reading"),
                    &c.stated,
                )
            });
        c.unwrap_or_default()
    };
    let mixed = shown("全市常住人口120.5万人，其中城镇人口80.3万人，农村人口412000人。");
    assert!(mixed.contains("80.3万人 + 41.2万人（412000人）"), "{mixed}");
    let one_unit = shown("全市常住人口1.67亿人，其中城镇人口6700万人，农村人口9000万人。");
    assert!(one_unit.starts_with("6700万人 + 9000万人"), "{one_unit}");
}

/// The clauses that state an amount's own change (比上年增长25.4%, 按可比口径计算)
/// stand between it and its share without changing what the share is of
/// (wordings of the national bulletins 2018-2021).
#[test]
fn a_change_clause_between_an_amount_and_its_share_is_skipped() {
    let y2018 = "全年社会消费品零售总额380987亿元，比上年增长9.0%。全年实物商品网上零售额70198亿元，比上年增长25.4%，占社会消费品零售总额的比重为18.4%。";
    holds(y2018, ClaimKind::Share, "18.4%");
    fails(
        &y2018.replace("70198亿元", "79198亿元"),
        ClaimKind::Share,
        "18.4%",
    );
    let y2019 = "全年社会消费品零售总额411649亿元，比上年增长8.0%。全年实物商品网上零售额85239亿元，按可比口径计算，比上年增长19.5%，占社会消费品零售总额的比重为20.7%。";
    holds(y2019, ClaimKind::Share, "20.7%");
    fails(
        &y2019.replace("85239亿元", "82539亿元"),
        ClaimKind::Share,
        "20.7%",
    );
    // An amount in brackets qualifies the one before it: the share is not its.
    let y1987 = "各类职业技术高中在校学生516.9万人(含技工学校学生104.6万人)，比上年增加37.7万人，占高中在校学生总数1291万人的40％。";
    assert_ne!(
        verdict(y1987, ClaimKind::Share, "40％"),
        Some(Verdict::Fails)
    );
}

/// A change clause of another amount, or a share named by its own subject, is
/// no change of the amount before it (two city work reports).
#[test]
fn a_change_clause_of_another_subject_is_not_skipped() {
    let projects = "实施项目1000个，其中省市重点项目200个，年度固定资产投资同比增长10%，产业类项目投资占比达到50%以上。";
    assert_ne!(
        verdict(projects, ClaimKind::Share, "50%"),
        Some(Verdict::Fails)
    );
    let tax = "预计全年实现地区生产总值4600亿元左右，同比下降5.5%，其中第一产业增加值增长2%左右；完成地方一般公共预算收入160亿元，下降46.7%，税占比达到78%，同比提高11个百分点。";
    assert_ne!(verdict(tax, ClaimKind::Share, "78%"), Some(Verdict::Fails));
}
