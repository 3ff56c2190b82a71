//! Search and the folding behind it: equivalences, smart case, exact mode, phrases across
//! line ends, the offset map (by property tests), and the shipped article.
#![allow(clippy::unwrap_used)]

use std::ops::Range;

use proptest::prelude::*;
use qari::arabic::{Fold, Normalized, fold_str};
use qari::listing::{self, Style};
use qari::search::{Index, Mode, Query};

const ARTICLE: &str = include_str!("../assets/article.txt");

fn find(text: &str, query: &str, mode: Mode) -> Vec<Range<usize>> {
    Index::new(text.to_string()).find_all(&Query::new(query, mode).unwrap())
}

fn found<'a>(text: &'a str, query: &str, mode: Mode) -> Vec<&'a str> {
    find(text, query, mode)
        .into_iter()
        .map(|r| text.get(r).unwrap())
        .collect()
}

#[test]
fn harakat_and_tatweel_are_ignored_on_both_sides() {
    assert_eq!(found("قال كَتَبَ الدرس", "كتب", Mode::Loose), ["كَتَبَ"]);
    assert_eq!(found("قال كتب الدرس", "كَتَبَ", Mode::Loose), ["كتب"]);
    assert_eq!(found("قال كتـــب الدرس", "كتب", Mode::Loose), ["كتـــب"]);
    assert_eq!(found("الرحمٰن", "الرحمن", Mode::Loose), ["الرحمٰن"]);
    assert_eq!(found("ضَرَبًا", "ضربا", Mode::Loose), ["ضَرَبًا"]);
}

#[test]
fn letter_variants_match_their_base_letter() {
    for (text, query) in [
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمن", "امن"),
        ("ٱلله", "الله"),
        ("مدرسة", "مدرسه"),
        ("مدرسه", "مدرسة"),
        ("مستشفى", "مستشفي"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("کتاب", "كتاب"),
        ("ایران", "ايران"),
        ("احمد", "أحمد"),
    ] {
        assert_eq!(found(text, query, Mode::Loose), [text], "{query} in {text}");
    }
}

#[test]
fn invisible_marks_do_not_split_words() {
    assert_eq!(
        found("می\u{200C}خواهم", "میخواهم", Mode::Loose),
        ["می\u{200C}خواهم"]
    );
    assert_eq!(found("a \u{200F}b", "a b", Mode::Loose), ["a \u{200F}b"]);
}

/// The characters that draw nothing and turn up inside words of text from the web.
const HIDDEN: [char; 6] = [
    '\u{2060}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}', '\u{00AD}',
];

#[test]
fn a_word_with_a_hidden_character_inside_is_found_as_it_shows() {
    for hidden in HIDDEN {
        let word = format!("مر{hidden}حبا");
        let text = format!("قال {word} ثم مضى");
        for mode in [Mode::Loose, Mode::Exact] {
            assert_eq!(
                found(&text, "مرحبا", mode),
                [word.as_str()],
                "{hidden:?} {mode:?}"
            );
            assert_eq!(
                found(&text, &word, mode),
                [word.as_str()],
                "{hidden:?} {mode:?}"
            );
        }
    }
}

#[test]
fn smart_case() {
    let text = "NATO nato Nato";
    assert_eq!(found(text, "nato", Mode::Loose), ["NATO", "nato", "Nato"]);
    assert_eq!(found(text, "Nato", Mode::Loose), ["Nato"]);
    assert_eq!(found(text, "NATO", Mode::Loose), ["NATO"]);
    assert_eq!(found("ÉTÉ été", "été", Mode::Loose), ["ÉTÉ", "été"]);
    // A capital in a query still leaves Arabic folding on.
    assert_eq!(
        found("حلف الناتو NATO", "الناتو NATO", Mode::Loose),
        ["الناتو NATO"]
    );
    assert_eq!(
        found("حلف الناتو NATO", "النَّاتو NATO", Mode::Loose),
        ["الناتو NATO"]
    );
}

#[test]
fn exact_mode_is_literal_but_unifies_whitespace() {
    let text = "أحمد احمد أَحمد Ahmad ahmad";
    assert_eq!(found(text, "أحمد", Mode::Exact), ["أحمد"]);
    assert_eq!(found(text, "احمد", Mode::Exact), ["احمد"]);
    assert_eq!(found(text, "ahmad", Mode::Exact), ["ahmad"]);
    assert_eq!(
        found("حلف\nشمال   الأطلسي", "حلف شمال الأطلسي", Mode::Exact),
        ["حلف\nشمال   الأطلسي"]
    );
}

#[test]
fn phrases_are_found_across_line_ends() {
    let text = "قال إن حلف\r\nشمال\n\n\tالأطلسي قرر";
    assert_eq!(
        found(text, "حلف شمال الاطلسي", Mode::Loose),
        ["حلف\r\nشمال\n\n\tالأطلسي"]
    );
    assert_eq!(found(text, "  حلف    شمال  ", Mode::Loose), ["حلف\r\nشمال"]);
    assert_eq!(
        found("end of\u{00A0}line", "of line", Mode::Loose),
        ["of\u{00A0}line"]
    );
}

#[test]
fn empty_queries_are_none() {
    assert!(Query::new("", Mode::Loose).is_none());
    assert!(Query::new(" \n\t", Mode::Exact).is_none());
    assert!(Query::new("\u{064E}ـ", Mode::Loose).is_none());
    assert!(Query::new("\u{064E}", Mode::Exact).is_some());
}

#[test]
fn matches_do_not_overlap() {
    assert_eq!(find("aaaaa", "aa", Mode::Loose), [0..2, 2..4]);
}

#[test]
fn find_from_and_before_step_through_matches() {
    let text = "الناتو ثم الناتو ثم الناتو";
    let index = Index::new(text.to_string());
    let q = Query::new("الناتو", Mode::Loose).unwrap();
    let all = index.find_all(&q);
    assert_eq!(all.len(), 3);
    assert_eq!(index.find_from(&q, 0), Some(all[0].clone()));
    assert_eq!(index.find_from(&q, all[0].start + 1), Some(all[1].clone()));
    assert_eq!(index.find_from(&q, all[2].start + 1), None);
    assert_eq!(index.find_before(&q, all[2].start), Some(all[1].clone()));
    assert_eq!(
        index.find_before(&q, all[0].start + 1),
        Some(all[0].clone())
    );
    assert_eq!(index.find_before(&q, all[0].start), None);
    assert_eq!(index.find_before(&q, text.len() + 10), Some(all[2].clone()));
    assert_eq!(index.find_from(&q, text.len() + 10), None);
}

/// `--list matches` as JSON or as lines.
fn render_list(text: &str, matches: &[std::ops::Range<usize>], json: bool) -> String {
    let style = Style {
        json,
        ..Style::default()
    };
    let doc = qari::document::Document::new(text.to_owned(), "");
    let mut out = Vec::new();
    listing::matches(&doc, matches, style, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn listing_formats() {
    let text = "سطر أول\nفيه الناتو\r\nو الناتو مرة\n";
    let matches = find(text, "الناتو", Mode::Loose);
    assert_eq!(
        render_list(text, &matches, true),
        format!(
            "{{\"matches\":[{{\"start\":{},\"end\":{}}},{{\"start\":{},\"end\":{}}}]}}\n",
            matches[0].start, matches[0].end, matches[1].start, matches[1].end
        )
    );
    assert_eq!(
        render_list(text, &matches, false),
        "2\tفيه الناتو\n3\tو الناتو مرة\n"
    );
    assert_eq!(render_list(text, &[], true), "{\"matches\":[]}\n");
}

/// Counts the literal spellings in `variants` the way a reader would, independently of the
/// normaliser.
fn count_literal(text: &str, variants: &[&str]) -> usize {
    variants.iter().map(|v| text.matches(v).count()).sum()
}

#[test]
fn article_alef_forms() {
    let m = found(ARTICLE, "الاطلسي", Mode::Loose);
    let hamza = ARTICLE.matches("الأطلسي").count();
    assert!(hamza > 0);
    assert_eq!(
        m.len(),
        count_literal(ARTICLE, &["الأطلسي", "الاطلسي", "الإطلسي"])
    );
    assert_eq!(m.iter().filter(|s| **s == "الأطلسي").count(), hamza);
}

#[test]
fn article_africa_both_hamzas() {
    let m = found(ARTICLE, "افريقيا", Mode::Loose);
    let hamza_above = ARTICLE.matches("أفريقيا").count();
    let hamza_below = ARTICLE.matches("إفريقيا").count();
    assert!(
        hamza_above > 0 && hamza_below > 0,
        "the article spells it both ways"
    );
    assert_eq!(
        m.len(),
        count_literal(ARTICLE, &["أفريقيا", "إفريقيا", "افريقيا", "آفريقيا"])
    );
    assert_eq!(m.iter().filter(|s| **s == "أفريقيا").count(), hamza_above);
    assert_eq!(m.iter().filter(|s| **s == "إفريقيا").count(), hamza_below);
}

#[test]
fn article_nato_inside_quotes() {
    let ranges = find(ARTICLE, "الناتو", Mode::Loose);
    assert_eq!(ranges.len(), ARTICLE.matches("الناتو").count());
    let quoted = ARTICLE.matches("“الناتو”").count();
    assert!(quoted > 0);
    let inside_quotes = ranges
        .iter()
        .filter(|r| {
            ARTICLE.get(..r.start).unwrap().ends_with('“')
                && ARTICLE.get(r.end..).unwrap().starts_with('”')
        })
        .count();
    assert_eq!(inside_quotes, quoted);
}

#[test]
fn article_ta_marbuta() {
    let m = found(ARTICLE, "مبادره", Mode::Loose);
    let literal = ARTICLE.matches("مبادرة").count();
    assert!(literal > 0, "the article has مبادرة");
    assert_eq!(m.len(), count_literal(ARTICLE, &["مبادرة", "مبادره"]));
    assert_eq!(m.iter().filter(|s| **s == "مبادرة").count(), literal);
}

/// Characters that exercise every rule of the fold: variants, marks, wide and narrow
/// whitespace, cased letters (some whose lowercase changes length), invisible marks.
fn alphabet() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        'ا', 'أ', 'إ', 'آ', 'ٱ', 'ب', 'ة', 'ه', 'ى', 'ي', 'ئ', 'ؤ', 'و', 'ک', 'ك', 'ی', '\u{064B}',
        '\u{064E}', '\u{0651}', '\u{0670}', 'ـ', ' ', ' ', '\n', '\r', '\t', '\u{00A0}',
        '\u{3000}', 'a', 'A', 'b', 'B', 'É', 'é', 'İ', 'K', 'ẞ', '\u{200C}', '\u{200F}', '“', '1',
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(alphabet(), 0..60).prop_map(|v| v.into_iter().collect())
}

fn fold() -> impl Strategy<Value = Fold> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(arabic, case, whitespace)| Fold {
        arabic,
        case,
        whitespace,
    })
}

/// The folded offset → source offset map, one entry per folded byte, computed the slow way:
/// char by char, each folded on its own.
fn reference_map(src: &str, fold: Fold) -> (String, Vec<usize>) {
    let (mut text, mut map) = (String::new(), Vec::new());
    let mut in_space = false;
    for (i, c) in src.char_indices() {
        let out = if fold.whitespace && c.is_whitespace() {
            if in_space {
                String::new()
            } else {
                in_space = true;
                " ".to_owned()
            }
        } else {
            let out = fold_str(c.encode_utf8(&mut [0; 4]), fold);
            if !out.is_empty() {
                in_space = false;
            }
            out
        };
        map.extend(std::iter::repeat_n(i, out.len()));
        text.push_str(&out);
    }
    (text, map)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn offset_map_agrees_with_the_slow_way(src in text(), fold in fold()) {
        let n = Normalized::new(&src, fold);
        let (text, map) = reference_map(&src, fold);
        prop_assert_eq!(&n.text, &text);
        for (f, _) in n.text.char_indices() {
            prop_assert_eq!(n.source_offset(f), map[f]);
        }
        prop_assert_eq!(n.source_offset(n.text.len()), src.len());
        // Source ▸ folded: the first folded offset whose source offset is at or after `s`.
        for s in (0..=src.len()).filter(|&s| src.is_char_boundary(s)) {
            let expected = n.text.char_indices().map(|(f, _)| f).find(|&f| map[f] >= s).unwrap_or(n.text.len());
            prop_assert_eq!(n.folded_offset(s), expected, "source offset {}", s);
        }
    }

    #[test]
    fn every_match_folds_back_to_the_query(
        src in text(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
        exact in any::<bool>(),
    ) {
        // Take the query from the text itself so that matches exist.
        let bounds: Vec<usize> = (0..=src.len()).filter(|&i| src.is_char_boundary(i)).collect();
        let (i, j) = (a.get(&bounds), b.get(&bounds));
        let raw = src.get(*i.min(j)..*i.max(j)).unwrap();
        let mode = if exact { Mode::Exact } else { Mode::Loose };
        let Some(q) = Query::new(raw, mode) else { return Ok(()) };
        let fold = match mode {
            Mode::Exact => Fold::EXACT,
            Mode::Loose => Fold { case: !raw.chars().any(char::is_uppercase), ..Fold::LOOSE },
        };
        let needle = fold_str(raw, fold).trim_matches(' ').to_owned();
        let index = Index::new(src.clone());
        let all = index.find_all(&q);
        prop_assert!(!all.is_empty(), "the query came from the text");
        let folded = fold_str(&src, fold);
        prop_assert_eq!(all.len(), folded.matches(needle.as_str()).count());
        let mut last_end = 0;
        for r in &all {
            prop_assert!(r.start >= last_end);
            last_end = r.end;
            let hit = src.get(r.clone()).unwrap();
            prop_assert_eq!(fold_str(hit, fold), needle.clone());
            prop_assert_eq!(index.find_from(&q, r.start), Some(r.clone()));
            prop_assert_eq!(index.find_before(&q, r.start + 1), Some(r.clone()));
        }
    }
}

/// What a paragraph may hold: letters (Arabic, Latin in both cases), harakat, tatweel, digits,
/// spaces, tabs, punctuation, and the characters that draw nothing.
const PARAGRAPH: &[&str] = &[
    "ا", "أ", "ب", "ل", "لا", "م", "ة", "ى", "ي", "ک", "a", "B", "é", "Z", "1", "٣", "\u{064E}",
    "\u{0651}", "ـ", " ", " ", " ", "\t", "\u{00A0}", ".", "،", "(", ")", "\u{00AD}", "\u{061C}",
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{202B}", "\u{202C}", "\u{202E}",
    "\u{2060}", "\u{2066}", "\u{2069}", "\u{FEFF}",
];

/// What a reader sees of a row, in reading order: the text of its cells laid out without
/// reordering or shaping, less the dotted circles drawn under marks that have no letter.
fn shown(row: &qari::layout::VisualRow, text: &str) -> String {
    row.cells
        .iter()
        .map(|c| {
            let drawn = c.text(text);
            if c.glyph == qari::layout::Glyph::Base('◌') {
                drawn.replacen('◌', "", 1)
            } else {
                drawn.into_owned()
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_row_is_found_by_what_it_shows(
        pieces in prop::collection::vec(prop::sample::select(PARAGRAPH), 0..40),
        width in 1u16..30,
        exact in any::<bool>(),
    ) {
        let text = pieces.concat();
        let opts = qari::layout::LayoutOptions { reorder: false, ..Default::default() };
        let index = Index::new(text.clone());
        let (mode, fold) = if exact { (Mode::Exact, Fold::EXACT) } else { (Mode::Loose, Fold::LOOSE) };
        for row in qari::layout::layout_paragraph(&text, 0..text.len(), width, &opts) {
            let query = shown(&row, &text);
            let Some(q) = Query::new(&query, mode) else { continue };
            // Searching from the row's start finds a match in the row; it may run past the
            // row's end only over characters search does not see (a tatweel drawn on the next
            // row stretches the letter).
            let (start, end) = (row.start as usize, row.end as usize);
            let m = index.find_from(&q, start);
            prop_assert!(
                m.clone().is_some_and(|m| (start..end).contains(&m.start)
                    && fold_str(text.get(end.min(m.end)..m.end).unwrap_or("?"), fold).is_empty()),
                "row {:?} shows {:?}; found {:?}", text.get(row.range()), query, m
            );
        }
    }
}

/// CPU time this thread has run, from Linux's scheduler statistics; wall-clock time on a busy
/// machine says little.
fn thread_cpu() -> Option<std::time::Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(std::time::Duration::from_nanos(nanos))
}

/// The acceptance timing: `QARI_BIG_CORPUS=/tmp/bench_corpus/big_50mb.txt cargo test --release
/// --test search -- --ignored --nocapture`.
#[test]
#[ignore = "needs a large corpus file; run by hand in release mode"]
fn last_line_of_a_big_file() {
    let path = std::env::var("QARI_BIG_CORPUS").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let (wall, cpu) = (std::time::Instant::now(), thread_cpu());
    let index = Index::new(text.clone());
    let q = Query::new("خاتمه المدونه", Mode::Loose).unwrap();
    let all = index.find_all(&q);
    let cpu = cpu.zip(thread_cpu()).map(|(a, b)| b - a);
    println!(
        "{} MB: build + search {:?} wall, {cpu:?} cpu",
        text.len() >> 20,
        wall.elapsed()
    );
    assert_eq!(all.len(), 1);
    assert_eq!(text.get(all[0].clone()), Some("خاتمة المدونة"));
    let (wall, cpu) = (std::time::Instant::now(), thread_cpu());
    let again = index.find_all(&q);
    let cpu = cpu.zip(thread_cpu()).map(|(a, b)| b - a);
    println!(
        "search again on the built index: {:?} wall, {cpu:?} cpu",
        wall.elapsed()
    );
    assert_eq!(again, all);
}

#[test]
fn one_index_answers_every_kind_of_query_in_turn() {
    // The index keeps one folded copy at a time: a query of another kind folds the text again.
    let index = Index::new(ARTICLE.to_string());
    let queries = [
        ("الناتو", Mode::Loose),
        ("NATO", Mode::Loose),
        ("الناتو", Mode::Exact),
        ("الناتو", Mode::Loose),
        ("nato", Mode::Loose),
    ];
    for (q, mode) in queries {
        assert_eq!(
            index.find_all(&Query::new(q, mode).unwrap()),
            find(ARTICLE, q, mode),
            "{q} {mode:?}"
        );
    }
    assert!(!find(ARTICLE, "الناتو", Mode::Loose).is_empty());
}

#[test]
fn a_search_nobody_waits_for_gives_up() {
    let index = Index::new("الناتو والناتو ثم الناتو".to_string());
    let q = Query::new("الناتو", Mode::Loose).unwrap();
    assert_eq!(index.find_all_until(&q, || true), None);
    assert_eq!(index.find_all_until(&q, || false).map(|m| m.len()), Some(3));
}
