//! Stocks and flows. A stock is an amount at a moment (年末户籍人口, 期末实有
//! 市场主体); a flow is a change over a period (全年新增, 注销, 迁入, 迁出, 出生).
//! Flows are never parts of a stock: a sentence that states a stock and its
//! changes and then 其中 breaks down the stock, not the last change.

use super::binder::Binder;

/// Words that name a change over the period rather than an amount held.
const FLOW_WORDS: &[&str] = &[
    "新增",
    "新登记",
    "新设",
    "新开",
    "减少",
    "注销",
    "吊销",
    "撤销",
    "迁入",
    "迁出",
    "出生",
    "死亡",
    "净增",
    "净减",
    "流入",
    "流出",
];

/// Words that date an amount to a moment (the end of the period) or name it held.
const STOCK_WORDS: &[&str] = &[
    "年末", "期末", "月末", "季末", "截至", "截止", "实有", "现有", "共有", "存量", "总数",
];

/// Whether quantity `j`'s label names a change over the period.
pub(super) fn is_flow(b: &Binder, j: usize) -> bool {
    let label = b.qs[j].label.as_str();
    FLOW_WORDS.iter().any(|w| label.contains(w))
}

/// Whether quantity `j` is an amount held at a moment: its label or the words
/// before it in its sentence date it to the period's end, and it names no change.
pub(super) fn is_stock(b: &Binder, j: usize) -> bool {
    let before = b.sentence_before(j);
    !is_flow(b, j) && STOCK_WORDS.iter().any(|w| before.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::document::claims::{ClaimKind, Verdict};
    use crate::document::Document;

    fn parts_at(text: &str, total: &str) -> Vec<(Verdict, Vec<String>)> {
        let doc = Document::parse("t.txt", text.to_owned());
        doc.claims()
            .list
            .iter()
            .filter(|c| c.kind == ClaimKind::Parts && c.stated.written == total)
            .map(|c| {
                let labels = c
                    .readings
                    .iter()
                    .flat_map(|r| r.operands.iter().map(|o| o.label.clone()))
                    .collect();
                (c.verdict, labels)
            })
            .collect()
    }

    #[test]
    fn changes_over_the_year_are_no_parts_of_the_stock_at_its_end() {
        // 迁入/迁出 are flows; 城镇/乡村 after them are the breakdown of 120万人.
        let t = "年末全市户籍人口120万人，其中全年迁入3万人，迁出2万人，城镇人口80万人，乡村人口40万人。";
        let found = parts_at(t, "120万人");
        assert!(!found.is_empty(), "the stock is broken down");
        for (v, labels) in &found {
            assert!(matches!(v, Verdict::Holds(_)), "{v:?} {labels:?}");
            assert!(labels.iter().all(|l| !l.contains("迁")), "{labels:?}");
        }
        // 其中 after the changes still breaks down the stock stated first.
        let t = "年末实有市场主体45.6万户，全年新增3.2万户，注销1.1万户，其中企业15.2万户，个体工商户30.4万户。";
        assert!(
            parts_at(t, "1.1万户").is_empty(),
            "a change is no total of the stock's kinds"
        );
        assert!(!parts_at(t, "45.6万户").is_empty());
        // A change broken down into changes stays a breakdown.
        let t = "全年新增市场主体3.2万户，其中企业1.2万户，个体工商户2.0万户。";
        assert!(!parts_at(t, "3.2万户").is_empty());
    }
}
