//! Word's automatic numbering: the list definitions of numbering.xml, the
//! paragraph styles that carry numbering, and the counters that turn a numbered
//! paragraph into the marker text the reader sees ("一、", "（二）", "1.2").

use super::format::Format;
use super::xml::{walk, Item, Ns};
use std::collections::HashMap;
use std::io::Read;

/// Word has nine list levels, 0 to 8.
const LEVELS: usize = 9;
/// Longest `w:basedOn` chain followed; real style sheets are a few levels deep.
const MAX_STYLE_CHAIN: usize = 32;
/// The longest level text (`w:lvlText`) that is rendered, in bytes.
const MAX_LEVEL_TEXT: usize = 256;

/// What follows the marker (`w:suff`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

/// One level of a list definition (`w:lvl`).
#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    format: Format,
    text: Option<String>,
    /// `w:lvlRestart`: 1-based level whose use restarts this one; 0 = never.
    restart: Option<i64>,
    /// `w:isLgl`: every number in this level's text is written in decimal.
    legal: bool,
    suffix: Suffix,
    /// The paragraph style this level belongs to (`w:lvl/w:pStyle`).
    style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the definition lives in the list of a numbering style.
    style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    start_override: [Option<i64>; LEVELS],
    level_override: [Option<Level>; LEVELS],
}

impl Num {
    fn restarts(&self) -> bool {
        self.start_override.iter().any(Option::is_some)
    }
}

/// A numbering property (`w:numPr`) as written on a paragraph or a style.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct NumPr {
    pub num_id: Option<String>,
    pub ilvl: Option<i64>,
}

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num: NumPr,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct Definitions {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

fn parse_i64(s: Option<String>) -> Option<i64> {
    s.and_then(|v| v.trim().parse().ok())
}

fn level_index(s: Option<String>) -> Option<usize> {
    parse_i64(s)
        .and_then(|v| usize::try_from(v).ok())
        .filter(|&v| v < LEVELS)
}

/// Property subtrees that hold an earlier revision or formatting we never read.
fn skipped_in_definitions(name: &[u8]) -> bool {
    name.ends_with(b"Change")
        || matches!(name, b"rPr" | b"tblPr" | b"tblStylePr" | b"trPr" | b"tcPr")
}

pub(super) fn parse_styles(part: &str, input: impl Read, limit: u64) -> Result<Styles, String> {
    let mut out = Styles::default();
    let mut current: Option<(String, Style)> = None;
    let mut path: Vec<Vec<u8>> = Vec::new();
    let mut skip: Option<usize> = None;
    walk(part, input, limit, |item| {
        match item {
            Item::Open(tag) => {
                path.push(tag.name.to_vec());
                if skip.is_some() {
                    return Ok(());
                }
                if tag.ns == Ns::Compat && tag.name == b"Fallback"
                    || tag.ns == Ns::Word && skipped_in_definitions(tag.name)
                {
                    skip = Some(path.len());
                    return Ok(());
                }
                if tag.ns != Ns::Word {
                    return Ok(());
                }
                let parent = |k: usize| path.len().checked_sub(k + 1).and_then(|i| path.get(i));
                match tag.name {
                    b"style" => {
                        let id = tag.attr(b"styleId").unwrap_or_default();
                        if tag.attr(b"type").as_deref() == Some("paragraph")
                            && tag
                                .attr(b"default")
                                .is_some_and(|d| d == "1" || d == "true")
                        {
                            out.default_paragraph = Some(id.clone());
                        }
                        current = Some((id, Style::default()));
                    }
                    b"basedOn" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.based_on = tag.val();
                        }
                    }
                    b"numId" | b"ilvl" if parent(1).is_some_and(|p| p == b"numPr") => {
                        if let Some((_, s)) = current.as_mut() {
                            if tag.name == b"numId" {
                                s.num.num_id = tag.val();
                            } else {
                                s.num.ilvl = parse_i64(tag.val());
                            }
                        }
                    }
                    _ => {}
                }
            }
            Item::Close(ns, name) => {
                if skip == Some(path.len()) {
                    skip = None;
                } else if skip.is_none() && ns == Ns::Word && name == b"style" {
                    if let Some((id, s)) = current.take() {
                        out.styles.insert(id, s);
                    }
                }
                path.pop();
            }
            Item::Text(_) => {}
        }
        Ok(())
    })?;
    Ok(out)
}

pub(super) fn parse_numbering(
    part: &str,
    input: impl Read,
    limit: u64,
) -> Result<Definitions, String> {
    let mut out = Definitions::default();
    let mut abs: Option<(String, Abstract)> = None;
    let mut num: Option<(String, Num)> = None;
    let mut lvl: Option<(usize, Level)> = None;
    let mut override_level: Option<usize> = None;
    let mut depth = 0usize;
    let mut skip: Option<usize> = None;
    walk(part, input, limit, |item| {
        match item {
            Item::Open(tag) => {
                depth += 1;
                if skip.is_some() {
                    return Ok(());
                }
                if tag.ns == Ns::Compat && tag.name == b"Fallback"
                    || tag.ns == Ns::Word
                        && (skipped_in_definitions(tag.name) || tag.name == b"pPr")
                {
                    skip = Some(depth);
                    return Ok(());
                }
                if tag.ns != Ns::Word {
                    return Ok(());
                }
                match tag.name {
                    b"abstractNum" => {
                        abs = Some((
                            tag.attr(b"abstractNumId").unwrap_or_default(),
                            Abstract::default(),
                        ));
                    }
                    b"num" => num = Some((tag.attr(b"numId").unwrap_or_default(), Num::default())),
                    b"abstractNumId" => {
                        if let Some((_, n)) = num.as_mut() {
                            n.abstract_id = tag.val().unwrap_or_default();
                        }
                    }
                    b"lvlOverride" => override_level = level_index(tag.attr(b"ilvl")),
                    b"startOverride" => {
                        if let (Some((_, n)), Some(i)) = (num.as_mut(), override_level) {
                            n.start_override[i] = parse_i64(tag.val());
                        }
                    }
                    b"numStyleLink" => {
                        if let Some((_, a)) = abs.as_mut() {
                            a.style_link = tag.val();
                        }
                    }
                    b"lvl" => {
                        lvl = level_index(tag.attr(b"ilvl")).map(|i| (i, Level::default()));
                    }
                    _ => {
                        if let Some((_, l)) = lvl.as_mut() {
                            read_level_property(l, &tag);
                        }
                    }
                }
            }
            Item::Close(ns, name) => {
                if skip == Some(depth) {
                    skip = None;
                } else if skip.is_none() && ns == Ns::Word {
                    match name {
                        b"lvl" => {
                            if let Some((i, l)) = lvl.take() {
                                if let (Some((_, n)), Some(_)) = (num.as_mut(), override_level) {
                                    n.level_override[i] = Some(l);
                                } else if let Some((_, a)) = abs.as_mut() {
                                    a.levels[i] = Some(l);
                                }
                            }
                        }
                        b"lvlOverride" => override_level = None,
                        b"abstractNum" => {
                            if let Some((id, a)) = abs.take() {
                                out.abstracts.insert(id, a);
                            }
                        }
                        b"num" => {
                            if let Some((id, n)) = num.take() {
                                out.nums.insert(id, n);
                            }
                        }
                        _ => {}
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Item::Text(_) => {}
        }
        Ok(())
    })?;
    Ok(out)
}

fn read_level_property(l: &mut Level, tag: &super::xml::Tag) {
    match tag.name {
        b"start" => l.start = parse_i64(tag.val()).unwrap_or(0),
        b"numFmt" => {
            l.format = Format::from_name(
                &tag.val().unwrap_or_default(),
                tag.attr(b"format").as_deref(),
            )
        }
        // Word writes a level text of a few characters ("%1、", "（%2）"); one of
        // megabytes ("%1" × 30 million) would be expanded for every numbered
        // paragraph before any size check, so it is not shown at all.
        b"lvlText" => l.text = tag.val().filter(|t| t.len() <= MAX_LEVEL_TEXT),
        b"lvlRestart" => l.restart = parse_i64(tag.val()),
        b"isLgl" => l.legal = tag.flag(),
        b"pStyle" => l.style = tag.val(),
        b"suff" => {
            l.suffix = match tag.val().as_deref() {
                Some("space") => Suffix::Space,
                Some("nothing") => Suffix::Nothing,
                _ => Suffix::Tab,
            }
        }
        _ => {}
    }
}

impl Styles {
    /// The numbering a paragraph gets from its own `w:numPr` and its style chain:
    /// (numId, level), or None when it is not numbered (`numId` 0 removes numbering).
    fn resolve(
        &self,
        own: &NumPr,
        style: Option<&str>,
        defs: &Definitions,
    ) -> Option<(String, usize)> {
        let mut num = own.clone();
        let style = style.or(self.default_paragraph.as_deref());
        let mut chain: Vec<&str> = Vec::new();
        let mut next = style;
        for _ in 0..MAX_STYLE_CHAIN {
            let Some((id, s)) = next.and_then(|id| self.styles.get_key_value(id)) else {
                break;
            };
            chain.push(id);
            if num.num_id.is_none() {
                num.num_id.clone_from(&s.num.num_id);
            }
            if own.ilvl.is_none() && num.ilvl.is_none() {
                num.ilvl = s.num.ilvl;
            }
            next = s.based_on.as_deref();
        }
        let num_id = num.num_id.filter(|id| id.trim() != "0")?;
        // A level tied to one of the paragraph's styles (`w:lvl/w:pStyle`) decides
        // the level of numbering that comes from the style, over the style's ilvl.
        let linked = || {
            let (_, a) = defs.list(&num_id, self)?;
            chain.iter().find_map(|st| {
                a.levels
                    .iter()
                    .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(*st))
            })
        };
        let ilvl = match own.ilvl {
            Some(v) => usize::try_from(v).ok().filter(|&v| v < LEVELS)?,
            None => match linked() {
                Some(level) => level,
                None => usize::try_from(num.ilvl.unwrap_or(0))
                    .ok()
                    .filter(|&v| v < LEVELS)?,
            },
        };
        Some((num_id, ilvl))
    }
}

impl Definitions {
    /// The num and its abstract definition, following one `w:numStyleLink`.
    fn list(&self, num_id: &str, styles: &Styles) -> Option<(&Num, &Abstract)> {
        let num = self.nums.get(num_id)?;
        let mut a = self.abstracts.get(&num.abstract_id)?;
        if let Some(link) = &a.style_link {
            let linked = styles
                .styles
                .get(link)
                .and_then(|s| s.num.num_id.as_ref())
                .and_then(|id| self.nums.get(id))
                .and_then(|n| self.abstracts.get(&n.abstract_id));
            if let Some(l) = linked {
                a = l;
            }
        }
        Some((num, a))
    }
}

/// Running list counters over one document, in reading order.
///
/// Word keeps one set of counters per abstract list, so two numIds that share an
/// abstractNum continue each other; a numId with a `w:startOverride` is a restarted
/// list with counters of its own. Using a level restarts the deeper levels
/// (subject to their `w:lvlRestart`).
pub(super) struct Counters<'a> {
    defs: &'a Definitions,
    styles: &'a Styles,
    lists: HashMap<String, [Option<i64>; LEVELS]>,
}

impl<'a> Counters<'a> {
    pub fn new(defs: &'a Definitions, styles: &'a Styles) -> Self {
        Counters {
            defs,
            styles,
            lists: HashMap::new(),
        }
    }

    /// The marker text to put before a paragraph with numbering `own` and style
    /// `style`, including what separates it from the text; empty when unnumbered.
    ///
    /// Separator rule: Word shows a tab or a space after the marker (`w:suff`).
    /// Markers that close themselves — ending in 、 ） ． ： or an enclosed numeral
    /// such as ① — are written with nothing after them, as Chinese reports print them
    /// ("一、总体情况"); other markers get one space ("1.2 目标", "第一章 总则");
    /// `w:suff="nothing"` gets nothing.
    pub fn marker(&mut self, own: &NumPr, style: Option<&str>) -> String {
        let (defs, styles) = (self.defs, self.styles);
        let Some((num_id, ilvl)) = styles.resolve(own, style, defs) else {
            return String::new();
        };
        let Some((num, abs)) = defs.list(&num_id, styles) else {
            return String::new();
        };
        let level = |k: usize| num.level_override[k].as_ref().or(abs.levels[k].as_ref());
        let Some(lvl) = level(ilvl) else {
            return String::new();
        };
        let start = |k: usize| {
            num.start_override[k]
                .or(level(k).map(|l| l.start))
                .unwrap_or(0)
        };
        let key = if num.restarts() {
            format!("num:{num_id}")
        } else {
            format!("abstract:{}", num.abstract_id)
        };
        let counters = self.lists.entry(key).or_insert([None; LEVELS]);
        counters[ilvl] = Some(match counters[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start(ilvl),
        });
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let limit = match level(deeper).and_then(|l| l.restart) {
                Some(0) => 0,
                Some(n) if n >= 1 && n <= deeper as i64 => n as usize,
                _ => deeper,
            };
            if ilvl < limit {
                *counter = None;
            }
        }
        let Some(text) = &lvl.text else {
            return String::new();
        };
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = (c == '%')
                .then(|| chars.peek().and_then(|d| d.to_digit(10)))
                .flatten()
                .filter(|d| (1..=LEVELS as u32).contains(d));
            if let Some(d) = placeholder {
                chars.next();
                let k = d as usize - 1;
                // A level not used yet shows one below its start, as Word's "0.1" does.
                let value = counters[k].unwrap_or_else(|| start(k).saturating_sub(1));
                let format = match level(k).map_or(Format::Decimal, |l| l.format) {
                    Format::Bullet | Format::None if k != ilvl => Format::None,
                    _ if lvl.legal => Format::Decimal,
                    f => f,
                };
                out.push_str(&format.render(value));
            } else if lvl.format == Format::Bullet {
                // Symbol-font bullets live in the private use area; show a plain bullet.
                out.push(if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                    '•'
                } else {
                    c
                });
            } else {
                out.push(c);
            }
        }
        let closed =
            out.ends_with(['、', '）', '．', '】', '〕', '：']) || lvl.format.is_enclosed();
        if !out.is_empty() && lvl.suffix != Suffix::Nothing && !closed {
            out.push(' ');
        }
        out
    }
}
