//! Command-line tests of the lists for scripts: `qari --list sections|entities|matches`, plain and JSON, on the shipped article and on a file.
#![allow(clippy::unwrap_used)]

#[path = "common/cli.rs"]
mod cli;

#[path = "common/article_names.rs"]
mod article_names;

use cli::qari;
use serde_json::Value;

/// The article qari ships with and lists when given no file.
const ARTICLE: &str = include_str!("../assets/article.txt");

/// The article's title, its first line.
const TITLE: &str = "شراكة خاصة بين الناتو والمغرب لتعزيز الاستقرار الإقليمي والدولي";

/// Runs `qari` with `args` and parses what it printed as JSON.
fn qari_json(args: &[&str]) -> Value {
    let out = qari(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// The 1-based number of the first article line that starts with `start`.
fn line_starting(start: &str) -> u64 {
    line_starting_after(0, start)
}

/// The 1-based number of the first article line after the first `skip` that starts with `start`.
fn line_starting_after(skip: usize, start: &str) -> u64 {
    let at = ARTICLE
        .lines()
        .skip(skip)
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?}"));
    u64::try_from(skip + at + 1).unwrap()
}

/// `(start, end)` byte ranges of a JSON list of `{"start","end"}` objects.
fn ranges(list: &Value) -> Vec<(usize, usize)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            assert_eq!(m.as_object().unwrap().len(), 2, "only start and end: {m}");
            let at = |k: &str| usize::try_from(m[k].as_u64().unwrap()).unwrap();
            (at("start"), at("end"))
        })
        .collect()
}

/// The text of `text` between byte offsets, checked to be a non-empty range on char boundaries.
fn slice(text: &str, (start, end): (usize, usize)) -> &str {
    assert!(start < end, "empty or reversed range {start}..{end}");
    text.get(start..end)
        .unwrap_or_else(|| panic!("{start}..{end} is not a range of chars of the text"))
}

#[test]
fn sections_of_the_article_as_json() {
    let v = qari_json(&["--list", "sections", "--json"]);
    assert_eq!(v.as_object().unwrap().len(), 1, "only \"sections\": {v}");
    let sections: Vec<(String, u64, u64)> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            assert_eq!(s.as_object().unwrap().len(), 3, "title, level, line: {s}");
            (
                s["title"].as_str().unwrap().to_owned(),
                s["level"].as_u64().unwrap(),
                s["line"].as_u64().unwrap(),
            )
        })
        .collect();
    // Each section's line is where its title is.
    let lines: Vec<&str> = ARTICLE.lines().collect();
    for (title, _, line) in &sections {
        let text = lines[usize::try_from(*line).unwrap() - 1];
        assert!(text.contains(title.as_str()), "line {line} is {text:?}");
    }
    let summary: Vec<(&str, u64)> = sections.iter().map(|(t, l, _)| (t.as_str(), *l)).collect();
    assert_eq!(
        &summary[..3],
        [(TITLE, 1), ("دوافع محددة", 2), ("استعادة الدور", 2)],
        "the title once, then the two headings"
    );
    assert_eq!(sections[0].2, 1);
    let items = &sections[3..];
    assert_eq!(items.len(), 3, "three numbered items: {sections:?}");
    for (title, level, line) in items {
        assert_eq!(*level, 3, "{title}");
        assert!(*line > sections[2].2, "{title} after the second heading");
    }
    assert!(items[0].0.starts_with("رفع القدرات العسكرية"));
    // Neither the title's repeat, the lede, the pull quotes nor the source line is a section.
    let not_sections = [
        // The title's repeat, after the title itself on line 1.
        line_starting_after(1, TITLE),
        line_starting("حلف شمال الأطلسي (الناتو) يستمر"),
        line_starting("“الناتو” يواصل مشاورات"),
        line_starting("لدى المغرب خبرات أمنية"),
        line_starting("العرب"),
    ];
    for line in not_sections {
        assert!(
            sections.iter().all(|s| s.2 != line),
            "line {line} listed as a section: {sections:?}"
        );
    }
}

#[test]
fn sections_of_the_article_as_plain_lines() {
    let json = qari_json(&["--list", "sections", "--json"]);
    let sections = json["sections"].as_array().unwrap();
    let out = qari(&["--list", "sections"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), sections.len(), "one title per line:\n{out}");
    let mut indents = Vec::new();
    for (line, section) in lines.iter().zip(sections) {
        let (number, rest) = line.trim_start().split_once(' ').unwrap();
        assert_eq!(
            number.parse::<u64>().unwrap(),
            section["line"].as_u64().unwrap()
        );
        assert_eq!(rest.trim_start(), section["title"].as_str().unwrap());
        indents.push((
            section["level"].as_u64().unwrap(),
            rest.len() - rest.trim_start().len(),
        ));
    }
    // A deeper level is indented further.
    for pair in indents.windows(2) {
        let ((l1, i1), (l2, i2)) = (pair[0], pair[1]);
        assert_eq!(l1.cmp(&l2), i1.cmp(&i2), "indentation by level:\n{out}");
    }
}

/// An entity of the JSON list: name, kind and mention ranges (its confidence checked).
struct Entity {
    name: String,
    kind: String,
    mentions: Vec<(usize, usize)>,
}

/// The entities `qari --list entities --json` finds in the shipped article.
fn article_entities() -> Vec<Entity> {
    let v = qari_json(&["--list", "entities", "--json"]);
    assert_eq!(v.as_object().unwrap().len(), 1, "only \"entities\": {v}");
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(
                e.as_object().unwrap().len(),
                5,
                "name, kind, confidence, uncertain, mentions: {e}"
            );
            // Without --all, only the entities the recogniser is sure of.
            assert_eq!(e["uncertain"], false, "{e}");
            let confidence = e["confidence"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&confidence), "{e}");
            Entity {
                name: e["name"].as_str().unwrap().to_owned(),
                kind: e["kind"].as_str().unwrap().to_owned(),
                mentions: ranges(&e["mentions"]),
            }
        })
        .collect()
}

/// The entity named `name`, which must be listed once.
fn entity<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    let mut found = entities.iter().filter(|e| e.name == name);
    let e = found.next().unwrap_or_else(|| panic!("no entity {name:?}"));
    assert!(found.next().is_none(), "{name:?} listed twice");
    e
}

/// Byte offsets of every occurrence of `needle` in the article.
fn occurrences(needle: &str) -> Vec<usize> {
    ARTICLE.match_indices(needle).map(|(at, _)| at).collect()
}

#[test]
fn entities_of_the_article() {
    let entities = article_entities();
    for e in &entities {
        assert!(
            ["person", "organization", "location", "other"].contains(&e.kind.as_str()),
            "{}: kind {}",
            e.name,
            e.kind
        );
        assert!(!e.mentions.is_empty(), "{} has no mention", e.name);
    }
    let nato = entity(&entities, "حلف شمال الأطلسي");
    assert_eq!(nato.kind, "organization");
    let nato_texts: Vec<&str> = nato.mentions.iter().map(|&m| slice(ARTICLE, m)).collect();
    assert!(nato_texts.contains(&"الناتو"), "{nato_texts:?}");
    assert!(nato_texts.contains(&"حلف شمال الأطلسي"), "{nato_texts:?}");
    for name in article_names::PEOPLE {
        assert_eq!(entity(&entities, name).kind, "person", "{name}");
    }
    for name in article_names::PLACES {
        assert_eq!(entity(&entities, name).kind, "location", "{name}");
    }
    assert_ne!(
        entity(&entities, "النيجر").mentions,
        entity(&entities, "نيجيريا").mentions,
        "Niger and Nigeria are two entities"
    );
    for name in ["الحلف", "المملكة"] {
        assert!(
            entities.iter().all(|e| e.name != name),
            "{name} is no entity"
        );
    }
}

#[test]
fn entity_mentions_avoid_the_traps() {
    let entities = article_entities();
    let all: Vec<(&str, (usize, usize))> = entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |&m| (e.name.as_str(), m)))
        .collect();
    // مالي (Mali) is inside المالية (financial): no mention lies there.
    for at in occurrences("المالية") {
        let span = (at, at + "المالية".len());
        for &(name, (s, e)) in &all {
            assert!(
                e <= span.0 || s >= span.1,
                "{name} mention {s}..{e} inside المالية"
            );
        }
    }
    // المغرب العربي (the Maghreb) is not a mention of المغرب (Morocco).
    let morocco = entity(&entities, "المغرب");
    for at in occurrences("المغرب العربي") {
        assert!(
            morocco.mentions.iter().all(|&(s, _)| s != at),
            "المغرب mention at {at}, where المغرب العربي starts"
        );
    }
    // The Atlantic of حلف شمال الأطلسي (NATO) is no place.
    for at in occurrences("حلف شمال الأطلسي") {
        let span = (at, at + "حلف شمال الأطلسي".len());
        for e in entities.iter().filter(|e| e.name == "الأطلسي") {
            assert!(
                e.mentions
                    .iter()
                    .all(|&(s, end)| end <= span.0 || s >= span.1),
                "الأطلسي ({}) mentioned inside حلف شمال الأطلسي at {at}",
                e.kind
            );
        }
    }
}

#[test]
fn an_african_nato_is_not_nato() {
    let entities = article_entities();
    let nato = entity(&entities, "حلف شمال الأطلسي");
    for phrase in ["ناتو أفريقي", "الناتو الأفريقي"] {
        for at in occurrences(phrase) {
            let span = (at, at + phrase.len());
            assert!(
                nato.mentions
                    .iter()
                    .all(|&(s, e)| e <= span.0 || s >= span.1),
                "a mention of حلف شمال الأطلسي inside {phrase} at {at}: {:?}",
                nato.mentions
            );
        }
    }
}

/// A mention's text as a dictionary would have it, for comparing with a name: alef with
/// hamza read as a bare alef (إفريقيا is أفريقيا), without one leading conjunction or
/// preposition (و ف ب ك ل), and with the alef that ل drops before the article restored
/// (للمغرب is ل + المغرب).
fn folded(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| {
            if matches!(c, 'أ' | 'إ' | 'آ') {
                'ا'
            } else {
                c
            }
        })
        .collect();
    if let Some(rest) = text.strip_prefix("لل") {
        return format!("ال{rest}");
    }
    let bare = ["و", "ف", "ب", "ك", "ل"]
        .iter()
        .find_map(|c| text.strip_prefix(c))
        .unwrap_or(&text);
    bare.to_owned()
}

#[test]
fn entity_mentions_say_their_entity() {
    let entities = article_entities();
    // Aliases the article gives in brackets or quotes: `(الناتو)`, `“الناتو”`.
    let alias = |text: &str| {
        ARTICLE.contains(&format!("({text})")) || ARTICLE.contains(&format!("“{text}”"))
    };
    for e in &entities {
        let last = folded(e.name.split_whitespace().last().unwrap());
        for &m in &e.mentions {
            let text = slice(ARTICLE, m);
            let bare = folded(text);
            assert!(
                bare.contains(&last)
                    || alias(text)
                    || alias(&bare)
                    // Without the article: ناتو for الناتو.
                    || alias(&format!("ال{bare}")),
                "{}: mention {text:?} at {m:?}",
                e.name
            );
        }
    }
}

#[test]
fn matches_fold_hamza_and_taa_marbuta() {
    let matches = |query: &str| {
        ranges(&qari_json(&["--list", "matches", "--search", query, "--json"])["matches"])
    };
    let atlantic = matches("الاطلسي");
    assert_eq!(atlantic.len(), ARTICLE.matches("الأطلسي").count());
    for &m in &atlantic {
        assert_eq!(slice(ARTICLE, m), "الأطلسي");
    }
    let africa: Vec<&str> = matches("افريقيا")
        .iter()
        .map(|&m| slice(ARTICLE, m))
        .collect();
    assert!(africa.contains(&"أفريقيا"), "{africa:?}");
    assert!(africa.contains(&"إفريقيا"), "{africa:?}");
    assert!(
        africa.iter().all(|t| ["أفريقيا", "إفريقيا"].contains(t)),
        "{africa:?}"
    );
    let nato = matches("الناتو");
    let quoted = ARTICLE.find("“الناتو”").unwrap() + "“".len();
    assert!(
        nato.contains(&(quoted, quoted + "الناتو".len())),
        "{nato:?}"
    );
    let initiative: Vec<&str> = matches("مبادره")
        .iter()
        .map(|&m| slice(ARTICLE, m))
        .collect();
    assert!(!initiative.is_empty());
    assert!(initiative.iter().all(|&t| t == "مبادرة"), "{initiative:?}");
}

#[test]
fn exact_matches_keep_the_hamza() {
    let v = qari_json(&[
        "--list",
        "matches",
        "--search",
        "الاطلسي",
        "--exact",
        "--json",
    ]);
    assert_eq!(v, serde_json::json!({ "matches": [] }));
    let exact = qari_json(&[
        "--list",
        "matches",
        "--search",
        "الأطلسي",
        "--exact",
        "--json",
    ]);
    assert_eq!(
        ranges(&exact["matches"]).len(),
        ARTICLE.matches("الأطلسي").count()
    );
}

#[test]
fn lists_of_a_file() {
    let text = "عنوان قصير\n\nزار ينس ستولتنبرغ الرباط، ثم عاد إلى الرباط.\n";
    let mut file = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut file, text.as_bytes()).unwrap();
    let path = file.path().to_str().unwrap();
    let v = qari_json(&["--list", "matches", "--search", "الرباط", "--json", path]);
    let found = ranges(&v["matches"]);
    let expected: Vec<(usize, usize)> = text
        .match_indices("الرباط")
        .map(|(at, m)| (at, at + m.len()))
        .collect();
    assert_eq!(found, expected);
    let plain = qari(&["--list", "matches", "--search", "الرباط", path]);
    assert!(plain.lines().count() >= 1, "{plain}");
    assert!(plain.lines().all(|l| l.starts_with("3\t")), "{plain}");
    let sections = qari_json(&["--list", "sections", "--json", path]);
    for s in sections["sections"].as_array().unwrap() {
        assert!(text.contains(s["title"].as_str().unwrap()), "{s}");
    }
}

#[test]
fn matches_of_a_word_with_a_hidden_character_inside() {
    // Word joiner, zero-width space, non-joiner, joiner, byte order mark, soft hyphen: the
    // reader shows each word as مرحبا, so that is what finds them.
    let words: Vec<String> = [
        '\u{2060}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}', '\u{00AD}',
    ]
    .iter()
    .map(|h| format!("مر{h}حبا"))
    .collect();
    let text = words
        .iter()
        .map(|w| format!("قال {w} ثم مضى\n"))
        .collect::<String>();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut file, text.as_bytes()).unwrap();
    let path = file.path().to_str().unwrap();
    let v = qari_json(&["--list", "matches", "--search", "مرحبا", "--json", path]);
    let found: Vec<&str> = ranges(&v["matches"])
        .into_iter()
        .map(|r| slice(&text, r))
        .collect();
    assert_eq!(found, words);
}

#[test]
fn all_entities_add_the_uncertain_ones_marked() {
    let sure = qari(&["--list", "entities"]);
    let all = qari(&["--list", "entities", "--all"]);
    // المشهد (the scene) is a place only by the tagger's guess: listed with --all, marked.
    assert!(!sure.lines().any(|l| l.ends_with("\tالمشهد")), "{sure}");
    assert!(
        all.lines().any(|l| l.ends_with("\tالمشهد\tuncertain")),
        "{all}"
    );
    // The default list is the --all list without the uncertain lines.
    let kept: Vec<&str> = all
        .lines()
        .filter(|l| !l.ends_with("\tuncertain"))
        .collect();
    assert_eq!(kept, sure.lines().collect::<Vec<_>>());
    let json = qari_json(&["--list", "entities", "--json", "--all"]);
    let scene = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "المشهد")
        .unwrap();
    assert_eq!(scene["uncertain"], true);
    assert!(scene["confidence"].as_f64().unwrap() < 0.5);
}
