use super::table_math::show;
use crate::diagnostic::{Finding, Severity};
use crate::document::paragraphs::is_blank;
use crate::document::quantities::{Kind, Quantity};
use crate::document::tables::{ColumnKind, RowRole, Table};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};
use regex::Regex;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Compares a number in the prose with the table the sentence points to
    /// ("全市共完成产前筛查3092人（详见附表1）"). The table is the one the sentence
    /// names (附表1, 表2) or, for 见下表 / 如下表, the next table. The number's label
    /// must name a column ("产前筛查" for "产前筛查（人）"), and the row must be clear:
    /// a row the clause names (城关区), or the total row when the clause speaks of a
    /// total (共, 合计, 全市, 累计 …). Amounts are compared in one unit (万元 in the
    /// table, 元 or 亿元 in the prose), each at the precision it is printed with.
    ///
    /// ## Why
    /// The summary sentence is often written before the table's last correction,
    /// and then the two disagree.
    ///
    /// ## Example
    /// ```bad
    /// 全年共完成产前筛查3092人（详见附表1）。
    ///
    /// 附表1　产前筛查完成情况
    ///
    /// | 地区 | 产前筛查（人） |
    /// |---|---|
    /// | 城关区 | 1401 |
    /// | 东山县 | 1681 |
    /// | 合计 | 3082 |
    /// ```
    /// ```good
    /// 全年共完成产前筛查3082人（详见附表1）。
    ///
    /// 附表1　产前筛查完成情况
    ///
    /// | 地区 | 产前筛查（人） |
    /// |---|---|
    /// | 城关区 | 1401 |
    /// | 东山县 | 1681 |
    /// | 合计 | 3082 |
    /// ```
    pub struct TableProseMismatch {}
    code = "RL214", name = "table-prose-mismatch", family = Tables, severity = Warning,
    summary = "a number in the text disagrees with the table cell it quotes",
}

impl Configurable for TableProseMismatch {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(TableProseMismatch {})
    }
}

/// 附表1, 表2, 见下表.
fn reference() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:附表|表)\s*([0-9０-９]+|[一二三四五六七八九十]+)|下表").expect("regex")
    })
}

/// Words by which a clause speaks of the whole table rather than one row.
const TOTAL_WORDS: &[&str] = &[
    "共", "合计", "总计", "全市", "全县", "全区", "全省", "全州", "全年", "累计", "总",
];

impl Lint for TableProseMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        if doc.tables.is_empty() {
            return;
        }
        let numbers: Vec<Option<String>> =
            doc.tables.iter().map(|t| table_number(doc, t)).collect();
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            if doc.in_table(p.span.start) {
                continue;
            }
            // The tables the paragraph names, each once however often it is named.
            let mut targets: Vec<usize> = reference()
                .captures_iter(&p.text)
                .filter_map(|m| {
                    let whole = m.get(0)?;
                    if !is_reference(&p.text, whole.start(), whole.end()) {
                        return None; // 代表3人, 表彰: a word that holds 表
                    }
                    match m.get(1) {
                        Some(n) => numbers
                            .iter()
                            .position(|k| k.as_deref() == Some(n.as_str())),
                        None => doc.tables.iter().position(|t| t.span.start > p.span.end),
                    }
                })
                .collect();
            targets.sort_unstable();
            targets.dedup();
            for t in targets.iter().map(|&k| &doc.tables[k]) {
                for q in doc.quantities_in_paragraphs(pi..pi + 1) {
                    if let Some(f) = compare(doc, q, t) {
                        out.push(f);
                    }
                }
            }
        }
    }
}

/// Whether a match of [`reference`] points at a table: 附表 anywhere, 表N or 下表
/// after 见/如/详/参/附 or a bracket, and 下表 not opening a word (下表彰).
fn is_reference(text: &str, start: usize, end: usize) -> bool {
    let m = &text[start..end];
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if m.starts_with("附表") {
        return true;
    }
    let led = before.is_none_or(|c| {
        matches!(
            c,
            '见' | '如' | '详' | '参' | '附' | '和' | '及' | '与' | '、' | '（' | '(' | '，' | ' '
        )
    });
    let word_goes_on = m == "下表"
        && after
            .is_some_and(|c| matches!(c, '彰' | '示' | '达' | '明' | '态' | '率' | '现' | '决'));
    led && !word_goes_on
}

/// The number a table's title gives it: "附表1　…" → "1".
fn table_number(doc: &Document, t: &Table) -> Option<String> {
    let first = t.rows.first()?.line;
    (first.saturating_sub(3)..first).rev().find_map(|line| {
        let range = doc.lines.line_range(&doc.text, line);
        let l = doc.text.get(range)?.trim_matches(is_blank);
        let m = reference().captures(l)?;
        (m.get(0)?.start() == 0).then(|| m.get(1).map(|n| n.as_str().to_owned()))?
    })
}

/// The column a prose label names: its header without the bracketed unit is in
/// the label, or the label in it, two characters at least.
fn column_for(t: &Table, q: &Quantity) -> Option<usize> {
    let label: String = q.label.chars().filter(|c| !is_blank(*c)).collect();
    let wanted_rate = matches!(q.kind, Kind::Percent);
    let found: Vec<usize> = (0..t.columns.len())
        .filter(|&c| {
            let col = &t.columns[c];
            let fits_kind = match col.kind {
                ColumnKind::Rate { .. } => wanted_rate,
                ColumnKind::Additive => matches!(q.kind, Kind::Count | Kind::Money),
                _ => false,
            };
            let core = col.header.split(['（', '(']).next().unwrap_or("");
            let short = label.chars().count().min(core.chars().count());
            fits_kind && short >= 2 && (label.contains(core) || core.contains(label.as_str()))
        })
        .collect();
    match found[..] {
        [c] => Some(c),
        _ => None,
    }
}

/// The row a number speaks of: the row named nearest before it in its sentence,
/// or the total row when a word of totals (共, 全市) is nearer.
fn row_for(doc: &Document, q: &Quantity, t: &Table) -> Option<usize> {
    let p = doc.paragraphs.get(q.paragraph)?;
    let sentence = p.doc_span(*p.sentences.get(q.sentence)?);
    let before = doc.text.get(sentence.start..q.span.start)?;
    let mut best: Option<(usize, Option<usize>)> = None; // (position, row or total)
    let mut consider = |at: Option<usize>, what: Option<usize>| {
        if let Some(at) = at {
            if best.is_none_or(|(b, _)| at > b) {
                best = Some((at, what));
            }
        }
    };
    for r in t.body() {
        let l = &t.rows[r].label;
        if l.chars().count() >= 2 && t.rows[r].role == RowRole::Item {
            consider(before.rfind(l.as_str()), Some(r));
        }
    }
    for w in TOTAL_WORDS {
        consider(before.rfind(w), None);
    }
    best?.1.or_else(|| t.grand_total())
}

fn compare(doc: &Document, q: &Quantity, t: &Table) -> Option<Finding> {
    let c = column_for(t, q)?;
    let row = row_for(doc, q, t)?;
    let cell = t.number(row, c).filter(|n| !n.approx)?;
    let scale = if matches!(t.columns[c].kind, ColumnKind::Rate { .. }) {
        1.0
    } else {
        t.columns[c].multiplier
    };
    let value = cell.value * scale;
    let step = cell.step * scale;
    // Either side may be the rounded one: 3.78亿元 quotes 37812万元.
    let eps = 1e-9 * value.abs().max(1.0);
    if q.admits(value) || (q.value - value).abs() <= step / 2.0 + eps {
        return None;
    }
    // The same number elsewhere in the column: the sentence may mean that row.
    let elsewhere = t.body().any(|r| {
        t.number(r, c)
            .is_some_and(|n| q.admits(n.value * scale) || (n.value * scale - q.value).abs() <= eps)
    });
    if elsewhere {
        return None;
    }
    let span = t.cell_span(row, c)?;
    let shown = doc.slice(span);
    Some(
        Finding::new(
            &META,
            q.span,
            format!(
                "「{}」与表格不符：表中「{}」行的「{}」为 {}",
                doc.slice(q.label_span.cover(q.span)),
                t.row_name(row),
                t.column_name(c),
                shown
            ),
        )
        .severity(Severity::Warning)
        .primary("正文所写")
        .label(span, format!("表中为 {}", show(cell.value, cell.decimals)))
        .help(format!(
            "正文写 {}，表格写 {}{}；核对是哪一处先改了，使两处一致",
            q.written,
            shown,
            if scale != 1.0 {
                format!("（按{}计）", unit_name(scale))
            } else {
                String::new()
            }
        )),
    )
}

fn unit_name(scale: f64) -> &'static str {
    if scale >= 1e8 {
        "亿"
    } else if scale >= 1e4 {
        "万"
    } else {
        "千"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::pass_fail;

    const TABLE: &str = "附表1　资金到位情况（单位：万元）\n\n| 地区 | 到位资金 | 到位率（%） |\n|---|---|---|\n| 城关区 | 1200.5 | 96.0 |\n| 东山县 | 800 | 80.0 |\n| 合计 | 2000.5 | 88.9 |\n";

    #[test]
    fn cases() {
        pass_fail(
            &TableProseMismatch {},
            &[
                &format!("全市共到位资金2000.5万元（见附表1）。\n\n{TABLE}"),
                &format!("全市共到位资金约2000万元，详见附表1。\n\n{TABLE}"),
                &format!("全市共到位资金0.2亿元，详见附表1。\n\n{TABLE}"),
                &format!("城关区到位资金1200.5万元，到位率96%，见附表1。\n\n{TABLE}"),
                &format!("城关区到位资金1200.5万元，全市到位率88.9%，见附表1。\n\n{TABLE}"),
                // No reference: the prose may speak of something else.
                &format!("全市共到位资金2100万元。\n\n{TABLE}"),
                // A number in another row of the column.
                &format!("其中到位资金800万元，见附表1。\n\n{TABLE}"),
                // 代表1 is not a reference to 表1.
                &format!("全市共到位资金2100万元，人大代表1名视察。\n\n{TABLE}"),
            ],
            &[
                &format!("全市共到位资金2100万元（见附表1）。\n\n{TABLE}"),
                &format!("全市合计到位资金2000.5万元，到位率89.9%，详见附表1。\n\n{TABLE}"),
                &format!("城关区到位资金1210.5万元，详见下表。\n\n{TABLE}"),
                &format!("城关区到位资金1200.5万元，到位率94%，详见下表。\n\n{TABLE}"),
            ],
        );
    }
}
