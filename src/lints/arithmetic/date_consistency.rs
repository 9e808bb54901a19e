use crate::diagnostic::Finding;
use crate::document::dates::{DateMention, Part, Published, TitlePeriod};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};
use serde::Deserialize;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Compares the dates a report names with the report's own date and period:
    /// something reported as done after the publication date (发布时间, dateline),
    /// a date beyond the period of the title (a 上半年 report telling what happened
    /// in July), and a title year that differs from the year the body reviews
    /// ("2022年…回眸" over a body that says "2021年是…").
    /// Plans and deadlines (预计, 力争, 计划, 将, 7月底前) are not events and stay silent;
    /// dates in page furniture (相关链接, 关联稿件, 上一篇 … and the short lines after
    /// them) are not the report's. It also reports a period whose end is before its
    /// start (2023年3月1日至2022年3月15日) and a month's report whose body reviews
    /// another month ("2023年3月份工作总结" over a body of "4月份，…").
    ///
    /// A date after the publication date and a reversed period compare two written
    /// dates; the month of a month's report is read from its title, and the message
    /// says so.
    ///
    /// ## Why
    /// A report cannot describe what has not happened yet: such a date is a typo
    /// (7月 for 6月) or a paragraph pasted from a later version.
    ///
    /// ## Example
    /// ```bad
    /// 卫健委2021上半年工作情况
    /// 发布时间：2021-06-30 16:06
    ///
    /// 截止7月11日，累计接种832805剂次。
    /// ```
    /// ```good
    /// 卫健委2021上半年工作情况
    /// 发布时间：2021-06-30 16:06
    ///
    /// 截止6月11日，累计接种832805剂次，预计10月底能够上线。
    /// ```
    pub struct DateConsistency {}
    code = "RL209", name = "date-consistency", family = Arithmetic, severity = Warning,
    summary = "a date after the report's own date or period, or a title year the body does not review",
}

impl Configurable for DateConsistency {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(DateConsistency {})
    }
}

#[derive(Deserialize)]
struct Words {
    plan_words: Vec<String>,
    deadline_words: Vec<String>,
    review_title_words: Vec<String>,
    plan_title_words: Vec<String>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        toml::from_str(include_str!("../../../lints/dates.toml")).expect("lints/dates.toml")
    })
}

/// How far past the report's month a yearless month may lie and still be read as
/// the same year: "12月" in a June report is more likely last December.
const YEARLESS_REACH: u32 = 4;

impl Lint for DateConsistency {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let dates = &doc.dates;
        let own_paragraphs: Vec<usize> = dates
            .published
            .iter()
            .filter_map(|p| {
                dates
                    .mentions
                    .iter()
                    .find(|m| m.span == p.span)
                    .map(|m| m.paragraph)
            })
            .chain(dates.title.iter().map(|t| t.paragraph))
            .collect();
        let mut ctx = Context::new(doc);
        for (k, m) in dates.mentions.iter().enumerate() {
            if m.month.is_none() || own_paragraphs.contains(&m.paragraph) || ctx.is_plan(m) {
                continue;
            }
            let year = ctx.year_of(k, m);
            if let Some(p) = &dates.published {
                // A yearless date is read in the publication year only when the title
                // names that year: a January report on last year says "3月" of last year.
                let same_year = dates.title.as_ref().is_some_and(|t| t.year == p.year);
                if year.is_none() && !same_year {
                    continue;
                }
                if let Some(f) = after_publication(doc, m, year, p) {
                    out.push(f);
                }
                continue;
            }
            if let Some(t) = &dates.title {
                if let Some(f) = beyond_period(doc, m, year, t) {
                    out.push(f);
                }
            }
        }
        if let Some(f) = title_year(doc) {
            out.push(f);
        }
        out.extend(title_month(doc));
        for period in &dates.periods {
            if period.end < period.start {
                out.extend(reversed(doc, period));
            }
        }
    }
}

/// What every mention would otherwise search for again: the nearest earlier
/// mention naming a year, the top-level sections, and where plan words occur in
/// the current paragraph. Keeps a paragraph with thousands of dates linear.
struct Context<'a> {
    doc: &'a Document,
    /// Per mention: the nearest earlier one naming a year (or a relative year).
    last_year: Vec<Option<usize>>,
    /// Indices of top-level block markers, in document order.
    sections: Vec<usize>,
    /// For one paragraph: plan-word occurrences (start, end) sorted by start, with
    /// the smallest end from each one on.
    plan_hits: Option<(usize, Vec<usize>, Vec<usize>)>,
}

impl<'a> Context<'a> {
    fn new(doc: &'a Document) -> Self {
        let mut last = None;
        let last_year = doc
            .dates
            .mentions
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let before = last;
                if m.year.is_some() || m.relative_year.is_some() {
                    last = Some(k);
                }
                before
            })
            .collect();
        let sections = doc
            .markers
            .iter()
            .enumerate()
            .filter(|(k, mk)| mk.block && doc.outline.depth.get(*k) == Some(&0))
            .map(|(k, _)| k)
            .collect();
        Context {
            doc,
            last_year,
            sections,
            plan_hits: None,
        }
    }

    /// The year mention `k` names: its own, or one stated earlier in the same
    /// sentence. `None` when it is yearless (read as the report's year);
    /// `Some(i32::MIN)` when it is relative (去年12月) to a date the text does not
    /// give, so never compared.
    fn year_of(&self, k: usize, m: &DateMention) -> Option<i32> {
        if m.year.is_some() {
            return m.year;
        }
        if m.relative_year.is_some() {
            return Some(i32::MIN); // 去年/明年: relative to a date the text does not give
        }
        let p = self.doc.paragraphs.get(m.paragraph)?;
        let sentence = sentence_of(p, m.local.start)?;
        // Mentions are in document order: the nearest one with a year counts if it
        // lies in the same sentence (then so do all mentions between).
        let b = self
            .doc
            .dates
            .mentions
            .get(self.last_year.get(k).copied()??)?;
        (b.paragraph == m.paragraph && b.local.start >= sentence.start)
            .then(|| b.year.or(b.relative_year.map(|_| i32::MIN)))
            .flatten()
    }

    /// Whether the date is a plan or a deadline: a plan word earlier in its sentence
    /// (up to the end of its clause), a deadline word right after it, or a plan section.
    fn is_plan(&mut self, m: &DateMention) -> bool {
        let doc = self.doc;
        let Some(p) = doc.paragraphs.get(m.paragraph) else {
            return true;
        };
        let w = words();
        let after = p.text.get(m.local.end..).unwrap_or("");
        if w.deadline_words
            .iter()
            .any(|d| after.starts_with(d.as_str()))
        {
            return true;
        }
        let sentence_start = sentence_of(p, m.local.start).map_or(0, |s| s.start);
        let clause_end = after
            .find(['，', ',', '；', ';', '。', '：', ':'])
            .map_or(p.text.len(), |i| m.local.end + i);
        if self.plan_word_within(m.paragraph, sentence_start, clause_end) {
            return true;
        }
        // Inside a top-level section about plans (下一步工作打算, 2023年工作计划).
        let n = self
            .sections
            .partition_point(|&k| doc.markers[k].paragraph <= m.paragraph);
        let section = n
            .checked_sub(1)
            .and_then(|i| doc.markers.get(self.sections[i]));
        section.is_some_and(|mk| {
            ["计划", "打算", "下一步", "思路", "安排", "举措"]
                .iter()
                .any(|w| mk.title.contains(w))
        })
    }

    /// Whether a plan word lies wholly inside `[from, to)` of paragraph `pi`.
    fn plan_word_within(&mut self, pi: usize, from: usize, to: usize) -> bool {
        let plan_words = &words().plan_words;
        if plan_words.iter().any(String::is_empty) {
            return true;
        }
        let text = self.doc.paragraphs[pi].text.as_str();
        if self.plan_hits.as_ref().is_none_or(|(at, ..)| *at != pi) {
            // Every occurrence, overlapping ones too, of every plan word.
            let mut hits: Vec<(usize, usize)> = Vec::new();
            for w in plan_words {
                let step = w.chars().next().map_or(1, char::len_utf8);
                let mut at = 0;
                while let Some(i) = text.get(at..).and_then(|r| r.find(w.as_str())) {
                    hits.push((at + i, at + i + w.len()));
                    at += i + step;
                }
            }
            hits.sort_unstable();
            let starts: Vec<usize> = hits.iter().map(|h| h.0).collect();
            let mut min_end: Vec<usize> = hits.iter().map(|h| h.1).collect();
            for k in (0..min_end.len().saturating_sub(1)).rev() {
                min_end[k] = min_end[k].min(min_end[k + 1]);
            }
            self.plan_hits = Some((pi, starts, min_end));
        }
        let Some((_, starts, min_end)) = &self.plan_hits else {
            return false;
        };
        // The occurrence starting at or after `from` that ends first.
        let k = starts.partition_point(|&s| s < from);
        min_end.get(k).is_some_and(|&end| end <= to)
    }
}

/// The sentence of `p` holding offset `at` (sentences are in order, back to back).
fn sentence_of(p: &crate::document::Paragraph, at: usize) -> Option<crate::span::Span> {
    let i = p.sentences.partition_point(|s| s.end <= at);
    p.sentences.get(i).copied().filter(|s| s.start <= at)
}

fn show(y: i32, m: u32, d: u32) -> String {
    format!("{y}年{m}月{d}日")
}

fn after_publication(
    doc: &Document,
    m: &DateMention,
    year: Option<i32>,
    p: &Published,
) -> Option<Finding> {
    let first = m.first_day();
    let month = m.month?;
    let later = match year {
        Some(y) if y == i32::MIN => return None,
        Some(y) => y > p.year || y == p.year && first > (p.month, p.day),
        // A yearless date is read in the report's year, if it is close enough.
        None => month >= p.month && month - p.month <= YEARLESS_REACH && first > (p.month, p.day),
    };
    if !later {
        return None;
    }
    let text = doc.slice(m.span);
    let y = year.unwrap_or(p.year);
    Some(
        Finding::new(&META, m.span, format!("「{text}」晚于本报告的发布日期 {}，却写作已发生的事", show(p.year, p.month, p.day)))
            .primary(format!("最早为 {}", show(y, first.0, first.1)))
            .label(p.span, "本报告的发布日期")
            .help(format!(
                "{} > {}：报告不能记述发布之后的事。核对日期（是否应为更早的月份），若是计划请写明“预计”“计划”等",
                show(y, first.0, first.1),
                show(p.year, p.month, p.day)
            )),
    )
}

fn beyond_period(
    doc: &Document,
    m: &DateMention,
    year: Option<i32>,
    t: &TitlePeriod,
) -> Option<Finding> {
    if t.months.1 >= 12 || t.months.0 == t.months.1 {
        // A whole-year report may be written in the next January, a month's
        // report in the next month.
        return None;
    }
    let month = m.month?;
    let first = m.first_day();
    let beyond = match year {
        Some(y) => y == t.year && first.0 > t.months.1,
        None => month > t.months.1 && month - t.months.1 <= YEARLESS_REACH,
    };
    if !beyond {
        return None;
    }
    let period = doc.slice(t.span);
    let text = doc.slice(m.span);
    Some(
        Finding::new(
            &META,
            m.span,
            format!("「{text}」超出本报告标题所述期间「{period}」"),
        )
        .primary(format!("{}月", first.0))
        .label(
            t.span,
            format!("标题期间：{}年{}月—{}月", t.year, t.months.0, t.months.1),
        )
        .help(format!(
            "{}月 > {}月：标题只涵盖{}年{}月至{}月，核对日期，或若是计划请写明“预计”“计划”等",
            first.0, t.months.1, t.year, t.months.0, t.months.1
        )),
    )
}

/// A reviewing title ("2022年…回眸") over a body that reviews another year.
fn title_year(doc: &Document) -> Option<Finding> {
    let t = doc.dates.title.as_ref()?;
    let w = words();
    let title = doc.slice(t.title);
    let reviews = w
        .review_title_words
        .iter()
        .any(|x| title.contains(x.as_str()));
    let plans = w
        .plan_title_words
        .iter()
        .any(|x| title.contains(x.as_str()));
    if !reviews || plans || t.years_named != 1 || t.months != (1, 12) {
        return None;
    }
    let body: Vec<&DateMention> = doc
        .dates
        .mentions
        .iter()
        .filter(|m| m.paragraph != t.paragraph)
        .collect();
    if body.iter().any(|m| {
        m.year == Some(t.year) || m.year_from.is_some_and(|f| f <= t.year) && m.year >= Some(t.year)
    }) {
        return None;
    }
    // The year the body reviews: the latest whole-year mention, stated as the subject
    // of a sentence at least once ("2021年是…", "2021年，…").
    let years: Vec<&DateMention> = body
        .iter()
        .copied()
        .filter(|m| m.part == Part::Year && m.year_from.is_none() && m.month.is_none())
        .collect();
    let reviewed = years.iter().filter_map(|m| m.year).max()?;
    let uses: Vec<&&DateMention> = years.iter().filter(|m| m.year == Some(reviewed)).collect();
    let stated = uses.iter().find(|m| is_subject(doc, m))?;
    if uses.len() < 2 {
        return None;
    }
    let mut f = Finding::new(
        &META,
        t.span,
        format!(
            "标题写「{}」，正文回顾的却是{reviewed}年",
            doc.slice(t.span)
        ),
    )
    .primary("标题年份")
    .label(stated.span, format!("正文以{reviewed}年为所述年份"));
    for m in uses.iter().filter(|m| m.span != stated.span) {
        f = f.label(m.span, format!("正文年份 {reviewed}"));
    }
    Some(f.help(format!(
        "正文没有一处写{}年，却{}处写{reviewed}年：若本文总结的是{reviewed}年的工作，标题应写「{reviewed}年」",
        t.year,
        uses.len()
    )))
}

/// A period whose end comes before its start: 2023年3月1日至2022年3月15日.
fn reversed(doc: &Document, p: &crate::document::dates::Period) -> Option<Finding> {
    let (a, b) = (
        doc.dates.mentions.get(p.from)?,
        doc.dates.mentions.get(p.to)?,
    );
    let (from, to) = (doc.slice(a.span), doc.slice(b.span));
    Some(
        Finding::new(
            &META,
            b.span,
            format!("期间「{from}至{to}」的结束日期早于开始日期"),
        )
        .primary("结束")
        .label(a.span, "开始")
        .help(format!(
            "{} < {}：核对年份或月份（期间的结束不能早于开始）",
            show(p.end.0, p.end.1, p.end.2),
            show(p.start.0, p.start.1, p.start.2)
        )),
    )
}

/// A month's report ("2023年3月份工作总结") whose body reviews another month: it
/// never names the title's month, and names another one as what a sentence is
/// about at least twice ("4月份，…").
fn title_month(doc: &Document) -> Option<Finding> {
    let t = doc.dates.title.as_ref()?;
    if t.months.0 != t.months.1 {
        return None;
    }
    let month = t.months.0;
    let body: Vec<&DateMention> = doc
        .dates
        .mentions
        .iter()
        .filter(|m| m.paragraph != t.paragraph && m.year.is_none_or(|y| y == t.year))
        .collect();
    if body.iter().any(|m| {
        m.month == Some(month) || m.month_from.is_some_and(|f| f <= month) && m.month >= Some(month)
    }) {
        return None;
    }
    let subjects: Vec<&&DateMention> = body
        .iter()
        .filter(|m| m.part == Part::Month && m.month_from.is_none() && is_subject(doc, m))
        .collect();
    let other = subjects.first()?.month?;
    let uses: Vec<&&&DateMention> = subjects.iter().filter(|m| m.month == Some(other)).collect();
    if uses.len() < 2 || subjects.iter().any(|m| m.month != Some(other)) {
        return None;
    }
    let mut f = Finding::new(
        &META,
        t.span,
        format!("标题写「{}」，正文所述的却是{other}月", doc.slice(t.span)),
    )
    .primary("标题月份");
    for m in &uses {
        f = f.label(m.span, format!("正文以{other}月为所述月份"));
    }
    Some(f.help(format!(
        "正文没有一处写{month}月，却{}处以{other}月为所述月份：核对标题的月份",
        uses.len()
    )))
}

/// "2021年是…", "2021年，…", "2021年以来": the year is what the sentence is about.
fn is_subject(doc: &Document, m: &DateMention) -> bool {
    let Some(p) = doc.paragraphs.get(m.paragraph) else {
        return false;
    };
    let after = p.text.get(m.local.end..).unwrap_or("");
    ["是", "，", ",", "全年", "以来", "里", "中"]
        .iter()
        .any(|w| after.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    const HEAD: &str = "卫健委2021上半年工作情况\n来源: 海安市卫健委 发布时间:2021-06-30 16:06\n\n";

    #[test]
    fn cases() {
        let lint = DateConsistency {};
        let with_head = |body: &str| format!("{HEAD}{body}\n");
        let pass: Vec<String> = [
            "截止6月11日，累计接种832805剂次。",
            "目前已经完成基础资料数据准备工作，预计10月底能够上线试运行。",
            "我们将进一步加大组织力度，力争7月底前完成接种。",
            "去年12月完成了验收。",
            "2020年9月25日发现1例关联病例。",
            "市政府计划于8月召开推进会。",
        ]
        .iter()
        .map(|b| with_head(b))
        .chain([
            "2022年工作总结\n\n2022年，全市卫生健康工作取得新进展。\n".to_owned(),
            "2023年工作计划\n\n2022年是不平凡的一年。2022年，完成了任务。\n".to_owned(),
            "2013政府工作报告\n\n2012年是本届政府任期的最后一年。2012年，经济平稳增长。\n"
                .to_owned(),
            "2021上半年工作情况\n\n6月底前完成改造。7月将召开会议。\n".to_owned(),
            "2022年工作总结\n发布时间：2023-01-10\n\n3月，完成了验收。\n".to_owned(),
            format!("{HEAD}截止6月11日，累计接种832805剂次。\n\n相关链接\n\n全市召开推进会 2021-07-15\n\n下半年工作部署 2021-08-02\n"),
            "2023年3月份工作总结\n\n3月份，全市完成接种。3月底前完成验收。\n".to_owned(),
            "2023年工作总结\n\n检查期间为2023年3月1日至2023年3月15日。\n".to_owned(),
        ])
        .collect();
        let fail: Vec<String> = [
            "截止7月11日，累计接种832805剂次。",
            "7月初与苏州大学医学院6名教授签订深化科研合作协议。",
            "2021年8月3日召开了全市推进会。",
        ]
        .iter()
        .map(|b| with_head(b))
        .chain([
            "2022年全市卫生健康系统亮点工作回眸\n\n2021年是具有里程碑意义的一年。\n\n市卫健委荣获2021年度考核先进单位。\n".to_owned(),
            "2021上半年工作情况\n\n7月11日完成验收。\n".to_owned(),
            "2023年工作总结\n\n检查期间为2023年3月1日至2022年3月15日。\n".to_owned(),
            "2023年3月份工作总结\n\n4月份，全市完成接种。4月份，召开推进会。\n".to_owned(),
        ])
        .collect();
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        pass_fail(&lint, &pass, &fail);
    }

    #[test]
    fn after_publication_is_found_with_the_dates() {
        let found = run(
            &DateConsistency {},
            &format!("{HEAD}截止7月11日，累计接种832805剂次。\n"),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("2021年7月11日 > 2021年6月30日"));
    }
}
