//! Dates named in a report: full dates (2021-06-30, 2021年6月30日), month-days
//! (7月11日, 7月初, 6月份), years and periods (2022年度, 2021上半年, 第一季度), and
//! the report's own date: its publication line or dateline, and its title's period.

use super::cn_numeral;
use super::paragraphs::{is_sentence_end, Paragraph};
use crate::span::Span;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Which part of a month or year a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A day of the month.
    Day(u32),
    /// The whole month (6月, 6月份).
    Month,
    /// 月初 / 上旬.
    Early,
    /// 中旬.
    Mid,
    /// 月底 / 月末 / 下旬.
    Late,
    /// The whole year (2022年, 2022年度).
    Year,
    FirstHalf,
    SecondHalf,
    Quarter(u32),
    /// 年初.
    YearStart,
    /// 年底 / 年末.
    YearEnd,
}

/// One date or period named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Document span.
    pub span: Span,
    pub paragraph: usize,
    /// Span relative to the paragraph's joined text.
    pub local: Span,
    pub year: Option<i32>,
    /// First year of a range such as 2018—2020年度.
    pub year_from: Option<i32>,
    /// 去年 = -1, 今年 = 0, 明年 = 1.
    pub relative_year: Option<i32>,
    pub month: Option<u32>,
    /// First month of a range such as 4-6月份.
    pub month_from: Option<u32>,
    pub part: Part,
}

impl DateMention {
    /// The earliest (month, day) the mention can denote inside its year.
    pub fn first_day(&self) -> (u32, u32) {
        let month = self.month_from.or(self.month);
        match (month, self.part) {
            (Some(m), Part::Day(d)) if self.month_from.is_none() => (m, d),
            (Some(m), Part::Mid) if self.month_from.is_none() => (m, 11),
            (Some(m), Part::Late) if self.month_from.is_none() => (m, 21),
            (Some(m), _) => (m, 1),
            (None, Part::SecondHalf) => (7, 1),
            (None, Part::Quarter(q)) => (q * 3 - 2, 1),
            (None, Part::YearEnd) => (11, 1),
            (None, _) => (1, 1),
        }
    }

    /// The last (month, day) the mention can denote inside its year.
    pub fn last_day(&self) -> (u32, u32) {
        match (self.month, self.part) {
            (Some(m), Part::Day(d)) => (m, d),
            (Some(m), Part::Early) => (m, 10),
            (Some(m), Part::Mid) => (m, 20),
            (Some(m), _) => (m, 31),
            (None, Part::FirstHalf) => (6, 30),
            (None, Part::Quarter(q)) => (q * 3, 31),
            (None, Part::YearStart) => (2, 28),
            (None, _) => (12, 31),
        }
    }

    /// Whether only a year (or a part of one) is named, no month.
    pub fn is_year_only(&self) -> bool {
        self.month.is_none()
    }
}

/// The report's publication date, from a "发布时间：" line or a dateline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// The date itself.
    pub span: Span,
}

/// The period the title names: 2021上半年, 2022年度, 2022年.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitlePeriod {
    pub year: i32,
    /// Months covered, inclusive.
    pub months: (u32, u32),
    /// The period in the title.
    pub span: Span,
    pub paragraph: usize,
    /// The whole title.
    pub title: Span,
    /// How many distinct years the title names (2022年总结与2023年计划 names two).
    pub years_named: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Dates {
    pub mentions: Vec<DateMention>,
    pub published: Option<Published>,
    pub title: Option<TitlePeriod>,
    /// Periods written from one date to another (2023年3月1日至2023年3月15日).
    pub periods: Vec<Period>,
}

/// A period: two mentions joined by 至, 到, — or ～; `end_year` is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Indices into `mentions`.
    pub from: usize,
    pub to: usize,
    /// The first day of the start and the last day of the end, as (year, month, day).
    pub start: (i32, u32, u32),
    pub end: (i32, u32, u32),
}

/// Headings of page furniture after a saved web page's text (links to other
/// pages with their own dates): what follows them is not the report.
const FURNITURE: &[&str] = &[
    "相关链接",
    "关联稿件",
    "相关阅读",
    "相关新闻",
    "延伸阅读",
    "推荐阅读",
    "相关文章",
    "相关文件",
    "热点推荐",
    "上一篇",
    "下一篇",
    "扫一扫在手机",
];

/// Whether paragraph `p` opens (or holds) a block of page furniture: the
/// offset from which its words are furniture.
fn furniture_at(text: &str) -> Option<usize> {
    // One pass over the paragraph for all the headings (a flattened web page
    // is one huge paragraph).
    static AC: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
    let ac = AC.get_or_init(|| aho_corasick::AhoCorasick::new(FURNITURE).ok());
    ac.as_ref()?.find(text).map(|m| m.start())
}

const YEAR: &str = r"(\d{4}|[〇零一二三四五六七八九]{4})";
const SMALL: &str = r"(\d{1,2}|[一二三四五六七八九十]{1,3})";

fn month_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"(?:(?P<rel>去年|上年|前年|今年|当年|本年|明年|次年)|(?P<y>{YEAR})\s*年)?\s*(?:(?P<m0>{SMALL})\s*[-—–~至到]\s*)?(?P<m>{SMALL})\s*月(?P<fen>份)?(?:(?P<d>{SMALL})\s*[日号]|(?P<part>初|上旬|中旬|下旬|底|末))?"
        )
        .replace("(\\d{4}|", "(?:\\d{4}|")
        .replace("(\\d{1,2}|", "(?:\\d{1,2}|");
        Regex::new(&pattern).expect("month pattern")
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let y = YEAR.replace("(\\d{4}|", "(?:\\d{4}|");
        let pattern = format!(
            r"(?:(?P<y0>{y})\s*[-—–~至到]\s*)?(?P<y>{y})\s*(?P<per>年?上半年|年?下半年|年?第?[一二三四1-4]季度|年度|年底|年末|年初|年)"
        );
        Regex::new(&pattern).expect("year pattern")
    })
}

fn iso_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})").expect("iso pattern"))
}

fn number(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    u32::try_from(cn_numeral::parse(s)?).ok()
}

fn year_number(s: &str) -> Option<i32> {
    let y = if s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()?
    } else {
        // 二〇二一 reads digit by digit.
        s.chars()
            .try_fold(0i32, |acc, c| Some(acc * 10 + cn_numeral::digit(c)? as i32))?
    };
    (1900..=2100).contains(&y).then_some(y)
}

fn quarter(s: &str) -> Option<u32> {
    ["一", "二", "三", "四"]
        .iter()
        .position(|q| s.contains(q))
        .map(|i| i as u32 + 1)
        .or_else(|| {
            s.chars()
                .find(|c| c.is_ascii_digit())
                .and_then(|c| c.to_digit(10))
        })
}

/// Characters that glue onto a number so that it is not a date boundary.
fn glues(c: char) -> bool {
    c.is_ascii_digit()
        || c == '.'
        || cn_numeral::is_numeral_char(c)
        || c == '第'
        || c == '个'
        || c == '每'
        || c == '闰'
}

/// All date mentions of one paragraph, paragraph-local, in order.
fn mentions_in(text: &str) -> Vec<(Span, DateMention)> {
    let mut out: Vec<(Span, DateMention)> = Vec::new();
    let blank = |local: Span| DateMention {
        span: local,
        paragraph: 0,
        local,
        year: None,
        year_from: None,
        relative_year: None,
        month: None,
        month_from: None,
        part: Part::Month,
    };
    let before_ok = |start: usize| !text[..start].chars().next_back().is_some_and(glues);
    let after_ok = |end: usize| {
        !text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    };
    // Every match of each pattern holds a literal that memchr finds fast: a
    // paragraph without it skips the regex scan (most paragraphs name no month).
    // Every match of each pattern holds a literal found fast by memchr: a
    // paragraph without it skips that regex scan (most paragraphs name no month).
    let ascii_digit = text.bytes().any(|b| b.is_ascii_digit());
    let isos = ascii_digit.then(|| iso_re().captures_iter(text));
    let months = text.contains('月').then(|| month_re().captures_iter(text));
    // A year that reads (1900..=2100) is Arabic or holds 〇, 零 or 一九.
    let year_like = ascii_digit || text.contains(['〇', '零']) || text.contains("一九");
    let years = (year_like && (text.contains('年') || text.contains("季度")))
        .then(|| year_re().captures_iter(text));
    // Spans taken so far (disjoint), by start: a later pattern skips overlaps.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let overlaps = |taken: &BTreeMap<usize, usize>, s: Span| {
        taken
            .range(..s.end)
            .next_back()
            .is_some_and(|(_, &end)| end > s.start)
    };
    for c in isos.into_iter().flatten() {
        let Some(all) = c.get(0) else { continue };
        if !before_ok(all.start()) || !after_ok(all.end()) {
            continue;
        }
        let (Some(y), Some(m), Some(d)) = (
            c.get(1).and_then(|g| year_number(g.as_str())),
            c.get(2).and_then(|g| number(g.as_str())),
            c.get(3).and_then(|g| number(g.as_str())),
        ) else {
            continue;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            continue;
        }
        let local = Span::new(all.start(), all.end());
        let mut dm = blank(local);
        dm.year = Some(y);
        dm.month = Some(m);
        dm.part = Part::Day(d);
        taken.insert(local.start, local.end);
        out.push((local, dm));
    }
    for c in months.into_iter().flatten() {
        let (Some(all), Some(m)) = (c.get(0), c.name("m")) else {
            continue;
        };
        let start = c
            .name("rel")
            .or(c.name("y"))
            .or(c.name("m0"))
            .map_or(m.start(), |g| g.start());
        let local = Span::new(start, all.end());
        if !before_ok(start) || overlaps(&taken, local) {
            continue;
        }
        let Some(month) = number(m.as_str()).filter(|m| (1..=12).contains(m)) else {
            continue;
        };
        let chinese = !m.as_str().starts_with(|c: char| c.is_ascii_digit());
        // A Chinese month needs something that makes it a date: 六月底, 二〇二一年三月.
        if chinese
            && c.name("y").is_none()
            && c.name("d").is_none()
            && c.name("part").is_none()
            && c.name("fen").is_none()
        {
            continue;
        }
        let mut dm = blank(local);
        dm.year = c.name("y").and_then(|g| year_number(g.as_str()));
        if c.name("y").is_some() && dm.year.is_none() {
            continue;
        }
        dm.relative_year = c.name("rel").map(|g| match g.as_str() {
            "去年" | "上年" => -1,
            "前年" => -2,
            "明年" | "次年" => 1,
            _ => 0,
        });
        dm.month = Some(month);
        dm.month_from = c
            .name("m0")
            .and_then(|g| number(g.as_str()))
            .filter(|&f| (1..month).contains(&f));
        dm.part = match (c.name("d"), c.name("part").map(|g| g.as_str())) {
            (Some(d), _) => match number(d.as_str()).filter(|d| (1..=31).contains(d)) {
                Some(d) => Part::Day(d),
                None => continue,
            },
            (None, Some("初" | "上旬")) => Part::Early,
            (None, Some("中旬")) => Part::Mid,
            (None, Some(_)) => Part::Late,
            (None, None) => Part::Month,
        };
        taken.insert(local.start, local.end);
        out.push((local, dm));
    }
    for c in years.into_iter().flatten() {
        let (Some(all), Some(y), Some(per)) = (c.get(0), c.name("y"), c.name("per")) else {
            continue;
        };
        let local = Span::new(all.start(), all.end());
        if !before_ok(local.start) || overlaps(&taken, local) {
            continue;
        }
        let Some(year) = year_number(y.as_str()) else {
            continue;
        };
        let mut dm = blank(local);
        dm.year = Some(year);
        dm.year_from = c
            .name("y0")
            .and_then(|g| year_number(g.as_str()))
            .filter(|&f| f < year);
        if c.name("y0").is_some() && dm.year_from.is_none() {
            continue;
        }
        let per = per.as_str();
        dm.part = if per.contains("上半年") {
            Part::FirstHalf
        } else if per.contains("下半年") {
            Part::SecondHalf
        } else if per.contains("季度") {
            match quarter(per) {
                Some(q) if (1..=4).contains(&q) => Part::Quarter(q),
                _ => continue,
            }
        } else if per == "年初" {
            Part::YearStart
        } else if per == "年底" || per == "年末" {
            Part::YearEnd
        } else {
            Part::Year
        };
        taken.insert(local.start, local.end);
        out.push((local, dm));
    }
    out.sort_by_key(|(s, _)| s.start);
    out
}

/// Labels a line as the report's publication: 发布时间：2021-06-30 16:06.
fn publication_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:发布|发表|发文|成文|印发)(?:时间|日期)\s*[:：]\s*$").expect("label pattern")
    })
}

/// A paragraph that is only a date: a dateline such as 2020年5月27日 星期三.
fn is_dateline(p: &Paragraph, m: &DateMention) -> bool {
    let outer = |c: char| super::paragraphs::is_blank(c) || matches!(c, '（' | '）' | '(' | ')');
    let (Some(before), Some(after)) = (p.text.get(..m.local.start), p.text.get(m.local.end..))
    else {
        return false;
    };
    // The text around the date, trimmed at both outer ends, without copying a long
    // paragraph for each of its dates: only a short rest can qualify.
    let (b, a) = (
        before.trim_start_matches(outer),
        after.trim_end_matches(outer),
    );
    let joined;
    let rest = if b.is_empty() {
        a.trim_start_matches(outer)
    } else if a.is_empty() {
        b.trim_end_matches(outer)
    } else if b.len() + a.len() <= 64 {
        joined = format!("{b}{a}");
        joined.as_str()
    } else {
        return false;
    };
    rest.is_empty()
        || rest.starts_with("星期") && rest.chars().count() <= 3
        || rest.starts_with("周") && rest.chars().count() <= 2
}

/// Compute every date of the document once.
pub fn extract(paragraphs: &[Paragraph]) -> Dates {
    let mut dates = Dates::default();
    // Inside a block of page furniture: short lines after its heading.
    let mut in_furniture = false;
    for (pi, p) in paragraphs.iter().enumerate() {
        let from = furniture_at(&p.text);
        if in_furniture && p.text.chars().count() > 80 && from.is_none() {
            in_furniture = false; // the report goes on
        }
        let cut = if in_furniture { Some(0) } else { from };
        for (local, mut m) in mentions_in(&p.text) {
            if cut.is_some_and(|c| local.start >= c) {
                continue;
            }
            m.paragraph = pi;
            m.local = local;
            m.span = p.doc_span(local);
            dates.mentions.push(m);
        }
        in_furniture |= from.is_some();
    }
    dates.periods = periods(paragraphs, &dates.mentions);
    dates.published = published(paragraphs, &dates.mentions);
    dates.title = title_period(paragraphs, &dates.mentions);
    dates
}

/// Two dated mentions joined by 至, 到, — or ～ (blanks allowed) form a period;
/// the end takes the start's year when it names none.
fn periods(paragraphs: &[Paragraph], mentions: &[DateMention]) -> Vec<Period> {
    let mut out = Vec::new();
    for (k, pair) in mentions.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        if a.paragraph != b.paragraph || a.month.is_none() || b.month.is_none() {
            continue;
        }
        let Some(p) = paragraphs.get(a.paragraph) else {
            continue;
        };
        let between = p.text.get(a.local.end..b.local.start).unwrap_or("").trim();
        if !matches!(
            between,
            "至" | "到" | "—" | "-" | "～" | "~" | "－" | "—至" | "——"
        ) {
            continue;
        }
        let (Some(ya), Some(yb)) = (a.year, b.year) else {
            continue; // a yearless end may run into the next year
        };
        let (m1, d1) = a.first_day();
        let (m2, d2) = b.last_day();
        out.push(Period {
            from: k,
            to: k + 1,
            start: (ya, m1, d1),
            end: (yb, m2, d2),
        });
    }
    out
}

fn published(paragraphs: &[Paragraph], mentions: &[DateMention]) -> Option<Published> {
    let n = paragraphs.len();
    let near_edge = |pi: usize| pi < 4 || pi + 4 >= n;
    mentions.iter().find_map(|m| {
        let p = paragraphs.get(m.paragraph)?;
        let Part::Day(day) = m.part else { return None };
        let (year, month) = (m.year?, m.month?);
        let labelled = publication_label().is_match(&p.text[..m.local.start]);
        (near_edge(m.paragraph) && (labelled || is_dateline(p, m))).then_some(Published {
            year,
            month,
            day,
            span: m.span,
        })
    })
}

/// The title: the first short heading-like paragraphs before the first sentence.
fn title_period(paragraphs: &[Paragraph], mentions: &[DateMention]) -> Option<TitlePeriod> {
    let mut heads = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate().take(4) {
        let heading = p.text.chars().count() <= 40 && !p.text.contains(is_sentence_end);
        if !heading {
            break;
        }
        heads.push(pi);
    }
    let pi = *heads.iter().find(|&&pi| {
        mentions
            .iter()
            .any(|m| m.paragraph == pi && m.year.is_some())
    })?;
    let p = &paragraphs[pi];
    let in_title: Vec<&DateMention> = mentions
        .iter()
        .filter(|m| m.paragraph == pi && m.year.is_some())
        .collect();
    let mut years: Vec<i32> = in_title.iter().filter_map(|m| m.year).collect();
    years.dedup();
    let first = in_title.first()?;
    if first.year_from.is_some() || first.month.is_some() && first.part != Part::Month {
        return None;
    }
    let months = match (first.month, first.part) {
        // 2023年3月份工作总结: a month's report.
        (Some(m), _) => (first.month_from.unwrap_or(m), m),
        (None, Part::FirstHalf) => (1, 6),
        (None, Part::SecondHalf) => (7, 12),
        (None, Part::Quarter(q)) => (q * 3 - 2, q * 3),
        _ => (1, 12),
    };
    Some(TitlePeriod {
        year: first.year?,
        months,
        span: first.span,
        paragraph: pi,
        title: p.span,
        years_named: years.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn dates(text: &str) -> Dates {
        Document::parse("t.txt", text.to_owned()).dates
    }

    #[test]
    fn forms_of_dates() {
        let d = dates("2021年6月30日召开会议，7月11日完成，7月初签约，六月底前培训，1-3月份监测，2018—2020年度先进，2021上半年，二〇二一年，第一季度完成。\n");
        let got: Vec<(Option<i32>, Option<u32>, Part)> = d
            .mentions
            .iter()
            .map(|m| (m.year, m.month, m.part))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(2021), Some(6), Part::Day(30)),
                (None, Some(7), Part::Day(11)),
                (None, Some(7), Part::Early),
                (None, Some(6), Part::Late),
                (None, Some(3), Part::Month),
                (Some(2020), None, Part::Year),
                (Some(2021), None, Part::FirstHalf),
                (Some(2021), None, Part::Year),
            ]
        );
        assert_eq!(d.mentions[4].month_from, Some(1));
        assert_eq!(d.mentions[5].year_from, Some(2018));
    }

    #[test]
    fn not_dates() {
        let d = dates("每月开展1次，12个月，第3月，2021.5万元，13.36亿元。\n");
        assert!(d.mentions.is_empty(), "{:?}", d.mentions);
    }

    #[test]
    fn own_date_and_title() {
        let d = dates("卫健委2021上半年工作情况\n来源: 海安市卫健委 发布时间:2021-06-30 16:06 累计次数:\n\n正文。\n");
        let p = d.published.expect("published");
        assert_eq!((p.year, p.month, p.day), (2021, 6, 30));
        let t = d.title.expect("title");
        assert_eq!((t.year, t.months), (2021, (1, 6)));
        let d = dates("标题\n\n正文说了很多。\n\n2020年5月27日 星期三\n庚子年闰四月初五\n");
        assert_eq!(d.published.map(|p| p.day), Some(27));
    }
}
