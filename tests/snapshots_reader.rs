//! Snapshot tests of whole screens, drawn into ratatui's `TestBackend`: the article at 80×24
//! and 40×12, after scrolling, and the help overlay. A change to what a reader sees shows up
//! as a snapshot diff to review.
#![allow(clippy::unwrap_used)]

use qari::app::{Action, App};
use qari::document::Document;
use qari::layout::LayoutOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(shape: bool) -> App {
    let doc = Document::new(qari::source::EMBEDDED_ARTICLE.to_string(), "article");
    App::new(
        doc,
        LayoutOptions {
            shape,
            ..LayoutOptions::default()
        },
    )
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| qari::ui::draw(f, app)).unwrap();
    t.backend().to_string()
}

#[test]
fn article_80x24() {
    insta::assert_snapshot!(screen(&mut app(false), 80, 24));
}

#[test]
fn article_80x24_shaped() {
    insta::assert_snapshot!(screen(&mut app(true), 80, 24));
}

#[test]
fn article_40x12() {
    insta::assert_snapshot!(screen(&mut app(false), 40, 12));
}

#[test]
fn article_after_page_down_and_bottom() {
    let mut a = app(false);
    screen(&mut a, 80, 24);
    a.update(Action::PageDown);
    insta::assert_snapshot!("page_down", screen(&mut a, 80, 24));
    a.update(Action::Bottom);
    insta::assert_snapshot!("bottom", screen(&mut a, 80, 24));
}

#[test]
fn help_overlay() {
    let mut a = app(false);
    a.update(Action::Help);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(&mut app(false), 10, 3));
}

/// For each article row of `app` drawn at `w`×`h`: the columns of its first and last drawn
/// cell, the scrollbar's column, the side pane and the status bar left out.
fn text_extents(app: &mut App, w: u16, h: u16) -> Vec<(u16, u16)> {
    app.update(Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| qari::ui::draw(f, app)).unwrap();
    let areas = qari::app::screen::areas(app, w, h);
    let pane = areas.side.map_or(w, |s| s.x);
    let buf = t.backend().buffer();
    (0..h - 1)
        .filter_map(|y| {
            let drawn: Vec<u16> = (1..pane).filter(|&x| buf[(x, y)].symbol() != " ").collect();
            Some((*drawn.first()?, *drawn.last()?))
        })
        .collect()
}

#[test]
fn at_160x45_the_text_keeps_to_its_measure_on_the_reading_side() {
    use qari::app::Measure;
    for (measure, name) in [
        (Measure::default(), "measure_80"),
        (Measure::Cells(60), "measure_60"),
    ] {
        let mut a = app(false);
        a.measure = measure;
        let shown = screen(&mut a, 160, 45);
        insta::assert_snapshot!(name, shown);
        let Measure::Cells(n) = measure else {
            unreachable!()
        };
        let article = qari::app::screen::areas(&a, 160, 45).article;
        assert_eq!(article.width, n);
        let extents = text_extents(&mut a, 160, 45);
        assert!(extents.len() > 30, "{shown}");
        for (first, last) in &extents {
            assert!(last - first < n, "a row wider than {n}: {first}..{last}");
            // Right to left: against the pane, where a line of Arabic starts.
            assert!(*first >= article.x, "a row left of the measure: {first}");
        }
        // Right-aligned rows end in the column beside the pane's margin.
        let right = article.right() - 1;
        assert!(extents.iter().any(|&(_, last)| last == right), "{shown}");
    }
}

#[test]
fn the_measure_key_widens_the_column_and_keeps_the_reading_position() {
    let mut a = app(false);
    screen(&mut a, 160, 45);
    a.update(Action::PageDown);
    let top = a.top_byte();
    let widest = |a: &mut App| {
        text_extents(a, 160, 45)
            .iter()
            .map(|(f, l)| l - f + 1)
            .max()
            .unwrap()
    };
    let mut widths = Vec::new();
    for _ in 0..4 {
        a.update(Action::CycleMeasure);
        widths.push(widest(&mut a));
        let row = a.top_byte();
        assert!(row <= top, "the top row holds the byte that was at the top");
        assert!(a.notice.as_deref().unwrap().starts_with("measure: "));
    }
    // 80 → full → 60 → 72 → 80: the widest row of each (the pane takes 36 columns of 160).
    assert!(widths[0] > 80 && widths[0] <= 122, "{widths:?}");
    assert!(
        widths[1] <= 60 && widths[2] <= 72 && widths[3] <= 80,
        "{widths:?}"
    );
    assert!(widths[1] < widths[2] && widths[2] < widths[3], "{widths:?}");
}

#[test]
fn search_matches_are_marked_whole_inside_the_column_at_every_measure() {
    use qari::app::Measure;
    use ratatui::style::Modifier;
    for measure in [Measure::Cells(60), Measure::Cells(72), Measure::Full] {
        let mut a = app(false);
        a.measure = measure;
        screen(&mut a, 160, 45);
        a.search_for("الناتو");
        let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
        t.draw(|f| qari::ui::draw(f, &a)).unwrap();
        let areas = qari::app::screen::areas(&a, 160, 45);
        let article = areas.article;
        let buf = t.backend().buffer();
        let mut runs = Vec::new();
        for y in article.y..article.bottom() {
            let mut run = 0;
            // From the scrollbar's right to the pane: the article and the blank room beside it.
            for x in 1..=areas.side.map_or(160, |s| s.x) {
                let marked = x < areas.side.map_or(160, |s| s.x)
                    && buf[(x, y)]
                        .modifier
                        .intersects(Modifier::REVERSED | Modifier::UNDERLINED);
                if marked {
                    assert!(
                        x >= article.x && x < article.right(),
                        "{measure:?}: {x},{y}"
                    );
                    run += 1;
                } else if run > 0 {
                    runs.push(run);
                    run = 0;
                }
            }
        }
        assert!(runs.len() >= 3, "{measure:?}: matches on screen: {runs:?}");
        // الناتو: six letters, six cells, each match marked whole on one row.
        assert!(runs.iter().all(|&r| r == 6), "{measure:?}: {runs:?}");
    }
}

#[test]
fn information_overlay_tells_the_documents_facts_and_any_key_closes_it() {
    let mut a = app(false);
    screen(&mut a, 80, 24);
    a.update(Action::PageDown);
    a.update(Action::Info);
    insta::assert_snapshot!("information_overlay", screen(&mut a, 80, 24));
    let fact = |name: &str| {
        a.info
            .iter()
            .find(|(label, _)| *label == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    let text = qari::source::EMBEDDED_ARTICLE;
    let words: usize = fact("words").parse().unwrap();
    // The white-space separated runs, less the few that are punctuation alone (dashes).
    let runs = text.split_whitespace().count();
    assert!(
        words <= runs && words * 100 >= runs * 98,
        "{words} of {runs}"
    );
    let minutes = words.div_ceil(qari::app::WORDS_A_MINUTE);
    assert!(fact("reading time").starts_with(&format!("about {minutes} min")));
    assert!(fact("size").contains(&format!("({} bytes)", text.len())));
    assert_eq!(fact("sections"), a.outline.sections.len().to_string());
    assert!(fact("title").starts_with("شراكة خاصة"));
    assert_eq!(fact("encoding"), "UTF-8");
    assert!(fact("position").starts_with(&format!("{}%, line ", a.percent())));
    assert_eq!(fact("path"), "article");
    // A key closes the overlay and does what it does; `i` again only closes it.
    let top = a.top;
    a.update(Action::LineDown);
    assert_eq!(a.overlay, qari::app::Overlay::None);
    assert!(a.top > top);
    a.update(Action::Info);
    a.update(Action::Info);
    assert_eq!(a.overlay, qari::app::Overlay::None);
}

#[test]
fn copying_more_than_a_clipboard_takes_only_says_so() {
    // One section of plain lines, larger than what is copied at once.
    let line = |i: usize| format!("السطر {i} من نص طويل بلا عناوين ولا أقسام، يتكرر حتى يكبر\n");
    let count = qari::app::MOST_COPIED / line(0).len() + 10;
    let text: String = (0..count).map(line).collect();
    let mut a = App::new(Document::new(text, "long"), LayoutOptions::default());
    screen(&mut a, 80, 24);
    a.update(Action::CopySection);
    assert_eq!(a.clipboard, None);
    assert!(
        a.notice.as_deref().unwrap().contains("too much"),
        "{:?}",
        a.notice
    );
    // A few rows of it are copied.
    a.update(Action::SelectRows);
    a.update(Action::LineDown);
    a.update(Action::Copy);
    assert_eq!(
        a.clipboard.unwrap(),
        format!("{}{}", line(0), line(1)).trim_end()
    );
}
