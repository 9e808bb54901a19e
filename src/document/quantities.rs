//! Numbers with units: the one extractor every arithmetic lint reads.
//!
//! Reads Arabic numbers (decimals, thousands separators, full-width digits),
//! Chinese numerals before a measure word (两家, 一百二十四个), the multipliers
//! 万/亿/千, percentages (95.83%, ９０％, 百分之九十), per-mille, percentage points
//! (提高2.3个百分点), and approximation words (约, 近, 余, 多, 以上, 左右, 超过).
//! Years, dates, ranges (3-11岁, 2018—2020年), codes ("0923"), ordinals (第三)
//! and section markers are not quantities.
//!
//! Each quantity has a `label`: the words just before it that say what is
//! counted (产前筛查1401人 → 产前筛查; 筛查率95.83% → 筛查率), which is how the lints
//! tie a rate to the counts it is computed from.

use super::cn_numeral;
use super::markers::is_han;
use super::paragraphs::Paragraph;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A count or amount with a unit word (人, 个, 张, 元 …).
    Count,
    /// A percentage: `value` is 95.83 for 95.83%.
    Percent,
    /// ‰: `value` is per thousand.
    PerMille,
    /// 个百分点: a difference of two rates.
    Points,
    /// A rate per population (每万人口100间, 1.19/万): not a share.
    PerCapita,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    Exact,
    /// 约, 左右, 近, 大约: roughly this value.
    About,
    /// 余, 多, 以上, 超过: at least this value.
    AtLeast,
    /// 不到, 不足, 以下: at most this value.
    AtMost,
}

#[derive(Debug, Clone)]
pub struct Quantity {
    /// The value with 万/亿/千 applied (34400 for 3.44万); percentages as written (95.83).
    pub value: f64,
    /// Half a unit of the last written digit, times the multiplier: how far the
    /// true value may be from `value` when the number was rounded.
    pub half_step: f64,
    /// Digits after the decimal point as written.
    pub decimals: u8,
    /// The unit word, with money normalised to 元 (万元 → 元 with the multiplier applied).
    pub unit: String,
    pub kind: Kind,
    pub approx: Approx,
    /// The words before the number that say what is counted.
    pub label: String,
    /// Paragraph-relative span of the number with its unit.
    pub local: Span,
    /// Document span of the number with its unit.
    pub span: Span,
    pub paragraph: usize,
    /// Index of the sentence in the paragraph.
    pub sentence: usize,
}

impl Quantity {
    /// The interval of true values this printed number allows, rounding or truncation.
    pub fn interval(&self) -> (f64, f64) {
        let step = self.half_step * 2.0;
        match self.approx {
            Approx::Exact => (self.value - self.half_step, self.value + step),
            Approx::About => (self.value * 0.9 - step, self.value * 1.1 + step),
            Approx::AtLeast => (self.value - self.half_step, f64::INFINITY),
            Approx::AtMost => (f64::NEG_INFINITY, self.value + step),
        }
    }

    pub fn is_exact(&self) -> bool {
        self.approx == Approx::Exact
    }

    /// Counts of people in any classifier (人, 名, 位) compare with each other.
    pub fn same_unit(&self, other: &Quantity) -> bool {
        unit_class(&self.unit) == unit_class(&other.unit)
    }
}

fn unit_class(u: &str) -> &str {
    match u {
        "人" | "名" | "位" => "人",
        _ => u,
    }
}

/// Unit words, longest first so that 人次 wins over 人.
const UNITS: &[&str] = &[
    "平方米",
    "万平方米",
    "立方米",
    "公里",
    "千米",
    "千克",
    "公斤",
    "人次",
    "剂次",
    "户次",
    "场次",
    "车次",
    "架次",
    "批次",
    "元",
    "人",
    "名",
    "位",
    "个",
    "家",
    "张",
    "间",
    "例",
    "剂",
    "项",
    "条",
    "管",
    "辆",
    "套",
    "台",
    "支",
    "次",
    "场",
    "篇",
    "份",
    "期",
    "所",
    "座",
    "批",
    "床",
    "件",
    "户",
    "村",
    "处",
    "类",
    "种",
    "项次",
    "课时",
    "学时",
    "块",
    "本",
    "册",
    "部",
    "架",
    "艘",
    "吨",
    "亩",
    "米",
    "头",
    "只",
    "株",
    "棵",
    "对",
    "组",
    "队",
    "支队",
    "单位",
    "篇次",
    "期次",
    "起",
    "宗",
    "个月",
    "周",
    "天",
    "小时",
    "分钟",
    "岁",
    "周岁",
    "倍",
    "字",
    "页",
    "斤",
    "升",
    "瓦",
    "千瓦",
    "度",
    "级",
];

/// Units that measure time or age: never counts of things being added up.
fn is_time_unit(u: &str) -> bool {
    matches!(
        u,
        "个月"
            | "周"
            | "天"
            | "小时"
            | "分钟"
            | "岁"
            | "周岁"
            | "年"
            | "月"
            | "日"
            | "级"
            | "倍"
            | "度"
    )
}

/// Measure words a Chinese numeral must be followed by to count as a quantity.
const CN_MEASURES: &[&str] = &[
    "个", "家", "名", "人", "位", "项", "条", "所", "张", "间", "例", "座", "批", "次", "场", "类",
    "种", "件", "支", "户", "处", "辆", "套", "台",
];

/// Words between a label and its number that say nothing about what is counted.
const FILLERS: &[&str] = &[
    "达到", "达", "为", "是", "共计", "共有", "共", "合计", "总计", "累计", "计", "有", "约", "近",
    "已", "约为", "超过", "逾", "不到", "不足", "仅", "只", "了", "至", "到",
];

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Extract every quantity of a paragraph.
pub fn extract(pi: usize, p: &Paragraph) -> Vec<Quantity> {
    let text = &p.text;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let parsed = if is_digit(c) && (k == 0 || !continues_token(chars[k - 1].1)) {
            arabic(text, &chars, k)
        } else if c == '百' && text[start..].starts_with("百分之") {
            percent_words(text, &chars, k)
        } else if cn_numeral::is_numeral_char(c)
            && (k == 0 || !cn_numeral::is_numeral_char(chars[k - 1].1))
        {
            chinese(text, &chars, k)
        } else {
            None
        };
        let Some((mut q, next)) = parsed else {
            k += 1;
            continue;
        };
        q.paragraph = pi;
        q.sentence = p
            .sentences
            .iter()
            .position(|s| s.start <= q.local.start && q.local.start < s.end)
            .unwrap_or(0);
        q.span = p.doc_span(q.local);
        let (label, approx_before) = label_before(text, q.local.start);
        q.label = label;
        if q.approx == Approx::Exact {
            q.approx = approx_before;
        }
        out.push(q);
        k = next.max(k + 1);
    }
    out
}

/// A digit right after a letter, a digit or a dot belongs to another token
/// (COVID-19, v2, 1.5).
fn continues_token(prev: char) -> bool {
    prev.is_ascii_alphanumeric()
        || is_digit(prev)
        || matches!(prev, '.' | '．' | '-' | '_' | '/' | '#' | '：' | ':')
}

fn blank() -> Quantity {
    Quantity {
        value: 0.0,
        half_step: 0.5,
        decimals: 0,
        unit: String::new(),
        kind: Kind::Count,
        approx: Approx::Exact,
        label: String::new(),
        local: Span::default(),
        span: Span::default(),
        paragraph: 0,
        sentence: 0,
    }
}

/// An Arabic number at chars[k] with what follows it. Returns the quantity and
/// the index of the first char after it.
fn arabic(text: &str, chars: &[(usize, char)], k: usize) -> Option<(Quantity, usize)> {
    let start = chars[k].0;
    // Digits, thousands separators, one decimal point.
    let mut int_part: f64 = 0.0;
    let mut frac = String::new();
    let mut j = k;
    let mut digits = 0;
    let mut leading_zero = false;
    while j < chars.len() {
        let c = chars[j].1;
        if let Some(d) = digit_value(c) {
            if digits == 0 && d == 0 {
                leading_zero = true;
            }
            int_part = int_part * 10.0 + f64::from(d);
            digits += 1;
            j += 1;
        } else if c == ','
            && j + 3 < chars.len() + 1
            && (1..=3).all(|o| chars.get(j + o).is_some_and(|x| is_digit(x.1)))
            && !chars.get(j + 4).is_some_and(|x| is_digit(x.1))
        {
            j += 1; // 1,234
        } else {
            break;
        }
    }
    if j < chars.len()
        && matches!(chars[j].1, '.' | '．')
        && chars.get(j + 1).is_some_and(|x| is_digit(x.1))
    {
        j += 1;
        while j < chars.len() && is_digit(chars[j].1) {
            frac.push(char::from_digit(digit_value(chars[j].1)?, 10)?);
            j += 1;
        }
        // 2021.6.30, 1.2.3: a date or a version, not a number.
        if j < chars.len()
            && matches!(chars[j].1, '.' | '．')
            && chars.get(j + 1).is_some_and(|x| is_digit(x.1))
        {
            return None;
        }
    }
    if digits > 12 || (leading_zero && digits > 1 && frac.is_empty()) {
        return None; // phone numbers, ID numbers, codes like "0923"
    }
    let rest = &text[chars.get(j).map_or(text.len(), |x| x.0)..];
    // Ranges and dates.
    if rest.starts_with(['-', '—', '~', '～', '－', '至', '到']) {
        let after = rest
            .chars()
            .find(|&c| !matches!(c, '-' | '—' | '~' | '～' | '－' | '至' | '到'));
        if after.is_some_and(is_digit) {
            return None;
        }
    }
    if k > 0
        && matches!(chars[k - 1].1, '-' | '—' | '~' | '～' | '－' | '至')
        && k >= 2
        && is_digit(chars[k - 2].1)
    {
        return None;
    }
    if rest.starts_with([
        '年', '月', '日', '时', '点', '号', '期', '届', '批', '版', '号',
    ]) && frac.is_empty()
    {
        // 2022年, 7月, 11日, 十四五: time and ordinal positions, not amounts. (批 and
        // 期 after a bare number are mostly ordinals: 第3批.)
        return None;
    }
    if k > 0 && chars[k - 1].1 == '第' {
        return None;
    }
    let value = int_part
        + if frac.is_empty() {
            0.0
        } else {
            format!("0.{frac}").parse::<f64>().ok()?
        };
    let decimals = u8::try_from(frac.len()).unwrap_or(u8::MAX);
    let mut q = blank();
    q.value = value;
    q.decimals = decimals;
    q.half_step = 0.5 * 10f64.powi(-i32::from(decimals));
    let end = finish(&mut q, rest, chars.get(j).map_or(text.len(), |x| x.0))?;
    if q.unit.is_empty() && q.kind == Kind::Count {
        let year_like = digits == 4 && frac.is_empty() && (1949.0..=2100.0).contains(&q.value);
        let clock_or_code = rest.starts_with([':', '：', '·', '/', '.']);
        if digits >= 7 || year_like || clock_or_code {
            return None; // a phone number, a year (2021上半年), a time (16:06), 5·12
        }
    }
    q.local = Span::new(start, end);
    let next = chars.partition_point(|x| x.0 < end);
    Some((q, next))
}

/// 百分之九十, 百分之95.5
fn percent_words(text: &str, chars: &[(usize, char)], k: usize) -> Option<(Quantity, usize)> {
    let start = chars[k].0;
    let body_start = start + "百分之".len();
    let body: String = text[body_start..]
        .chars()
        .take_while(|&c| cn_numeral::is_numeral_char(c))
        .collect();
    let value = cn_numeral::parse(&body)? as f64;
    let end = body_start + body.len();
    let mut q = blank();
    q.value = value;
    q.kind = Kind::Percent;
    q.unit = "%".into();
    q.local = Span::new(start, end);
    Some((q, chars.partition_point(|x| x.0 < end)))
}

/// A Chinese numeral before a measure word: 两家, 十一个, 一百二十四名.
fn chinese(text: &str, chars: &[(usize, char)], k: usize) -> Option<(Quantity, usize)> {
    let start = chars[k].0;
    if k > 0 && matches!(chars[k - 1].1, '第' | '初' | '星' | '周' | '之') {
        return None;
    }
    let mut j = k;
    while j < chars.len() && cn_numeral::is_numeral_char(chars[j].1) && j - k < 8 {
        j += 1;
    }
    let end_num = chars.get(j).map_or(text.len(), |x| x.0);
    let s = &text[start..end_num];
    // 一 alone is mostly an article (一批, 一个, 一家); two or more is a count.
    let value = cn_numeral::parse(s)?;
    if value < 2 {
        return None;
    }
    let rest = &text[end_num..];
    let (mult, mlen) = multiplier(rest);
    let rest2 = &rest[mlen..];
    let unit = CN_MEASURES.iter().find(|u| rest2.starts_with(**u))?;
    // 两个维护, 三个代表: fixed phrases are not counts; a measure word followed by
    // 字/方面/代表/意识 is. Keep only when something countable follows.
    if rest2[unit.len()..].starts_with(['方', '代', '意', '务', '全', '自', '坚', '确', '一'])
    {
        return None;
    }
    let mut q = blank();
    q.value = value as f64 * mult;
    q.half_step = 0.5 * mult;
    q.unit = (*unit).to_owned();
    let end = end_num + mlen + unit.len();
    q.local = Span::new(start, end);
    Some((q, chars.partition_point(|x| x.0 < end)))
}

fn multiplier(rest: &str) -> (f64, usize) {
    if rest.starts_with("万亿") {
        (1e12, "万亿".len())
    } else if rest.starts_with('亿') {
        (1e8, '亿'.len_utf8())
    } else if rest.starts_with('万') && !rest.starts_with("万人口") && !rest.starts_with("万步")
    {
        (1e4, '万'.len_utf8())
    } else if rest.starts_with('千')
        && !rest.starts_with("千人")
        && !rest.starts_with("千克")
        && !rest.starts_with("千米")
    {
        (1e3, '千'.len_utf8())
    } else {
        (1.0, 0)
    }
}

/// Read what follows the digits: multiplier, 余/多, percent or unit. Returns the end offset.
fn finish(q: &mut Quantity, rest: &str, at: usize) -> Option<usize> {
    let mut end = at;
    let mut rest = rest;
    if let Some(r) = rest
        .strip_prefix("个百分点")
        .or_else(|| rest.strip_prefix("百分点"))
    {
        q.kind = Kind::Points;
        q.unit = "个百分点".into();
        return Some(end + (rest.len() - r.len()));
    }
    for (mark, kind) in [
        ("%", Kind::Percent),
        ("％", Kind::Percent),
        ("‰", Kind::PerMille),
    ] {
        if let Some(r) = rest.strip_prefix(mark) {
            q.kind = kind;
            q.unit = mark.replace('％', "%");
            end += mark.len();
            if r.starts_with("以上") {
                q.approx = Approx::AtLeast;
                end += "以上".len();
            } else if r.starts_with("左右") {
                q.approx = Approx::About;
                end += "左右".len();
            }
            return Some(end);
        }
    }
    if rest.starts_with("/万") || rest.starts_with("/10万") || rest.starts_with("/千") {
        q.kind = Kind::PerCapita;
        q.unit = rest
            .split(|c: char| !matches!(c, '/' | '万' | '千' | '1' | '0'))
            .next()
            .unwrap_or("/万")
            .to_owned();
        return Some(end + q.unit.len());
    }
    let (mult, mlen) = multiplier(rest);
    if mlen > 0 {
        q.value *= mult;
        q.half_step *= mult;
        end += mlen;
        rest = &rest[mlen..];
    }
    for (word, approx) in [("余", Approx::AtLeast), ("多", Approx::AtLeast)] {
        if let Some(r) = rest.strip_prefix(word) {
            q.approx = approx;
            end += word.len();
            rest = r;
        }
    }
    if rest.starts_with("元") || rest.starts_with("万元") || rest.starts_with("亿元") {
        let (m, l) = multiplier(rest);
        q.value *= m;
        q.half_step *= m;
        q.unit = "元".into();
        end += l + "元".len();
        rest = &rest[l + "元".len()..];
    } else if let Some(u) = UNITS
        .iter()
        .filter(|u| rest.starts_with(**u))
        .max_by_key(|u| u.len())
    {
        q.unit = (*u).to_owned();
        end += u.len();
        rest = &rest[u.len()..];
    }
    if is_time_unit(&q.unit) {
        return None;
    }
    if !q.unit.is_empty() {
        for (word, approx) in [
            ("以上", Approx::AtLeast),
            ("左右", Approx::About),
            ("以下", Approx::AtMost),
        ] {
            if rest.starts_with(word) {
                q.approx = approx;
                end += word.len();
                break;
            }
        }
    }
    Some(end)
}

/// The words before a number up to a clause boundary, without filler words; and
/// an approximation word found among them (约, 近, 超过 …).
fn label_before(text: &str, at: usize) -> (String, Approx) {
    // 签约率 78.6%: a space may stand between the words and the number.
    let before = text[..at].trim_end_matches([' ', '\u{3000}']);
    let at = before.len();
    let mut start = at;
    for (taken, (i, c)) in before.char_indices().rev().enumerate() {
        if !(is_han(c) || c == '“' || c == '”') || taken >= 16 {
            break;
        }
        start = i;
    }
    let mut label = before[start..].to_owned();
    let mut approx = Approx::Exact;
    loop {
        // 签约, 预约, 最近, 附近: words that end in a filler character.
        if [
            "签约", "预约", "节约", "制约", "履约", "违约", "集约", "公约", "条约", "合约", "附近",
            "最近", "就近", "邻近",
        ]
        .iter()
        .any(|w| label.ends_with(w))
        {
            break;
        }
        let trimmed = FILLERS
            .iter()
            .find(|f| label.ends_with(**f) && label.len() > f.len());
        match trimmed {
            Some(f) => {
                approx = match *f {
                    "约" | "约为" | "近" => Approx::About,
                    "超过" | "逾" => Approx::AtLeast,
                    "不到" | "不足" => Approx::AtMost,
                    _ => approx,
                };
                label.truncate(label.len() - f.len());
            }
            None => break,
        }
    }
    if label
        .chars()
        .all(|c| FILLERS.iter().any(|f| f.starts_with(c)))
    {
        if matches!(label.as_str(), "约" | "近") {
            approx = Approx::About;
        }
        label.clear();
    }
    (label.replace(['“', '”'], ""), approx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn qs(text: &str) -> Vec<(f64, String, String, Kind)> {
        let d = Document::parse("t.txt", text.to_owned());
        d.quantities
            .iter()
            .map(|q| (q.value, q.unit.clone(), q.label.clone(), q.kind))
            .collect()
    }

    #[test]
    fn counts_rates_and_labels() {
        let got = qs(
            "上半年,我市辖区产妇数1462人,产前筛查1401人,筛查率95.83%,筛出高风险孕妇59人,占4.21%。",
        );
        assert_eq!(
            got[0],
            (1462.0, "人".into(), "我市辖区产妇数".into(), Kind::Count)
        );
        assert_eq!(
            got[1],
            (1401.0, "人".into(), "产前筛查".into(), Kind::Count)
        );
        assert_eq!(got[2], (95.83, "%".into(), "筛查率".into(), Kind::Percent));
        assert_eq!(got[4], (4.21, "%".into(), "占".into(), Kind::Percent));
    }

    #[test]
    fn multipliers_money_and_chinese_numerals() {
        let got =
            qs("检测能力由原6480管提升至3.44万管,发放资金1.67亿元,建成两家医院,共一百二十四个点。");
        assert_eq!(got[1].0, 34400.0);
        assert_eq!(got[1].1, "管");
        assert_eq!(got[2].0, 167_000_000.0);
        assert_eq!(got[2].1, "元");
        assert_eq!((got[3].0, got[3].1.as_str()), (2.0, "家"));
        assert_eq!((got[4].0, got[4].1.as_str()), (124.0, "个"));
    }

    #[test]
    fn not_quantities() {
        for text in [
            "3-11岁儿童",
            "2018—2020年度",
            "7月11日",
            "2022年",
            "“0923”疫情",
            "第3批",
            "电话13812345678",
            "COVID-19",
            "2021.6.30",
            "十四五规划",
            "一批人才",
            "统一部署",
            "一是加强",
        ] {
            let got = qs(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn approximations_and_points() {
        let d = Document::parse(
            "t.txt",
            "累计抽调3000余名医务人员,约36.04万平方米,提高2.3个百分点,占比达38%左右。".to_owned(),
        );
        let q = &d.quantities;
        assert_eq!(q[0].approx, Approx::AtLeast);
        assert_eq!(q[0].unit, "名");
        assert_eq!(q[1].approx, Approx::About);
        assert_eq!(q[2].kind, Kind::Points);
        assert_eq!(q[3].approx, Approx::About);
        assert_eq!(q[3].kind, Kind::Percent);
    }

    #[test]
    fn the_printed_precision_is_an_interval() {
        let d = Document::parse("t.txt", "筛查率95.83%".to_owned());
        let (lo, hi) = d.quantities[0].interval();
        assert!(
            (lo - 95.825).abs() < 1e-9 && (hi - 95.84).abs() < 1e-9,
            "{lo} {hi}"
        );
    }
}
