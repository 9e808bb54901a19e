//! Where official prose writes names, shared by the spelling lints: a name
//! is chosen, not typed by mistake, so a doubled character or an odd window
//! inside one is left alone. Each test here is one principle of Chinese text,
//! never a list of names.

use super::lexicon::{CharId, Lexicon};
use crate::document::markers::is_han;
use crate::document::paragraphs::is_sentence_end;

/// These end the name of a company, a body, a line of transport, a road or a
/// named development (某某模具产业园, 某某康旅小镇, 某某大道), or a reservoir
/// (某某水库, 某某水源地), however long.
const NAME_END: [&str; 27] = [
    "公司",
    "集团",
    "有限",
    "控股",
    "股份",
    "实业",
    "银行",
    "机场",
    "铁路",
    "高铁",
    "城际",
    "高速",
    "大桥",
    "隧道",
    "大道",
    "产业园",
    "小镇",
    "购物中心",
    "工会",
    "商会",
    "水库",
    "水源地",
    // An event's name runs up to its ending as a firm's does.
    "音乐节",
    "艺术节",
    "文化节",
    "旅游节",
    "博览会",
];

/// How many characters after a name such an ending may start.
const NAME_END_REACH: usize = 6;

/// Whether a name ending ([`NAME_END`]) starts within [`NAME_END_REACH`]
/// Han characters of byte `end` (某某丰泰集团: the name runs up to 集团).
pub(super) fn name_end_follows(text: &str, end: usize) -> bool {
    let mut rest = &text[end..];
    for _ in 0..=NAME_END_REACH {
        if NAME_END.iter().any(|s| rest.starts_with(s)) {
            return true;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if is_han(c) => rest = chars.as_str(),
            _ => return false,
        }
    }
    false
}

/// What a list of named projects, firms or places is closed by: 等 and one of
/// these (…、某某二期等项目; …等50家企业), or a count and one of these
/// (…、某某和某某四个镇).
const LIST_HEADS: [&str; 17] = [
    "项目",
    "企业",
    "工程",
    "公司",
    "集团",
    "品牌",
    "基地",
    "园区",
    "产业园",
    "单位",
    "景区",
    "厂",
    "镇",
    "乡",
    "村",
    "县",
    "街道",
];
/// How far, in characters, the closing 等 or count may lie after the window.
const LIST_REACH: usize = 48;
/// How far the head noun may lie after 等 or the count (等一批投资亿元以上项目).
const HEAD_REACH: usize = 16;

/// Whether the byte range `start..end` lies in an item of an enumeration of
/// named projects, firms or places: the clause runs on from the window, with
/// no punctuation but the enumeration comma, to 等 followed by a head noun
/// (天华超净、某某锂电、天赐科技等项目163个), or to a count followed by one after a
/// list (惠东大岭、博罗某某和龙溪四个镇), or the list's items share the name
/// ending of the last (某某、城龙高速). The items of such a list are names, which
/// writers spell as their owners do.
pub(super) fn in_named_list(text: &str, start: usize, end: usize) -> bool {
    debug_assert!(start <= end);
    let tail: Vec<(usize, char)> = text[end..]
        .char_indices()
        .take(LIST_REACH)
        .take_while(|&(_, c)| !ends_clause(c))
        .collect();
    // Whether an enumeration comma comes before the window in its clause.
    let mut listed = text[..start]
        .chars()
        .rev()
        .take(LIST_REACH)
        .take_while(|&c| !ends_clause(c))
        .any(|c| c == '、');
    for (n, &(b, c)) in tail.iter().enumerate() {
        let after = &text[end + b + c.len_utf8()..];
        let closer = match c {
            '、' => {
                listed = true;
                false
            }
            '等' => true,
            _ => listed && is_numeral(c) && tail.get(n + 1).is_some_and(|&(_, m)| is_measure(m)),
        };
        if closer && head_follows(after) {
            return true;
        }
        // Items that share the name ending of the last (某某、城龙高速).
        if listed && NAME_END.iter().any(|e| text[end + b..].starts_with(e)) {
            return true;
        }
    }
    false
}

/// Whether a list head noun starts within [`HEAD_REACH`] characters of
/// `text`'s start, in the same clause.
fn head_follows(text: &str) -> bool {
    let mut rest = text;
    for _ in 0..HEAD_REACH {
        if LIST_HEADS.iter().any(|h| rest.starts_with(h)) {
            return true;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if !ends_clause(c) && c != '、' => rest = chars.as_str(),
            _ => return false,
        }
    }
    false
}

/// A sentence's end, or a comma, colon or line break: the enumeration comma
/// 、 does not end the clause of a list's items.
fn ends_clause(c: char) -> bool {
    matches!(c, '，' | '：' | ',' | ':' | '\n') || is_sentence_end(c)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二两三四五六七八九十百千".contains(c)
}

fn is_measure(c: char) -> bool {
    "个家座条所项批".contains(c)
}

/// A run of one-character nouns this long is a list of abbreviations.
const ABBREVIATION_RUN: usize = 5;
/// Characters of context segmented on each side of a window.
const RUN_CONTEXT: usize = 8;

/// Whether the window `i..i + len` of the Han run `ids` lies in a run of one-
/// character abbreviations (文农医体旅融合 = 文化、农业、医疗、体育、旅游): the most
/// probable segmentation reads at least [`ABBREVIATION_RUN`] one-character
/// words in a row there, none of them a verb, preposition or conjunction. A
/// slip breaks one word into two or three single characters beside whole
/// words; only a list of abbreviations makes a long run of lone nouns.
pub(super) fn in_abbreviation_run(lex: &Lexicon, ids: &[CharId], i: usize, len: usize) -> bool {
    let from = i.saturating_sub(RUN_CONTEXT);
    let to = (i + len + RUN_CONTEXT).min(ids.len());
    let context = &ids[from..to];
    let mut ends = Vec::new();
    lex.segment(context, &mut ends);
    // Tokens as (start, end) in the context.
    let tokens = super::lexicon::words_of(&ends);
    let lone_noun = |&(a, b): &(usize, usize)| {
        b == a + 1 && !lex.word(&context[a..b]).is_some_and(|w| w.is_free())
    };
    let (wa, wb) = (i - from, i - from + len);
    let mut run_start = 0;
    for (t, tok) in tokens.iter().enumerate() {
        if !lone_noun(tok) {
            run_start = t + 1;
            continue;
        }
        let run_end = tokens[t..]
            .iter()
            .position(|x| !lone_noun(x))
            .map_or(tokens.len(), |p| t + p);
        if t == run_start && run_end - run_start >= ABBREVIATION_RUN {
            let (a, b) = (tokens[run_start].0, tokens[run_end - 1].1);
            if a <= wa && wb <= b {
                return true;
            }
        }
    }
    false
}

/// What a place's name ends in when it names a city, county or province.
const PLACE_LEVEL: &str = "省市县州区";
/// How often the document must write the place with its level.
const PLACE_MENTIONS: usize = 3;

/// Whether the character a window has in place of its suggestion begins the
/// name of a place the document writes again and again (溧 of 溧阳市): reports
/// abbreviate their own city or county to its first character (在溧高校, 留溧率),
/// which reads like a slip to a word list.
pub(super) fn short_for_place(doc: &str, written: &str, meant: &str) -> bool {
    let Some(c) = written
        .chars()
        .zip(meant.chars())
        .find(|(a, b)| a != b)
        .map(|(a, _)| a)
    else {
        return false;
    };
    let mut mentions = 0;
    for (b, _) in doc.match_indices(c) {
        let mut rest = doc[b + c.len_utf8()..].chars();
        let (second, third, fourth) = (rest.next(), rest.next(), rest.next());
        let han_name = |x: Option<char>| x.is_some_and(|x| is_han(x) && !PLACE_LEVEL.contains(x));
        let level = |x: Option<char>| x.is_some_and(|x| PLACE_LEVEL.contains(x));
        if han_name(second) && (level(third) || (han_name(third) && level(fourth))) {
            mentions += 1;
            if mentions >= PLACE_MENTIONS {
                return true;
            }
        }
    }
    false
}

/// Characters that end the name of a place or a piece of infrastructure
/// (某某街, 某某桥, 某某村).
const PLACE_END: &str = "省市县区镇乡村州旗岛湾街路桥港";

/// Whether a doubled place ending (某某街|街区, 大渡河一桥|桥头) is a name meeting a
/// word: the first copy closes a place name after a Han character, the second
/// starts a word of the lexicon. 农 of 市农农村局 ends no place name.
pub(super) fn place_end_meets_word(prev: char, x: char, after: &[char]) -> bool {
    if !is_han(prev) || !PLACE_END.contains(x) {
        return false;
    }
    let lex = Lexicon::get();
    let ids: Vec<CharId> = std::iter::once(x)
        .chain(after.iter().copied().take_while(|&c| is_han(c)))
        .map(|c| lex.id(c))
        .collect();
    (2..=ids.len().min(4)).any(|l| lex.word(&ids[..l]).is_some_and(|w| !w.is_name()))
}

/// Whether a word of the lexicon (a name too) ending in a place's ending
/// ends on `tail`'s last character, which is the first copy of a double:
/// a place and then its feature (某港|港 = the port of 某港).
pub(super) fn place_then_its_feature(tail: &[char]) -> bool {
    let Some(&x) = tail.last() else {
        return false;
    };
    if !PLACE_END.contains(x) {
        return false;
    }
    let lex = Lexicon::get();
    (2..=tail.len().min(4)).any(|l| {
        let w = &tail[tail.len() - l..];
        w.iter().all(|&c| is_han(c))
            && lex
                .word(&w.iter().map(|&c| lex.id(c)).collect::<Vec<CharId>>())
                .is_some()
    })
}

/// Whether a place's suffix (one of `suffixes`) follows byte `end` within
/// [`NAME_END_REACH`] characters, with only characters between that make no
/// word with each other (合孜|勒哈英|村): a transliterated or old local name
/// reads as lone characters up to its suffix, where a slip sits among words.
pub(super) fn place_after_lone_chars(text: &str, end: usize, suffixes: &str) -> bool {
    let lex = Lexicon::get();
    let mut between: Vec<CharId> = Vec::new();
    for c in text[end..].chars().take(NAME_END_REACH + 1) {
        if !is_han(c) {
            return false;
        }
        if suffixes.contains(c) {
            return !between.is_empty()
                && between
                    .windows(2)
                    .all(|p| lex.word(p).is_none_or(|w| w.is_name()));
        }
        between.push(lex.id(c));
    }
    false
}

/// How far another doubling of a parallel construction is looked for.
const PARALLEL_REACH: usize = 10;

/// Whether the doubled character at `k` of `chars` is one of parallel
/// doublings (月月有进展、季季有突破; 校校通、班班通): another character is doubled
/// nearby with the same character after it or before it. Doubling a noun this
/// way says "every one" (distributive reduplication); a slip does not come in
/// pairs with the same neighbour.
pub(super) fn parallel_doubling(at: impl Fn(usize) -> char, len: usize, k: usize) -> bool {
    let x = at(k);
    let (before, after) = (if k > 0 { at(k - 1) } else { '\0' }, at(k + 2));
    let from = k.saturating_sub(PARALLEL_REACH);
    let to = (k + 2 + PARALLEL_REACH).min(len.saturating_sub(1));
    (from..to).filter(|&j| j + 1 < k || j > k + 1).any(|j| {
        let y = at(j);
        y != x
            && is_han(y)
            && at(j + 1) == y
            && ((is_han(after) && at(j + 2) == after)
                || (j > 0 && is_han(before) && at(j - 1) == before))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(check: fn(&str, usize, usize) -> bool, text: &str, w: &str) -> bool {
        let start = text.find(w).expect("window in text");
        check(text, start, start + w.len())
    }

    #[test]
    fn items_of_a_list_of_named_projects() {
        // Made-up names: the items before 等…项目 / a count of towns are names.
        let s = "新签约云帆光电、丰丰食品、蓝海新材等项目42个。";
        assert!(at(in_named_list, s, "丰丰"));
        assert!(at(
            in_named_list,
            "加快推进禾禾农业二期等重点项目建设。",
            "禾禾"
        ));
        assert!(at(
            in_named_list,
            "东坪新村、桥桥下和河口三个村完成改造。",
            "桥桥"
        ));
        assert!(at(in_named_list, "茂茂、安兴高速开工。", "茂茂"));
        assert!(at(in_named_list, "完成禾禾沟等4座污水处理厂改造。", "禾禾"));
        assert!(at(
            in_named_list,
            "实施禾禾纸业扩建等一批投资10亿元以上的重大项目。",
            "禾禾"
        ));
        // A list of ordinary work is no list of names.
        assert!(!at(in_named_list, "加强坚督检查、安全生产等工作。", "坚督"));
        // The clause ends before the closer.
        assert!(!at(
            in_named_list,
            "加强坚督检查，推进产业园等项目。",
            "坚督"
        ));
        // A count closes a list only after an enumeration comma.
        assert!(!at(in_named_list, "坚督检查三个镇。", "坚督"));
    }

    #[test]
    fn a_name_ending_follows() {
        assert!(name_end_follows("麒马大道建成", 0));
        assert!(name_end_follows("丰泰控股有限公司", 0));
        assert!(name_end_follows("云岭青年音乐节开幕", 0));
        assert!(!name_end_follows("检查，集团", 0));
    }

    #[test]
    fn parallel_doublings_are_distributive() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        let check = |s: &str, w: &str| {
            let (v, w) = (c(s), c(w));
            let k = (0..v.len()).find(|&i| v[i..].starts_with(&w));
            let k = k.expect("double in text");
            parallel_doubling(|i| v.get(i).copied().unwrap_or('\0'), v.len(), k)
        };
        assert!(check("做到组组有台账、片片有专人。", "片片"));
        assert!(check("实现乡乡通、组组通。", "乡乡"));
        assert!(!check("协同市农农村局推进。", "农农"));
        assert!(!check("我们们要和和效力。", "们们"));
    }

    #[test]
    fn a_place_ending_meets_a_word() {
        let after = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(place_end_meets_word('华', '街', &after("区建设")));
        assert!(place_end_meets_word('一', '桥', &after("头")));
        assert!(!place_end_meets_word('市', '农', &after("村局")));
        assert!(!place_end_meets_word('，', '街', &after("区")));
    }

    #[test]
    fn a_place_then_its_feature() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(place_then_its_feature(&c("湛江港")));
        assert!(!place_then_its_feature(&c("市农")));
        assert!(!place_then_its_feature(&c("完成")));
    }

    #[test]
    fn a_place_name_of_lone_characters() {
        let s = "乌尔孜勒哈木村";
        let end = s.char_indices().nth(3).map(|(b, _)| b).expect("index");
        assert!(place_after_lone_chars(s, end, "村镇"));
        let t = "坚督检查全村";
        let end = t.char_indices().nth(2).map(|(b, _)| b).expect("index");
        assert!(!place_after_lone_chars(t, end, "村镇"), "检查 is a word");
    }

    #[test]
    fn a_city_is_short_for_itself() {
        let doc = "溧阳市经济稳步增长。溧阳市人民政府。建设溧阳市。留溧率达到40%。";
        assert!(short_for_place(doc, "溧率", "利率"));
        assert!(!short_for_place("留溧率达到40%。", "溧率", "利率"));
        // 全市县: 全 begins no place name.
        assert!(!short_for_place(
            "全市县。全市县。全市县。权市。",
            "权市",
            "全市"
        ));
    }

    #[test]
    fn abbreviation_runs() {
        let lex = Lexicon::get();
        let ids = |s: &str| s.chars().map(|c| lex.id(c)).collect::<Vec<CharId>>();
        // 文化、体育、商业、旅游、农业: one character each.
        let run = ids("推进农文医体商融合发展");
        assert!(in_abbreviation_run(lex, &run, 4, 2));
        let slip = ids("要加强坚督检查工作");
        assert!(!in_abbreviation_run(lex, &slip, 3, 2));
    }
}
