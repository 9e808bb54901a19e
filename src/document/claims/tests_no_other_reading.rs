//! Passages whose arithmetic holds under the reading their words give, and that
//! a narrower reading took for errors (issue 12, item 3: a finding only when no
//! reading holds). Each test pairs the holding sentence with a wrong copy that
//! must still be found where the model checks it.

use super::*;
use crate::document::Document;

fn claims_at(text: &str, figure: &str) -> Vec<(ClaimKind, Verdict)> {
    let doc = Document::parse("t.txt", text.to_owned());
    doc.claims()
        .list
        .iter()
        .filter(|c| c.stated.written == figure)
        .map(|c| (c.kind, c.verdict))
        .collect()
}

fn no_failure(text: &str, figure: &str) {
    let found = claims_at(text, figure);
    assert!(
        !found
            .iter()
            .any(|(_, v)| matches!(v, Verdict::Fails | Verdict::Mislabeled(_))),
        "{text}: {figure} should not fail, got {found:?}"
    );
}

fn fails(text: &str, kind: ClaimKind, figure: &str) {
    let found = claims_at(text, figure);
    assert!(
        found.contains(&(kind, Verdict::Fails)),
        "{text}: {figure} should fail as {kind:?}, got {found:?}"
    );
}

/// Class 1: the value named after the period it is compared with (比2023年的,
/// 与上年的…相比) is that period's value, even when a subject opens the clause:
/// the change is measured from it, never up to it.
#[test]
fn a_value_named_after_the_earlier_period_is_the_base_of_the_change() {
    for t in [
        "基本支出与上年的1523.6万元相比增加186.4万元，增长12.2%。",
        "机关运行经费比2023年的245.8万元减少31.2万元，下降12.7%。",
        "全市粮食总产量比上年的86.4万吨增加9.5万吨，增长11.0%。",
        "公务接待费较上年同期的18.6万元减少4.2万元，下降22.6%。",
        "农村居民人均可支配收入较二〇二三年的18620元增加1415元，增长7.6%。",
    ] {
        let rate = t
            .rsplit(['长', '降'])
            .next()
            .unwrap_or_default()
            .trim_end_matches('。');
        no_failure(t, rate);
    }
    // The current value still makes the change it is stated with.
    let t = "支出457.3万元，比上年的412.6万元增加44.7万元，增长10.8%。";
    no_failure(t, "10.8%");
    let t = "支出457.3万元，比上年的412.6万元增加44.7万元，增长12.8%。";
    fails(t, ClaimKind::Growth, "12.8%");
    // 比上年增加 names the change, never an earlier value.
    let t = "全年支出431万元，比上年增加12万元，增长2.9%。";
    no_failure(t, "2.9%");
    let t = "全年支出431万元，比上年增加12万元，增长5.9%。";
    fails(t, ClaimKind::Growth, "5.9%");
}

fn bounded_fails(text: &str) -> bool {
    let doc = Document::parse("t.txt", text.to_owned());
    doc.claims()
        .list
        .iter()
        .any(|c| matches!(c.kind, ClaimKind::Bounded | ClaimKind::Share) && c.fails())
}

/// Class 2: a rate done against what was due (a target of its sentence, work
/// carried over included) is a completion and may exceed 100%; a base named as
/// due (占应改造户数的) is a target, not a whole.
#[test]
fn a_rate_against_a_target_may_exceed_100() {
    for t in [
        "全年计划建设高标准农田12万亩（含上年结转任务2万亩），已建成12.6万亩，建成率105.0%。",
        "全年应办理事项1260件（含上年结转180件），已办结1302件，办结率103.3%。",
        "年度下达整改任务86项（含以前年度结转12项），已整改完成90项，整改率104.7%。",
        "全年下达项目资金8600万元，实际到位9030万元，资金到位率105.0%。",
        "全年应改造农村危房1260户（含上年结转180户），已竣工1302户，占应改造户数的103.3%。",
        "今年需完成棚户区改造3200套，已开工3310套，占需改造总数的103.4%。",
    ] {
        assert!(!bounded_fails(t), "{t}");
    }
    // A part of a whole stays bounded; so does a rate with no target beside it.
    assert!(bounded_fails("全市农村卫生厕所普及率达到109%。"));
    assert!(bounded_fails("全年办结群众诉求1302件，办结率103.3%。"));
    assert!(bounded_fails("民营医院200家，占应届毕业生的120%。"));
    // The counts still bound the completion: 12.6 ÷ 12 is not 115%.
    let t = "全年计划建设高标准农田12万亩，已建成12.6万亩，占计划的115.0%。";
    fails(t, ClaimKind::Completion, "115.0%");
}

/// Class 4: a total word after an item's own name (分配入住共计650套), smaller
/// than an item before it, totals that item; the items are not its parts.
#[test]
fn a_total_word_after_an_items_name_totals_that_item() {
    for (t, figure) in [
        (
            "年内新开工保障性住房1200套，基本建成980套，分配入住共计650套。",
            "650套",
        ),
        (
            "全年完成造林6.5万亩，封山育林3.2万亩，森林抚育合计2.8万亩。",
            "2.8万亩",
        ),
        (
            "全区新建村级服务站42个，改造提升35个，星级示范站总计18个。",
            "18个",
        ),
    ] {
        no_failure(t, figure);
    }
    // A total named by nothing, or by a word that gathers the items, still sums them.
    let t = "年内新开工保障性住房1200套，基本建成980套，合计2080套。";
    fails(t, ClaimKind::Parts, "2080套");
    let t = "全年完成造林6.5万亩，封山育林3.2万亩，两项合计10.7万亩。";
    fails(t, ClaimKind::Parts, "10.7万亩");
}
