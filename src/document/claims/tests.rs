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
    fails(
        "全市适龄儿童免疫规划疫苗接种率达到109%。",
        ClaimKind::Bounded,
        "109%",
    );
    holds("医疗服务覆盖率达100%。", ClaimKind::Bounded, "100%");
}
